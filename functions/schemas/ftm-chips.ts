import * as z from 'zod/mini';
import { CHIP_STATUSES } from '../domain/ftm-chips/ftm-chip.js';
import { requiredText } from '../http/constraints.js';
import { CERTIFICATE_DATA_MAX } from './certificates.js';
import { queryWord } from './documented.js';
import { queryValue, sortAndPageQuery } from './list-query.js';

const TEXT = { blank: 'value is empty or null', size: 'Length should be in between 1 and 36 chars' };

const requiredBoolean = () => z.boolean({ error: (issue) => (issue.input === undefined || issue.input === null ? 'must not be null' : 'must be a boolean') });

/** FtpChipDetailDto of `POST /ftpchipdetail`. */
export const ftmChipCreateRequest = z.object({
  ftpProviderId: requiredText(1, 36, TEXT),
  make: requiredText(1, 36, TEXT),
  model: requiredText(1, 36, TEXT),
});

/** FtpChipDetailUpdateDto of the legacy `PUT /ftpchipdetail`. */
export const ftmChipUpdateRequest = z.object({
  ftpChipDetailId: requiredText(1, 36, TEXT),
  make: requiredText(1, 36, TEXT),
  model: requiredText(1, 36, TEXT),
});

/** FtpChipDetailStatusDto of `PATCH /ftpchipdetail`: true approves, false rejects. */
export const ftmChipStatusRequest = z.object({
  ftpChipDetailId: requiredText(1, 36, TEXT),
  approvalStatus: requiredBoolean(),
});

/**
 * FtpChipCertificateRequestDto of `POST /ftpchipdetail/uploadcertificate` (`ftpChipDeatilId` sic). Every field is
 * @NotBlank in MOSIP without a size; ours are bounded. `isItForRegistrationDevice` is required and unused, as there.
 */
export const ftmChipCertificateRequest = z.object({
  ftpProviderId: requiredText(1, 36),
  ftpChipDeatilId: requiredText(1, 36),
  isItForRegistrationDevice: requiredBoolean(),
  certificateData: requiredText(1, CERTIFICATE_DATA_MAX),
  organizationName: requiredText(1, 128),
  partnerDomain: requiredText(1, 16),
});

/** `GET /ftpchipdetail/v2`: paging, sorting and FtmChipFilterDto; all bound by the list itself. */
export const ftmChipListQuery = z.object({
  ...sortAndPageQuery,
  partnerId: queryValue,
  orgName: queryValue,
  ftmId: queryValue,
  make: queryValue,
  model: queryValue,
  status: queryWord(CHIP_STATUSES, 'Exactly'),
});
export type FtmChipListQuery = z.output<typeof ftmChipListQuery>;
