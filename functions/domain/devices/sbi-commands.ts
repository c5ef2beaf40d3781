import { DEVICE_ERRORS, LEGACY_DEVICE_ERRORS } from '../../errors/device-errors.js';
import { InactivePartnerError, PmsError, UniqueConstraintError, withArguments } from '../../errors/pms-error.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { retryOnConflict } from '../retry.js';
import { LEGACY_DECISIONS } from '../status-words.js';
import { changedBy, derivedStatus } from './approval.js';
import type { DeviceDeps } from './ports.js';
import { callerPartners, checkDeactivatable, checkDeactivateStatus, DEVICE_PROVIDER_TYPE, registeringProvider } from './provider-access.js';
import { checkSbiDates, SBI_AUDIT_TYPE, type Sbi } from './sbi.js';
import { switchOffSbi } from './sbi-cascade.js';

export interface SbiInput {
  swBinaryHash: string;
  swVersion: string;
  swCreateDateTime: string;
  swExpiryDateTime: string;
}

/** An SBI write's refusals as MOSIP answers them: a version taken (PMS_AUT_512), the provider no longer active (PMS_AUT_002). */
export function rethrowSbiWriteRefusal(error: unknown): never {
  if (error instanceof UniqueConstraintError && error.constraint === 'sbiVersion') throw new PmsError(LEGACY_DEVICE_ERRORS.SBI_RECORDS_EXISTS);
  if (error instanceof InactivePartnerError) throw new PmsError(LEGACY_DEVICE_ERRORS.DEVICE_PROVIDER_NOT_FOUND);
  throw error;
}

/**
 * `POST /securebiometricinterface` (SecureBiometricInterfaceServiceImpl#createSecureBiometricInterface): dates first,
 * then the provider, then one SBI per provider and version (the version compared trimmed, inner spaces folded and
 * case-folded, through a guard item in the same transaction). The SBI waits for a partner admin's approval.
 */
export async function createSbi(deps: DeviceDeps, caller: Caller, input: SbiInput & { providerId: string }) {
  const now = deps.clock.now();
  checkSbiDates(input.swCreateDateTime, input.swExpiryDateTime, now);
  const provider = await registeringProvider(deps, caller, input.providerId, DEVICE_PROVIDER_TYPE, LEGACY_DEVICE_ERRORS.DEVICE_PROVIDER_NOT_FOUND);
  const sbi: Sbi = {
    id: deps.ids.newId(),
    providerId: provider.id,
    swVersion: input.swVersion,
    swBinaryHash: input.swBinaryHash,
    swCreateDateTime: input.swCreateDateTime,
    swExpiryDateTime: input.swExpiryDateTime,
    approvalStatus: 'pending_approval',
    isActive: false,
    crBy: caller.userId,
    crDtimes: now.toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
  const audit = auditEntry(caller.userId, 'createSbi', SBI_AUDIT_TYPE, sbi.id, now, { providerId: sbi.providerId, swVersion: sbi.swVersion });
  await deps.devices.commit({ sbis: [{ next: sbi }], activePartnerId: provider.id, audits: [audit] }).catch(rethrowSbiWriteRefusal);
  return { id: sbi.id };
}

/**
 * `PATCH /securebiometricinterface` (#updateSecureBiometricInterfaceStatus), partner admins: "Activate" approves and
 * activates a pending SBI, "De-activate" rejects it. MOSIP's guards (PMS_AUT_007, 517, 518, then the value, 026) let a
 * deactivated SBI through, so its "Activate" switched it back on; ours refuses it (PMS_DEVICE_ERROR_020): only a
 * pending SBI is decided.
 */
export async function decideSbi(deps: DeviceDeps, caller: Caller, input: { id: string; approvalStatus: string }) {
  return retryOnConflict(async () => {
    const sbi = await deps.devices.getSbi(input.id);
    if (!sbi) throw new PmsError(withArguments(LEGACY_DEVICE_ERRORS.SBI_NOT_FOUND, input.id));
    const status = derivedStatus(sbi);
    if (status === 'approved') throw new PmsError(LEGACY_DEVICE_ERRORS.SBI_ALREADY_APPROVED);
    if (status === 'rejected') throw new PmsError(LEGACY_DEVICE_ERRORS.SBI_ALREADY_REJECTED);
    if (status === 'deactivated') throw new PmsError(DEVICE_ERRORS.SBI_ALREADY_DEACTIVATED);
    const approve = input.approvalStatus === LEGACY_DECISIONS[0];
    if (!approve && input.approvalStatus !== LEGACY_DECISIONS[1]) throw new PmsError(LEGACY_DEVICE_ERRORS.SBI_STATUS_CODE);
    const now = deps.clock.now();
    const next = changedBy(sbi, caller.userId, now, { approvalStatus: approve ? 'approved' : 'rejected', isActive: approve });
    const audit = auditEntry(caller.userId, approve ? 'approveSbi' : 'rejectSbi', SBI_AUDIT_TYPE, sbi.id, now, { providerId: sbi.providerId });
    await deps.devices.commit({ sbis: [{ next, previous: sbi }], audits: [audit] });
    return approve ? 'Secure biometric details approved successfully.' : 'Secure biometric details rejected successfully.';
  });
}

/**
 * `PATCH /securebiometricinterface/{sbiId}` (MOSIP's deactivateSbi), providers and admins, in MOSIP's order: the
 * request's status (026), the caller's partners (PMS_CERTIFICATE_ERROR_002), the SBI (005; a blank id is PMS_COR_001 before this), a
 * non-admin's own active provider (019, PMS_PMP_016), approved (022), not already deactivated (020). The SBI's
 * devices go with it (switchOffSbi).
 */
export async function deactivateSbi(deps: DeviceDeps, caller: Caller, sbiId: string, input: { status?: string | null | undefined }) {
  checkDeactivateStatus(input.status);
  const owned = await callerPartners(deps, caller);
  return retryOnConflict(async () => {
    const sbi = checkDeactivatable(await deps.devices.getSbi(sbiId), (found) => found.providerId, owned, caller, {
      missing: DEVICE_ERRORS.SBI_NOT_EXISTS,
      notOwned: DEVICE_ERRORS.SBI_NOT_ASSOCIATED_WITH_USER,
      notApproved: DEVICE_ERRORS.SBI_NOT_APPROVED,
      alreadyDeactivated: DEVICE_ERRORS.SBI_ALREADY_DEACTIVATED,
    });
    const now = deps.clock.now();
    const next = changedBy(sbi, caller.userId, now, { isActive: false });
    const audit = auditEntry(caller.userId, 'deactivateSbi', SBI_AUDIT_TYPE, sbi.id, now, { providerId: sbi.providerId });
    await switchOffSbi(deps, caller, sbi, next, audit, now);
    return { sbiId: sbi.id, sbiVersion: sbi.swVersion, status: next.approvalStatus, isActive: false };
  });
}
