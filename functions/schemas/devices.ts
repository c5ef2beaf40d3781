import * as z from 'zod/mini';
import { DERIVED_STATUSES } from '../domain/devices/approval.js';
import { DEACTIVATE_STATUS, DECISIONS, LEGACY_DECISIONS } from '../domain/status-words.js';
import { optionalText, requiredText } from '../http/constraints.js';
import { allowedWords, queryWord } from './documented.js';
import { queryValue, sortAndPageQuery } from './list-query.js';

const optionalValue = z.optional(z.nullable(z.string({ error: 'must be a string' })));

/**
 * `@JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")` on an SBI's dates: that exact form of a real UTC instant
 * (no day rolled over into the next month). MOSIP fails with a null-code error on a missing date; ours is PMS_COR_001.
 */
function mosipInstant() {
  const format = "must match yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
  return z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'must not be null' : format) }).check(
    z.refine(
      (value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value,
      {
        error: format,
      },
    ),
  );
}

/** SecureBiometricInterfaceCreateDto of `POST /securebiometricinterface`. */
export const sbiCreateRequest = z.object({
  swBinaryHash: requiredText(1, 36),
  swVersion: requiredText(1, 64),
  swCreateDateTime: mosipInstant(),
  swExpiryDateTime: mosipInstant(),
  providerId: requiredText(1, 36),
});

/** SecureBiometricInterfaceStatusUpdateDto of `PATCH /securebiometricinterface`; the value is checked by the operation. */
export const sbiStatusRequest = z.object({
  id: requiredText(1, 36),
  approvalStatus: allowedWords(requiredText(1, 36), LEGACY_DECISIONS, 'Exactly'),
});

/** DeactivateSbiRequestDto / DeactivateDeviceRequestDto: `status` is checked by the operation (PMS_DEVICE_ERROR_026). */
export const deactivateRequest = z.object({
  status: allowedWords(z.optional(z.nullable(z.string({ error: 'must be a string' }))), [DEACTIVATE_STATUS], 'Exactly'),
});

/** DeviceDetailDto of `POST /securebiometricinterface/{sbiId}/devices` (and the legacy `POST /devicedetail`). */
export const deviceDetailRequest = z.object({
  id: optionalText(36),
  deviceProviderId: requiredText(1, 36),
  deviceTypeCode: requiredText(1, 36),
  deviceSubTypeCode: requiredText(1, 36),
  make: requiredText(1, 36),
  model: requiredText(1, 36),
});

/** SbiAndDeviceMappingRequestDto of `POST /devicedetail/{id}/approval`: no bean constraints, checked by the operation. */
export const deviceApprovalRequest = z.object({
  partnerId: optionalValue,
  sbiId: optionalValue,
  status: allowedWords(z.optional(z.nullable(z.string({ error: 'must be a string' }))), DECISIONS, 'Exactly'),
});

/** `GET /securebiometricinterface`: paging, sorting and SbiFilterDto; all bound by the list itself. */
export const sbiListQuery = z.object({
  ...sortAndPageQuery,
  partnerId: queryValue,
  orgName: queryValue,
  sbiId: queryValue,
  sbiVersion: queryValue,
  status: queryWord(DERIVED_STATUSES, 'Exactly'),
  sbiExpiryStatus: queryValue,
});
export type SbiListQuery = z.output<typeof sbiListQuery>;

/** `GET /devicedetail`: paging, sorting and DeviceDetailFilterDto. */
export const deviceListQuery = z.object({
  ...sortAndPageQuery,
  partnerId: queryValue,
  orgName: queryValue,
  deviceType: queryValue,
  deviceSubType: queryValue,
  status: queryWord(DERIVED_STATUSES, 'Exactly'),
  make: queryValue,
  model: queryValue,
  sbiId: queryValue,
  sbiVersion: queryValue,
  deviceId: queryValue,
});
export type DeviceListQuery = z.output<typeof deviceListQuery>;
