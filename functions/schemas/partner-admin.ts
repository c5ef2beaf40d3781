import * as z from 'zod/mini';
import { PARTNER_TYPES } from '../domain/partners/partner-types.js';
import { ACTIVATION_STATUSES } from '../domain/status-words.js';
import { allowedWords, queryWord } from './documented.js';
import { queryValue, sortAndPageQuery } from './list-query.js';

/**
 * Query string of `GET /admin-partners`. Every value stays a string, as it arrives: pageNo, pageSize and
 * isActive are bound by the list itself, in MOSIP's order, so that a negative page gets MOSIP's business code
 * (PMS_PRT_360/361) rather than a schema error. Unknown parameters are dropped, as Spring ignores them.
 */
export const adminPartnersQuery = z.object({
  ...sortAndPageQuery,
  partnerId: queryValue,
  partnerType: queryWord(Object.keys(PARTNER_TYPES)),
  isActive: queryValue,
  orgName: queryValue,
  emailAddress: queryValue,
  certificateUploadStatus: queryValue,
  policyGroupName: queryValue,
});

export type AdminPartnersQuery = z.output<typeof adminPartnersQuery>;

const EMPTY = 'value is empty or null';

/** StatusRequestDto (`@NotBlank(message="value is empty or null") status`); the value is checked by the operation. */
export const partnerStatusRequest = z.object({
  status: allowedWords(
    z
      .string({ error: (issue) => (issue.input === undefined || issue.input === null ? EMPTY : 'must be a string') })
      .check(z.refine((value) => value.trim().length > 0, { error: EMPTY })),
    ACTIVATION_STATUSES,
    'Any case',
  ),
});

/** `GET /partners` and `GET /partners/v2`: an optional partner type (Spring ignores other parameters). */
export const partnersOfTypeQuery = z.object({ partnerType: queryWord(Object.keys(PARTNER_TYPES)) });
