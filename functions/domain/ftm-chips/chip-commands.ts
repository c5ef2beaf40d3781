import { FTM_CHIP_ERRORS, LEGACY_FTM_CHIP_ERRORS } from '../../errors/ftm-chip-errors.js';
import { InactivePartnerError, PmsError, UniqueConstraintError } from '../../errors/pms-error.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { changedBy, derivedStatus } from '../devices/approval.js';
import { foldedWhitespace } from '../devices/device.js';
import { callerPartners, checkDeactivatable, checkDeactivateStatus, registeringProvider } from '../devices/provider-access.js';
import { inScope, providerScope } from '../devices/provider-scope.js';
import type { Partner } from '../partners/partner.js';
import { retryOnConflict } from '../retry.js';
import { FTM_CHIP_AUDIT_TYPE, FTM_PROVIDER_TYPE, type FtmChip } from './ftm-chip.js';
import type { FtmChipDeps } from './ports.js';

/** The FTM provider a chip is registered or certified for (registeringProvider; PMP_AUT_030 as a missing one). */
export function chipProvider(deps: Pick<FtmChipDeps, 'partners'>, caller: Caller, providerId: string): Promise<Partner> {
  return registeringProvider(deps, caller, providerId, FTM_PROVIDER_TYPE, LEGACY_FTM_CHIP_ERRORS.FTP_PROVIDER_NOT_EXISTS);
}

/** A chip write's refusals as MOSIP answers them: a make and model taken (PMP_AUT_032), the provider no longer active (PMP_AUT_030). */
export function rethrowChipWriteRefusal(error: unknown): never {
  if (error instanceof UniqueConstraintError && error.constraint === 'ftmChipModel') throw new PmsError(LEGACY_FTM_CHIP_ERRORS.FTP_PROVIDER_MAKE_MODEL_EXISTS);
  if (error instanceof InactivePartnerError) throw new PmsError(LEGACY_FTM_CHIP_ERRORS.FTP_PROVIDER_NOT_EXISTS);
  throw error;
}

/**
 * `POST /ftpchipdetail` (FTPChipDetailServiceImpl#createFtpChipDetails): the provider, then one live chip per
 * provider, make and model (whitespace folded as MOSIP does, and case-folded, through a guard item in the same
 * transaction; rejected and deactivated chips free theirs). The chip waits for its certificate.
 */
export async function createChip(deps: FtmChipDeps, caller: Caller, input: { ftpProviderId: string; make: string; model: string }) {
  const provider = await chipProvider(deps, caller, input.ftpProviderId);
  const now = deps.clock.now();
  const chip: FtmChip = {
    id: deps.chipIds.newId(),
    ftpProviderId: provider.id,
    make: foldedWhitespace(input.make),
    model: foldedWhitespace(input.model),
    approvalStatus: 'pending_cert_upload',
    isActive: false,
    certificate: null,
    crBy: caller.userId,
    crDtimes: now.toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
  const audit = auditEntry(caller.userId, 'createFtmChip', FTM_CHIP_AUDIT_TYPE, chip.id, now, { ftpProviderId: chip.ftpProviderId });
  await deps.chips.commit({ chip: { next: chip }, activePartnerId: provider.id, audit }).catch(rethrowChipWriteRefusal);
  return { id: chip.id };
}

/**
 * `PATCH /ftpchipdetail` (#updateFtpChipDetailStatus), partner admins: true approves and activates a chip whose
 * certificate waits for approval (PMP_AUT_033 without one), false rejects a chip waiting for its certificate or its
 * approval. MOSIP decides a chip in any state, so it re-approved rejected chips, switched deactivated ones back on
 * and rejected approved ones; ours refuses those (PMS_FTM_ERROR_101, 102, 007).
 */
export function decideChip(deps: FtmChipDeps, caller: Caller, input: { ftpChipDetailId: string; approvalStatus: boolean }) {
  return retryOnConflict(async () => {
    const chip = await deps.chips.getChip(input.ftpChipDetailId);
    if (!chip) throw new PmsError(LEGACY_FTM_CHIP_ERRORS.FTP_CHIP_ID_NOT_EXISTS);
    const status = derivedStatus(chip);
    if (status === 'deactivated') throw new PmsError(FTM_CHIP_ERRORS.FTM_ALREADY_DEACTIVATED);
    if (status === 'approved') throw new PmsError(FTM_CHIP_ERRORS.FTM_ALREADY_APPROVED);
    if (status === 'rejected') throw new PmsError(FTM_CHIP_ERRORS.FTM_ALREADY_REJECTED);
    const approve = input.approvalStatus;
    if (approve && chip.certificate === null) throw new PmsError(LEGACY_FTM_CHIP_ERRORS.FTP_CERT_NOT_UPLOADED);
    const now = deps.clock.now();
    const next = changedBy(chip, caller.userId, now, { approvalStatus: approve ? 'approved' : 'rejected', isActive: approve });
    const audit = auditEntry(caller.userId, approve ? 'approveFtmChip' : 'rejectFtmChip', FTM_CHIP_AUDIT_TYPE, chip.id, now, {
      ftpProviderId: chip.ftpProviderId,
    });
    await deps.chips.commit({ chip: { next, previous: chip }, audit });
    return 'Status updated successfully.';
  });
}

/**
 * `PATCH /ftpchipdetail/{ftmId}` (MOSIP's deactivateFtm), providers and admins, in MOSIP's order: the request's
 * status (PMS_DEVICE_ERROR_026), the caller's partners (PMS_CERTIFICATE_ERROR_002), the chip (005), a non-admin's own
 * active provider (006, PMS_PMP_016), approved (010), not already deactivated (007). The answer keeps MOSIP's stored
 * status, `approved`, beside `isActive: false`.
 */
export async function deactivateChip(deps: FtmChipDeps, caller: Caller, ftmId: string, input: { status?: string | null | undefined }) {
  checkDeactivateStatus(input.status);
  const owned = await callerPartners(deps, caller);
  return retryOnConflict(async () => {
    const chip = checkDeactivatable(await deps.chips.getChip(ftmId), (found) => found.ftpProviderId, owned, caller, {
      missing: FTM_CHIP_ERRORS.FTM_NOT_EXISTS,
      notOwned: FTM_CHIP_ERRORS.FTM_NOT_ASSOCIATED_WITH_USER,
      notApproved: FTM_CHIP_ERRORS.FTM_NOT_APPROVED,
      alreadyDeactivated: FTM_CHIP_ERRORS.FTM_ALREADY_DEACTIVATED,
    });
    const now = deps.clock.now();
    const next = changedBy(chip, caller.userId, now, { isActive: false });
    const audit = auditEntry(caller.userId, 'deactivateFtmChip', FTM_CHIP_AUDIT_TYPE, chip.id, now, { ftpProviderId: chip.ftpProviderId });
    await deps.chips.commit({ chip: { next, previous: chip }, audit });
    return { ftmId: chip.id, status: next.approvalStatus, isActive: false };
  });
}

/**
 * Legacy `PUT /ftpchipdetail` (#updateFtpChipDetails): a new make and model for a chip not yet approved or rejected.
 * MOSIP changes any chip of anyone's, approved ones too (a make and model other than the one approved); ours takes
 * the caller's own chips (another provider's is answered as a missing one, PMP_AUT_031) until they are decided
 * (PMS_FTM_ERROR_103).
 */
export function updateChipLegacy(deps: FtmChipDeps, caller: Caller, input: { ftpChipDetailId: string; make: string; model: string }) {
  return retryOnConflict(async () => {
    const chip = await ownChip(deps, caller, input.ftpChipDetailId);
    if (chip.approvalStatus !== 'pending_cert_upload' && chip.approvalStatus !== 'pending_approval') throw new PmsError(FTM_CHIP_ERRORS.FTM_ALREADY_DECIDED);
    const now = deps.clock.now();
    const next = changedBy(chip, caller.userId, now, { make: foldedWhitespace(input.make), model: foldedWhitespace(input.model) });
    const audit = auditEntry(caller.userId, 'updateFtmChip', FTM_CHIP_AUDIT_TYPE, chip.id, now, { ftpProviderId: chip.ftpProviderId });
    await deps.chips.commit({ chip: { next, previous: chip }, audit }).catch(rethrowChipWriteRefusal);
    return { id: chip.id };
  });
}

/** A chip of one of the caller's own partners (any chip for an admin); another's is answered as a missing one (PMP_AUT_031). */
export async function ownChip(deps: Pick<FtmChipDeps, 'chips' | 'partners'>, caller: Caller, ftmId: string): Promise<FtmChip> {
  const chip = inScope(await providerScope(deps, caller), await deps.chips.getChip(ftmId), (found) => found.ftpProviderId);
  if (!chip) throw new PmsError(LEGACY_FTM_CHIP_ERRORS.FTP_CHIP_ID_NOT_EXISTS);
  return chip;
}
