import { DEVICE_ERRORS, LEGACY_DEVICE_ERRORS } from '../../errors/device-errors.js';
import { type ErrorDefinition, InactivePartnerError, PmsError, UniqueConstraintError } from '../../errors/pms-error.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { retryOnConflict } from '../retry.js';
import { DECISIONS } from '../status-words.js';
import { changedBy } from './approval.js';
import { DEVICE_AUDIT_TYPE, type DeviceDetail, foldedWhitespace, newLink } from './device.js';
import type { DeviceDeps } from './ports.js';
import { callerPartners, checkDeactivatable, checkDeactivateStatus } from './provider-access.js';
import { type Sbi, whyNoDevices } from './sbi.js';

export interface DeviceInput {
  id?: string | null | undefined;
  deviceProviderId: string;
  deviceTypeCode: string;
  deviceSubTypeCode: string;
  make: string;
  model: string;
}

/** A device's type and subtype are a pair of the master data (PMS_AUT_001), as MOSIP checks them. */
export async function checkDeviceType(deps: Pick<DeviceDeps, 'deviceTypes'>, input: Pick<DeviceInput, 'deviceTypeCode' | 'deviceSubTypeCode'>) {
  if (!(await deps.deviceTypes.subTypeExists(input.deviceTypeCode, input.deviceSubTypeCode))) {
    throw new PmsError(LEGACY_DEVICE_ERRORS.REG_DEVICE_SUB_TYPE_NOT_FOUND);
  }
}

/**
 * PartnerHelper#validateSbiDeviceMapping's SBI half, in its order: it exists (005), belongs to the partner (002), is
 * approved (009 pending, 028 rejected), active (029) and not expired (021).
 */
export function checkSbiTakesDevices(sbi: Sbi | undefined, partnerId: string, now: Date): Sbi {
  if (!sbi) throw new PmsError(DEVICE_ERRORS.SBI_NOT_EXISTS);
  if (sbi.providerId !== partnerId) throw new PmsError(DEVICE_ERRORS.SBI_NOT_ASSOCIATED_WITH_PARTNER_ID);
  const refusal = whyNoDevices(sbi, now);
  if (refusal) throw new PmsError(refusal);
  return sbi;
}

/** The device half: it exists (006), belongs to the partner (007) and waits for approval (010). */
function checkDevicePending(device: DeviceDetail | undefined, partnerId: string): DeviceDetail {
  if (!device) throw new PmsError(DEVICE_ERRORS.DEVICE_NOT_EXISTS);
  if (device.deviceProviderId !== partnerId) throw new PmsError(DEVICE_ERRORS.DEVICE_NOT_ASSOCIATED_WITH_PARTNER_ID);
  if (device.approvalStatus !== 'pending_approval') throw new PmsError(DEVICE_ERRORS.DEVICE_NOT_PENDING_FOR_APPROVAL);
  return device;
}

/** Maps the write refusals of a device's creation to MOSIP's codes; `linkTaken` is the operation's own. */
export function rethrowDeviceWriteRefusal(linkTaken: ErrorDefinition) {
  return (error: unknown): never => {
    if (error instanceof UniqueConstraintError) {
      throw new PmsError(error.constraint === 'link' ? linkTaken : LEGACY_DEVICE_ERRORS.DEVICE_DETAIL_EXIST);
    }
    if (error instanceof InactivePartnerError) throw new PmsError(LEGACY_DEVICE_ERRORS.DEVICE_PROVIDER_NOT_FOUND);
    throw error;
  };
}

/** A new pending device of `input`, make and model with their whitespace folded as MOSIP stores them. */
export function newDevice(deps: Pick<DeviceDeps, 'ids'>, caller: Caller, input: DeviceInput, now: Date, sbiIds: string[]): DeviceDetail {
  return {
    id: input.id ?? deps.ids.newId(),
    deviceProviderId: input.deviceProviderId,
    deviceTypeCode: input.deviceTypeCode,
    deviceSubTypeCode: input.deviceSubTypeCode,
    make: foldedWhitespace(input.make),
    model: foldedWhitespace(input.model),
    approvalStatus: 'pending_approval',
    isActive: false,
    sbiIds,
    crBy: caller.userId,
    crDtimes: now.toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
}

/**
 * `POST /securebiometricinterface/{sbiId}/devices` (#addDeviceToSbi), in MOSIP's order: the caller's partners (002 of
 * certificates), the provider among them (PMS_DEVICE_ERROR_001, admins included), the type pair (PMS_AUT_001), the
 * provider active (PMS_AUT_002), no live device of that make and model (PMS_AUT_003), then the SBI
 * (checkSbiTakesDevices). The device, its inactive link and the SBI's new revision are one transaction, so there is
 * nothing to undo when a check fails, and a device never joins an SBI that changed meanwhile.
 */
export async function addDeviceToSbi(deps: DeviceDeps, caller: Caller, sbiId: string, input: DeviceInput) {
  const owned = await callerPartners(deps, caller);
  const provider = owned.find((partner) => partner.id === input.deviceProviderId);
  if (!provider) throw new PmsError(DEVICE_ERRORS.PARTNER_ID_NOT_ASSOCIATED_WITH_USER);
  await checkDeviceType(deps, input);
  if (!provider.isActive) throw new PmsError(LEGACY_DEVICE_ERRORS.DEVICE_PROVIDER_NOT_FOUND);
  return retryOnConflict(async () => {
    const now = deps.clock.now();
    const sbi = checkSbiTakesDevices(await deps.devices.getSbi(sbiId), provider.id, now);
    const device = newDevice(deps, caller, input, now, [sbi.id]);
    const link = newLink({ deviceId: device.id, sbiId: sbi.id, providerId: provider.id, isActive: false }, caller.userId, now);
    await deps.devices
      .commit({
        devices: [{ next: device }],
        links: [{ next: link }],
        sbis: [{ next: sbi, previous: sbi }],
        activePartnerId: provider.id,
        audits: [auditEntry(caller.userId, 'addDeviceToSbi', DEVICE_AUDIT_TYPE, device.id, now, { sbiId: sbi.id, providerId: provider.id })],
      })
      .catch(rethrowDeviceWriteRefusal(DEVICE_ERRORS.SBI_DEVICE_MAPPING_ALREADY_EXIST));
    return { id: device.id };
  });
}

/**
 * `POST /devicedetail/{id}/approval` (#approveOrRejectMappingDeviceToSbi), partner admins: the request's fields
 * (PMS_REQUEST_ERROR_001 when absent), its status (027), an SBI to decide it under (024/025: an orphan device is never approved),
 * the SBI and device checks, then the link (012). The device is decided and its link switched on (on reject too, as
 * MOSIP does), conditional on the SBI being unchanged.
 */
export async function decideDevice(
  deps: DeviceDeps,
  caller: Caller,
  deviceId: string,
  input: { partnerId?: string | null; sbiId?: string | null; status?: string | null },
) {
  const { partnerId, sbiId, status } = input;
  if (partnerId == null || status == null) throw new PmsError(DEVICE_ERRORS.INVALID_REQUEST_PARAM);
  if (!(DECISIONS as readonly string[]).includes(status)) throw new PmsError(DEVICE_ERRORS.APPROVE_REJECT_STATUS_CODE);
  const approve = status === 'approved';
  // Only a missing sbiId is "no SBI"; an empty one is looked up, and found nowhere (MOSIP's null checks).
  if (sbiId == null) throw new PmsError(approve ? DEVICE_ERRORS.NO_SBI_FOUND_FOR_APPROVE : DEVICE_ERRORS.NO_SBI_FOUND_FOR_REJECT);
  return retryOnConflict(async () => {
    const now = deps.clock.now();
    const sbi = checkSbiTakesDevices(await deps.devices.getSbi(sbiId), partnerId, now);
    const device = checkDevicePending(await deps.devices.getDevice(deviceId), partnerId);
    const link = await deps.devices.getLink(sbi.id, device.id);
    if (!link) throw new PmsError(DEVICE_ERRORS.SBI_DEVICE_MAPPING_NOT_EXISTS);
    const next = changedBy(device, caller.userId, now, { approvalStatus: approve ? 'approved' : 'rejected', isActive: approve });
    await deps.devices.commit({
      devices: [{ next, previous: device }],
      links: [{ next: changedBy(link, caller.userId, now, { isActive: true }), previous: link }],
      unchangedSbis: [sbi],
      audits: [auditEntry(caller.userId, approve ? 'approveDevice' : 'rejectDevice', DEVICE_AUDIT_TYPE, device.id, now, { sbiId: sbi.id })],
    });
    return true;
  });
}

/**
 * `PATCH /devicedetail/{deviceId}` (#deactivateDevice), providers and admins, in MOSIP's order: status (026), the
 * caller's partners (PMS_CERTIFICATE_ERROR_002), the device (006; a blank id is PMS_COR_001 before this), a non-admin's own active provider (016,
 * PMS_PMP_016), approved (023), not already deactivated (014).
 */
export async function deactivateDevice(deps: DeviceDeps, caller: Caller, deviceId: string, input: { status?: string | null | undefined }) {
  checkDeactivateStatus(input.status);
  const owned = await callerPartners(deps, caller);
  return retryOnConflict(async () => {
    const device = checkDeactivatable(await deps.devices.getDevice(deviceId), (found) => found.deviceProviderId, owned, caller, {
      missing: DEVICE_ERRORS.DEVICE_NOT_EXISTS,
      notOwned: DEVICE_ERRORS.DEVICE_NOT_ASSOCIATED_WITH_USER,
      notApproved: DEVICE_ERRORS.DEVICE_NOT_APPROVED,
      alreadyDeactivated: DEVICE_ERRORS.DEVICE_ALREADY_DEACTIVATED,
    });
    const now = deps.clock.now();
    const next = changedBy(device, caller.userId, now, { isActive: false });
    await deps.devices.commit({
      devices: [{ next, previous: device }],
      audits: [auditEntry(caller.userId, 'deactivateDevice', DEVICE_AUDIT_TYPE, device.id, now, { providerId: device.deviceProviderId })],
    });
    return { deviceId: device.id, status: next.approvalStatus, isActive: false };
  });
}
