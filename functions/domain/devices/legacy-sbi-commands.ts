import { DEVICE_ERRORS, LEGACY_DEVICE_ERRORS } from '../../errors/device-errors.js';
import { ConcurrentModificationError, InactivePartnerError, PmsError, UniqueConstraintError, withArguments } from '../../errors/pms-error.js';
import type { DeviceSbiMappingRequest, SbiUpdateRequest } from '../../schemas/legacy-devices.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { retryOnConflict } from '../retry.js';
import { changedBy, derivedStatus } from './approval.js';
import { DEVICE_AUDIT_TYPE, type DeviceDetail, newLink } from './device.js';
import type { DeviceDeps } from './ports.js';
import { inScope, providerScope } from './provider-scope.js';
import { checkSbiDates, isExpired, SBI_AUDIT_TYPE, type Sbi } from './sbi.js';
import { rethrowSbiWriteRefusal } from './sbi-commands.js';

export const MAPPING_EXISTS = 'Mapping already exists';
export const SUCCESS = 'Success';

/**
 * What the legacy update may do to an SBI. MOSIP's sets `isActive` as sent, whatever the SBI's state, so a provider
 * could switch on an SBI no admin approved and change the software of one that was approved. Ours edits only a
 * pending SBI (approved PMS_AUT_517, rejected PMS_AUT_518, deactivated PMS_DEVICE_ERROR_020, as the approval
 * endpoints answer them), and `isActive` cannot switch it on (PMS_DEVICE_ERROR_022): only a partner admin's approval
 * does.
 */
export function checkSbiEditable(sbi: Sbi, isActive: boolean): void {
  const status = derivedStatus(sbi);
  if (status === 'approved') throw new PmsError(LEGACY_DEVICE_ERRORS.SBI_ALREADY_APPROVED);
  if (status === 'rejected') throw new PmsError(LEGACY_DEVICE_ERRORS.SBI_ALREADY_REJECTED);
  if (status === 'deactivated') throw new PmsError(DEVICE_ERRORS.SBI_ALREADY_DEACTIVATED);
  if (isActive) throw new PmsError(DEVICE_ERRORS.SBI_NOT_APPROVED);
}

/**
 * Legacy `PUT /securebiometricinterface` (SecureBiometricInterfaceServiceImpl#updateSecureBiometricInterface), in
 * MOSIP's order: the dates (as on creation), the SBI (PMS_AUT_007; another provider's is missing to a provider),
 * then ours: the state rules of `checkSbiEditable`. The version stays unique per provider through the guard item
 * (PMS_AUT_512, compared normalised as on creation), and the provider must still be active (PMS_AUT_002).
 */
export async function updateSbiLegacy(deps: DeviceDeps, caller: Caller, input: SbiUpdateRequest) {
  checkSbiDates(input.swCreateDateTime, input.swExpiryDateTime, deps.clock.now());
  const scope = await providerScope(deps, caller);
  return retryOnConflict(async () => {
    const sbi = inScope(scope, await deps.devices.getSbi(input.id), (found) => found.providerId);
    if (!sbi) throw new PmsError(withArguments(LEGACY_DEVICE_ERRORS.SBI_NOT_FOUND, input.id));
    checkSbiEditable(sbi, input.isActive);
    const now = deps.clock.now();
    const { swBinaryHash, swVersion, swCreateDateTime, swExpiryDateTime } = input;
    const next = changedBy(sbi, caller.userId, now, { swBinaryHash, swVersion, swCreateDateTime, swExpiryDateTime });
    const audit = auditEntry(caller.userId, 'updateSbi', SBI_AUDIT_TYPE, sbi.id, now, { providerId: sbi.providerId, swVersion });
    await deps.devices.commit({ sbis: [{ next, previous: sbi }], activePartnerId: sbi.providerId, audits: [audit] }).catch(rethrowSbiWriteRefusal);
    return { id: sbi.id };
  });
}

/** The device half of MOSIP's legacy map, in its order: it exists (PMS_AUT_005), is not rejected (028), is active (027). */
export function checkDeviceMappable(device: DeviceDetail | undefined, deviceId: string): DeviceDetail {
  if (!device) throw new PmsError(withArguments(LEGACY_DEVICE_ERRORS.DEVICE_DETAIL_NOT_FOUND, deviceId));
  if (!device.isActive && device.approvalStatus === 'rejected') throw new PmsError(withArguments(LEGACY_DEVICE_ERRORS.DEVICE_DETAIL_REJECTED, deviceId));
  if (!device.isActive) throw new PmsError(withArguments(LEGACY_DEVICE_ERRORS.DEVICE_DETAIL_NOT_APPROVED, deviceId));
  return device;
}

/**
 * The SBI half, in MOSIP's order: it exists (PMS_AUT_007), is active (511: pending, rejected and deactivated SBIs are
 * all inactive), not expired (513), and of the device's provider (509).
 */
export function checkSbiMappable(sbi: Sbi | undefined, sbiId: string, device: DeviceDetail, now: Date): Sbi {
  if (!sbi) throw new PmsError(withArguments(LEGACY_DEVICE_ERRORS.SBI_NOT_FOUND, sbiId));
  if (!sbi.isActive) throw new PmsError(LEGACY_DEVICE_ERRORS.SBI_NOT_APPROVED);
  if (isExpired(sbi, now)) throw new PmsError(LEGACY_DEVICE_ERRORS.SBI_EXPIRED);
  if (sbi.providerId !== device.deviceProviderId) throw new PmsError(LEGACY_DEVICE_ERRORS.DD_SBI_PROVIDER_NOT_MATCHING);
  return sbi;
}

/**
 * Legacy `PUT /securebiometricinterface/devicedetails/map` (#mapDeviceDetailAndSbi): links an approved, active
 * device to an approved, active, unexpired SBI of its provider with an active link. An existing link the caller may
 * see is "Mapping already exists", checked first as MOSIP does; a device or SBI of another provider is missing. The
 * link, the device's `sbiIds` at its revision and the SBI as read are one transaction, with the provider active
 * (PMS_AUT_002).
 */
export async function mapDeviceToSbi(deps: DeviceDeps, caller: Caller, input: DeviceSbiMappingRequest) {
  const scope = await providerScope(deps, caller);
  return retryOnConflict(async () => {
    const [existing, foundDevice, foundSbi] = await Promise.all([
      deps.devices.getLink(input.sbiId, input.deviceDetailId),
      deps.devices.getDevice(input.deviceDetailId),
      deps.devices.getSbi(input.sbiId),
    ]);
    if (inScope(scope, existing, (link) => link.providerId)) return MAPPING_EXISTS;
    const now = deps.clock.now();
    const device = checkDeviceMappable(
      inScope(scope, foundDevice, (found) => found.deviceProviderId),
      input.deviceDetailId,
    );
    const sbi = checkSbiMappable(
      inScope(scope, foundSbi, (found) => found.providerId),
      input.sbiId,
      device,
      now,
    );
    const link = newLink({ deviceId: device.id, sbiId: sbi.id, providerId: sbi.providerId, isActive: true }, caller.userId, now);
    await deps.devices
      .commit({
        devices: [{ next: { ...device, sbiIds: [...new Set([...device.sbiIds, sbi.id])] }, previous: device }],
        links: [{ next: link }],
        unchangedSbis: [sbi],
        activePartnerId: device.deviceProviderId,
        audits: [auditEntry(caller.userId, 'mapDeviceToSbi', DEVICE_AUDIT_TYPE, device.id, now, { sbiId: sbi.id })],
      })
      .catch((error: unknown) => {
        // Mapped meanwhile: the next attempt finds the link.
        if (error instanceof UniqueConstraintError && error.constraint === 'link') throw new ConcurrentModificationError('device–SBI link');
        if (error instanceof InactivePartnerError) throw new PmsError(LEGACY_DEVICE_ERRORS.DEVICE_PROVIDER_NOT_FOUND);
        throw error;
      });
    return SUCCESS;
  });
}

/**
 * Legacy `PUT /securebiometricinterface/devicedetails/map/remove` (#deleteDeviceDetailAndSbiMapping): deletes the
 * link, as MOSIP does (PMS_AUT_510 when there is none the caller may see), and takes the SBI out of its device's
 * `sbiIds` in the same transaction, both at the revision read.
 */
export async function unmapDeviceFromSbi(deps: DeviceDeps, caller: Caller, input: DeviceSbiMappingRequest) {
  const scope = await providerScope(deps, caller);
  return retryOnConflict(async () => {
    const link = inScope(scope, await deps.devices.getLink(input.sbiId, input.deviceDetailId), (found) => found.providerId);
    if (!link) throw new PmsError(withArguments(LEGACY_DEVICE_ERRORS.DD_SBI_MAPPING_NOT_EXISTS, input.sbiId));
    const device = await deps.devices.getDevice(link.deviceId);
    const now = deps.clock.now();
    await deps.devices.commit({
      removedLinks: [link],
      devices: device ? [{ next: { ...device, sbiIds: device.sbiIds.filter((id) => id !== link.sbiId) }, previous: device }] : [],
      audits: [auditEntry(caller.userId, 'unmapDeviceFromSbi', DEVICE_AUDIT_TYPE, link.deviceId, now, { sbiId: link.sbiId })],
    });
    return SUCCESS;
  });
}
