import { auditEntry } from '../audit.js';
import { retryOnConflict } from '../retry.js';
import { changedBy } from './approval.js';
import type { DeviceDeps } from './ports.js';
import { awaitsExpiry, isExpired, SBI_AUDIT_TYPE } from './sbi.js';
import { switchOffSbi } from './sbi-cascade.js';

export type SbiExpiryDeps = Pick<DeviceDeps, 'devices' | 'clock'>;

/**
 * Switches off an SBI whose expiry date has passed, as MOSIP's SBI auto-deactivation does: an approved SBI is
 * deactivated, a pending one rejected, and its devices go as with a deactivation (switchOffSbi), so a run cut short
 * leaves the SBI live on its calendar for the next run to finish. Re-reads
 * the SBI each attempt; one already switched off, or not expired at the run's time, is left as it is. Answers
 * whether this call switched it off.
 */
export function switchOffExpiredSbi(deps: SbiExpiryDeps, actor: string, sbiId: string): Promise<boolean> {
  return retryOnConflict(async () => {
    const sbi = await deps.devices.getSbi(sbiId);
    const now = deps.clock.now();
    if (!sbi || !awaitsExpiry(sbi) || !isExpired(sbi, now)) return false;
    const approved = sbi.approvalStatus === 'approved';
    const next = changedBy(sbi, actor, now, approved ? { isActive: false } : { approvalStatus: 'rejected', isActive: false });
    const audit = auditEntry(actor, approved ? 'deactivateSbi' : 'rejectSbi', SBI_AUDIT_TYPE, sbi.id, now, { providerId: sbi.providerId, cause: 'expired' });
    await switchOffSbi(deps, { userId: actor }, sbi, next, audit, now);
    return true;
  });
}
