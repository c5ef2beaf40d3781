import * as z from 'zod/mini';
import { LEGACY_DECISIONS } from '../domain/status-words.js';
import { requiredText } from '../http/constraints.js';
import { sbiCreateRequest } from './devices.js';
import { allowedWords } from './documented.js';

const { swBinaryHash, swVersion, swCreateDateTime, swExpiryDateTime } = sbiCreateRequest.shape;

/** SecureBiometricInterfaceUpdateDto of the legacy `PUT /securebiometricinterface`: the create's fields, the SBI's id and `isActive`. */
export const sbiUpdateRequest = z.object({
  id: requiredText(1, 36),
  swBinaryHash,
  swVersion,
  swCreateDateTime,
  swExpiryDateTime,
  isActive: z.boolean({ error: (issue) => (issue.input === undefined || issue.input === null ? 'must not be null' : 'must be a boolean') }),
});

/**
 * DeviceDetailSBIMappingDto of the legacy map and unmap: both ids @NotBlank. MOSIP sets no size; ours is the
 * path parameters' bound, far above any id PMS makes.
 */
export const deviceSbiMappingRequest = z.object({
  deviceDetailId: requiredText(1, 256),
  sbiId: requiredText(1, 256),
});

/** DeviceDetailUpdateDto of the legacy `PUT /devicedetail`; `deviceProviderId` is not part of it (a device keeps its provider). */
export const deviceUpdateRequest = z.object({
  id: requiredText(1, 36),
  deviceTypeCode: requiredText(1, 36),
  deviceSubTypeCode: requiredText(1, 36),
  make: requiredText(1, 36),
  model: requiredText(1, 36),
});

/** UpdateDeviceDetailStatusDto of the legacy `PATCH /devicedetail`; the value is checked by the operation (PMS_AUT_025). */
export const deviceStatusRequest = z.object({
  id: requiredText(1, 36),
  approvalStatus: allowedWords(requiredText(1, 36), LEGACY_DECISIONS, 'Exactly'),
});

export type SbiUpdateRequest = z.output<typeof sbiUpdateRequest>;
export type DeviceSbiMappingRequest = z.output<typeof deviceSbiMappingRequest>;
export type DeviceUpdateRequest = z.output<typeof deviceUpdateRequest>;
