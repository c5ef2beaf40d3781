import { ConcurrentModificationError } from '../../errors/pms-error.js';
import { type AuditEntry, auditEntry } from '../audit.js';
import { MISP_LICENSE_AUDIT_TYPE, type MispLicense } from '../misp-licenses/misp-license.js';

/** One license switched off with its MISP: the change, the license as read (its revision) and its audit record. */
export interface LicenseRetirement {
  next: MispLicense;
  previous: MispLicense;
  audit: AuditEntry;
}

/**
 * What a MISP's deactivation does to its licenses, written in the partner's own transaction: verification reads
 * the license without its MISP (one batch, keyed by the API key's partner), so a license left on would keep
 * working. The transaction also requires the MISP's head to still name `latestId`, so a license issued after
 * the licenses were read makes it conflict and be read again.
 */
export interface LicensesRetiredWithPartner {
  mispId: string;
  latestId: string | null;
  retirements: LicenseRetirement[];
}

/**
 * Two items per license (license, audit) next to the partner, its audit, PARTNER_UPDATED, one
 * MISP_LICENSE_UPDATED and the head check stay within DynamoDB's 100 items per transaction. Only a MISP's newest
 * license can be on (issuing switches the older ones off, only the newest may be switched back on), so one is
 * the norm and the bound is never reached by licenses PMS wrote.
 */
export const MAX_LICENSES_RETIRED_WITH_PARTNER = 45;

/**
 * Every license still on, switched off and revoked by `actor` (the admin deactivating the MISP: its owner cannot
 * switch them back on), each with its own audit record; `latest` is the switched-off
 * newest license, the only one published (as `PUT /misps` does, so IDA's one record per MISP is never overwritten
 * by a superseded license). A newest license missing from `licenses` means the index read lags the head: read again.
 */
export function retireLicenses(licenses: readonly MispLicense[], latestId: string | null, actor: string, now: Date) {
  if (latestId !== null && !licenses.some((license) => license.id === latestId))
    throw new ConcurrentModificationError(`misp license ${latestId}, not yet listed`);
  const active = licenses.filter((license) => license.isActive);
  if (active.length > MAX_LICENSES_RETIRED_WITH_PARTNER)
    throw new Error(`${active.length} active licenses exceed one transaction; switch the older ones off first`);
  const retirements: LicenseRetirement[] = active.map((previous) => ({
    previous,
    next: { ...previous, isActive: false, revokedByAdmin: true, updBy: actor, updDtimes: now.toISOString() },
    audit: auditEntry(actor, 'deactivateMispLicense', MISP_LICENSE_AUDIT_TYPE, previous.id, now, { mispId: previous.mispId, cause: 'partnerDeactivated' }),
  }));
  return { retirements, latest: retirements.find(({ next }) => next.id === latestId)?.next };
}
