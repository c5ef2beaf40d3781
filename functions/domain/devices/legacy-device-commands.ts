import { DEVICE_ERRORS, LEGACY_DEVICE_ERRORS } from '../../errors/device-errors.js';
import { PmsError, withArguments } from '../../errors/pms-error.js';
import type { DeviceUpdateRequest } from '../../schemas/legacy-devices.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { retryOnConflict } from '../retry.js';
import { LEGACY_DECISIONS } from '../status-words.js';
import { changedBy } from './approval.js';
import { DEVICE_AUDIT_TYPE, foldedWhitespace } from './device.js';
import { checkDeviceType, type DeviceInput, newDevice, rethrowDeviceWriteRefusal } from './device-commands.js';
import type { DeviceDeps } from './ports.js';
import { DEVICE_PROVIDER_TYPE, registeringProvider } from './provider-access.js';
import { inScope, providerScope } from './provider-scope.js';
import { type Sbi, whyNoDevices } from './sbi.js';

export const DEVICE_APPROVED = 'Device details approved successfully.';
export const DEVICE_REJECTED = 'Device details rejected successfully.';

/**
 * Legacy `POST /devicedetail` (DeviceDetailServiceImpl#createDeviceDetails): a device of no SBI, pending, in MOSIP's
 * order: the type pair (PMS_AUT_001), the provider (PMS_AUT_002), no live device of that make and model (PMS_AUT_003,
 * through the model guard in the same transaction). A client-chosen `id` that exists is PMS_AUT_003 too (MOSIP
 * overwrites that device). Such a device can be rejected but never approved: approval needs an SBI
 * (`decideDeviceLegacy`), which the legacy map cannot give a device that is not approved.
 */
export async function createDeviceLegacy(deps: DeviceDeps, caller: Caller, input: DeviceInput) {
  await checkDeviceType(deps, input);
  const provider = await registeringProvider(deps, caller, input.deviceProviderId, DEVICE_PROVIDER_TYPE, LEGACY_DEVICE_ERRORS.DEVICE_PROVIDER_NOT_FOUND);
  const now = deps.clock.now();
  const device = newDevice(deps, caller, input, now, []);
  await deps.devices
    .commit({
      devices: [{ next: device }],
      activePartnerId: provider.id,
      audits: [auditEntry(caller.userId, 'createDevice', DEVICE_AUDIT_TYPE, device.id, now, { providerId: provider.id })],
    })
    .catch(rethrowDeviceWriteRefusal(LEGACY_DEVICE_ERRORS.DEVICE_DETAIL_EXIST));
  return { id: device.id };
}

/**
 * Legacy `PUT /devicedetail` (#updateDeviceDetails), in MOSIP's order: the device (PMS_AUT_005; another provider's
 * is missing to a provider), the type pair (PMS_AUT_001). Then ours: MOSIP changes a device in any state, so an
 * approved device's make and model could be swapped after its approval; here only a pending device changes
 * (PMS_DEVICE_ERROR_010), make and model folded and unique among live devices (PMS_AUT_003) as on creation, its
 * provider active (PMS_AUT_002).
 */
export async function updateDeviceLegacy(deps: DeviceDeps, caller: Caller, input: DeviceUpdateRequest) {
  const scope = await providerScope(deps, caller);
  return retryOnConflict(async () => {
    const device = inScope(scope, await deps.devices.getDevice(input.id), (found) => found.deviceProviderId);
    if (!device) throw new PmsError(withArguments(LEGACY_DEVICE_ERRORS.DEVICE_DETAIL_NOT_FOUND, input.id));
    await checkDeviceType(deps, input);
    if (device.approvalStatus !== 'pending_approval') throw new PmsError(DEVICE_ERRORS.DEVICE_NOT_PENDING_FOR_APPROVAL);
    const now = deps.clock.now();
    const next = changedBy(device, caller.userId, now, {
      deviceTypeCode: input.deviceTypeCode,
      deviceSubTypeCode: input.deviceSubTypeCode,
      make: foldedWhitespace(input.make),
      model: foldedWhitespace(input.model),
    });
    await deps.devices
      .commit({
        devices: [{ next, previous: device }],
        activePartnerId: device.deviceProviderId,
        audits: [auditEntry(caller.userId, 'updateDevice', DEVICE_AUDIT_TYPE, device.id, now, { make: next.make, model: next.model })],
      })
      .catch(rethrowDeviceWriteRefusal(LEGACY_DEVICE_ERRORS.DEVICE_DETAIL_EXIST));
    return { id: device.id };
  });
}

/**
 * The SBIs a pending device is approved under: those of its links that take devices (approved, active, unexpired).
 * None: an orphan device is refused (PMS_DEVICE_ERROR_024, as the revamp approval refuses a device without an SBI);
 * a device whose SBIs cannot take it gets the first SBI's reason (PMS_DEVICE_ERROR_009, 028, 029, 021).
 */
function approvingSbis(linked: readonly Sbi[], now: Date): Sbi[] {
  const refusals = linked.map((sbi) => whyNoDevices(sbi, now));
  if (refusals.includes(undefined)) return linked.filter((_, index) => refusals[index] === undefined);
  // Every linked SBI refuses, or there is none.
  throw new PmsError(refusals[0] ?? DEVICE_ERRORS.NO_SBI_FOUND_FOR_APPROVE);
}

/**
 * Legacy `PATCH /devicedetail` (#updateDeviceDetailStatus), partner admins, in MOSIP's order: the device
 * (PMS_AUT_005), the value ("Activate" or "De-activate", PMS_AUT_025). MOSIP has no state guard, so it re-approves
 * rejected and deactivated devices and approves devices of no SBI; ours decides only a pending device
 * (PMS_DEVICE_ERROR_010) and approves it only under an SBI that takes devices (`approvingSbis`). An approval switches
 * on the device's links to those SBIs, conditional on them being unchanged, as the revamp approval does for its SBI;
 * a rejection leaves the links as they are.
 */
export async function decideDeviceLegacy(deps: DeviceDeps, caller: Caller, input: { id: string; approvalStatus: string }) {
  return retryOnConflict(async () => {
    const device = await deps.devices.getDevice(input.id);
    if (!device) throw new PmsError(withArguments(LEGACY_DEVICE_ERRORS.DEVICE_DETAIL_NOT_FOUND, input.id));
    const approve = input.approvalStatus === LEGACY_DECISIONS[0];
    if (!approve && input.approvalStatus !== LEGACY_DECISIONS[1]) throw new PmsError(LEGACY_DEVICE_ERRORS.DEVICE_STATUS_CODE);
    if (device.approvalStatus !== 'pending_approval') throw new PmsError(DEVICE_ERRORS.DEVICE_NOT_PENDING_FOR_APPROVAL);
    const now = deps.clock.now();
    if (!approve) {
      await deps.devices.commit({
        devices: [{ next: changedBy(device, caller.userId, now, { approvalStatus: 'rejected', isActive: false }), previous: device }],
        audits: [auditEntry(caller.userId, 'rejectDevice', DEVICE_AUDIT_TYPE, device.id, now)],
      });
      return DEVICE_REJECTED;
    }
    const sbis = approvingSbis(await deps.devices.sbisByIds(device.sbiIds), now);
    const links = (await Promise.all(sbis.map((sbi) => deps.devices.getLink(sbi.id, device.id)))).filter((link) => link !== undefined);
    await deps.devices.commit({
      devices: [{ next: changedBy(device, caller.userId, now, { approvalStatus: 'approved', isActive: true }), previous: device }],
      links: links.map((link) => ({ next: changedBy(link, caller.userId, now, { isActive: true }), previous: link })),
      unchangedSbis: sbis,
      audits: [auditEntry(caller.userId, 'approveDevice', DEVICE_AUDIT_TYPE, device.id, now, { sbiIds: sbis.map((sbi) => sbi.id).join(',') })],
    });
    return DEVICE_APPROVED;
  });
}
