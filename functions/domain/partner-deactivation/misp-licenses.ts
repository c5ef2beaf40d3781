import type { EventModel } from '../events/event-model.js';
import { mispLicenseEvent } from '../misp-licenses/misp-license.js';
import type { LicenseCascadeDeps } from './ports.js';
import { type LicensesRetiredWithPartner, retireLicenses } from './retired-licenses.js';

/** Reads a partner's licenses (none unless it is a MISP) and gives what its deactivation writes and publishes. */
export async function licensesRetiredWith(
  deps: LicenseCascadeDeps,
  mispId: string,
  actor: string,
  now: Date,
): Promise<{ licenses: LicensesRetiredWithPartner; events: EventModel[] }> {
  const [latestId, licenses] = await Promise.all([deps.licenses.latestId(mispId), deps.licenses.licensesOf(mispId)]);
  const { retirements, latest } = retireLicenses(licenses, latestId, actor, now);
  const policy = latest?.policyId ? await deps.policies.getPolicy(latest.policyId) : undefined;
  const events = latest ? [mispLicenseEvent('MISP_LICENSE_UPDATED', latest, policy, now, deps.ids)] : [];
  return { licenses: { mispId, latestId, retirements }, events };
}
