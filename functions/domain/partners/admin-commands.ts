import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { deactivateKeysOfPartner } from '../partner-deactivation/api-keys.js';
import { licensesRetiredWith } from '../partner-deactivation/misp-licenses.js';
import type { PartnerStatusDeps } from '../partner-deactivation/ports.js';
import { retryOnConflict } from '../retry.js';
import { ACTIVATION_STATUSES } from '../status-words.js';
import { isDeactivated, type Partner } from './partner.js';
import { partnerUpdated } from './partner-events.js';

const OBJECT_TYPE = 'Partner';

/** What the admin asks for: MOSIP's StatusRequestDto values, compared case-insensitively. */
const ACTIVE = ACTIVATION_STATUSES[0].toLowerCase();
const DEACTIVE = ACTIVATION_STATUSES[1].toLowerCase();

/**
 * `PATCH /partners/{partnerId}` (MOSIP PartnerManagementServiceImpl#activateDeactivateAuthEKYCPartner), in
 * MOSIP's order: unknown partner (PMS_PMP_005), deactivated partner (terminal, PMS_PM_063), then the status.
 * "Active" needs an uploaded certificate (PMS_PRT_108) and changes only an inactive partner; it approves a partner
 * still pending (a self-registered partner whose upload awaits a partner admin, see partner-certificate-upload.ts)
 * and leaves an approved one's status as it is, as MOSIP does. "De-active" deactivates an active partner, and, unlike MOSIP (which answers
 * success and writes nothing, so the partner's certificate upload later approves and activates it), a registered
 * one too: it stays `InProgress` and inactive, marked `deactivatedByAdmin`, and counts as deactivated from then on
 * (its upload is refused, and it is as terminal as MOSIP's deactivated partner). "Active" on an active partner
 * succeeds and writes nothing; a change writes the partner, one audit record and one PARTNER_UPDATED in one
 * transaction. MOSIP also mails the partner; we have no mailer yet.
 *
 * Deactivation takes down, as MOSIP does, the partner's MISP licenses, in the partner's transaction (verification
 * does not read a license's MISP, so a license must never outlive it), and, beyond MOSIP, its API keys, after
 * that transaction and one transaction each (a partner may hold more keys than one transaction takes). Keys a
 * run cut short leaves on are already refused by verification, which reads the key's partner, and a repeated
 * "De-active" switches them off before it answers PMS_PM_063. A deactivated provider's SBIs, devices and FTM chips
 * stay as they are, as in MOSIP: the provider can no longer act on them (PMS_PMP_016) and none of them is verified by
 * PMS.
 */
export function changePartnerStatus(deps: PartnerStatusDeps, caller: Caller, partnerId: string, status: string) {
  return retryOnConflict(async () => {
    const partner = await deps.partners.getPartner(partnerId);
    if (!partner) throw new PmsError(PARTNER_ERRORS.PARTNER_ID_DOES_NOT_EXIST);
    const wanted = status.toLowerCase();
    if (isDeactivated(partner)) {
      if (wanted === DEACTIVE) await deactivateKeysOfPartner(deps, caller.userId, partner.id);
      throw new PmsError(PARTNER_ERRORS.PARTNER_ALREADY_DEACTIVATED);
    }
    if (wanted === ACTIVE) {
      if (partner.certificateAlias === null) throw new PmsError(PARTNER_ERRORS.CERTIFICATE_NOT_UPLOADED_TO_ACTIVATE);
      if (!partner.isActive) await store(deps, caller, partner, true);
      return { message: 'Partner activated successfully' };
    }
    if (wanted === DEACTIVE) {
      await store(deps, caller, partner, false);
      await deactivateKeysOfPartner(deps, caller.userId, partner.id);
      return { message: 'Partner de-activated successfully' };
    }
    throw new PmsError(PARTNER_ERRORS.INVALID_PARTNER_STATUS);
  });
}

async function store(deps: PartnerStatusDeps, caller: Caller, partner: Partner, isActive: boolean): Promise<void> {
  const now = deps.clock.now();
  const next: Partner = {
    ...partner,
    isActive,
    updBy: caller.userId,
    updDtimes: now.toISOString(),
    ...(isActive ? { approvalStatus: 'approved' } : { deactivatedByAdmin: true }),
  };
  const cascade = isActive ? { licenses: undefined, events: [] } : await licensesRetiredWith(deps, partner.id, caller.userId, now);
  const audit = auditEntry(caller.userId, isActive ? 'activatePartner' : 'deactivatePartner', OBJECT_TYPE, partner.id, now);
  await deps.partners.save(next, partner, audit, [partnerUpdated(next, now, deps.ids), ...cascade.events], cascade.licenses);
}
