import { auditEntry } from '../audit.js';
import type { Policy } from '../policies/policy.js';
import type { Clock, IdGenerator } from '../ports.js';
import { retryOnConflict } from '../retry.js';
import { MISP_LICENSE_AUDIT_TYPE, type MispLicense, mispLicenseEvent } from './misp-license.js';
import type { MispLicenseRepository } from './ports.js';

export interface LicenseExpiryDeps {
  licenses: Pick<MispLicenseRepository, 'byHash' | 'latestId' | 'save'>;
  policies: { getPolicy(id: string): Promise<Policy | undefined> };
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Switches off a license whose validity ended, with its audit record, and MISP_LICENSE_UPDATED when it is the
 * MISP's newest (as `PUT /misps` publishes). A license already off is left as it is. Answers whether this call
 * switched it off.
 */
export function switchOffExpiredLicense(deps: LicenseExpiryDeps, actor: string, keyHash: string): Promise<boolean> {
  return retryOnConflict(async () => {
    const license = await deps.licenses.byHash(keyHash);
    if (!license?.isActive) return false;
    const now = deps.clock.now();
    const next: MispLicense = { ...license, isActive: false, updBy: actor, updDtimes: now.toISOString() };
    const audit = auditEntry(actor, 'deactivateMispLicense', MISP_LICENSE_AUDIT_TYPE, license.id, now, { mispId: license.mispId, cause: 'expired' });
    const latest = (await deps.licenses.latestId(license.mispId)) === license.id;
    const policy = latest && license.policyId ? await deps.policies.getPolicy(license.policyId) : undefined;
    const events = latest ? [mispLicenseEvent('MISP_LICENSE_UPDATED', next, policy, now, deps.ids)] : [];
    await deps.licenses.save(next, license, false, audit, events);
    return true;
  });
}
