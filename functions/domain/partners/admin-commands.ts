import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import type { EventModel } from '../events/event-model.js';
import { retryOnConflict } from '../retry.js';
import { PmsError } from '../../errors/pms-error.js';
import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import type { Partner } from './partner.js';
import { partnerUpdated } from './partner-events.js';
import type { PartnerDeps } from './ports.js';

const OBJECT_TYPE = 'Partner';

/**
 * One kind of object a deactivated partner takes down with it. The events a step returns are stored with the
 * partner's change, in its transaction. No step exists yet, because none of the objects does: API keys, OIDC
 * clients, SBIs, devices and FTM chips arrive with their own issues, and each adds its step here (a step that
 * changes stored items also extends `PartnerRepository.save` so they are written in the same transaction).
 * MOSIP itself cascades only to MISP licence keys (one MISP_LICENSE_UPDATED each) and leaves the rest active.
 */
export interface DeactivationCascadeStep {
  readonly objects: string;
  eventsFor(partner: Partner, now: Date): Promise<EventModel[]>;
}

export const DEACTIVATION_CASCADE: readonly DeactivationCascadeStep[] = [];

/** What the admin asks for: MOSIP's StatusRequestDto values, compared case-insensitively. */
const ACTIVE = 'active';
const DEACTIVE = 'de-active';

/**
 * `PATCH /partners/{partnerId}` (MOSIP PartnerManagementServiceImpl#activateDeactivateAuthEKYCPartner), in
 * MOSIP's order: unknown partner (PMS_PMP_005), deactivated partner (approved and inactive: terminal,
 * PMS_PM_063), then the status. "Active" needs an uploaded certificate (PMS_PRT_108) and changes only an
 * inactive partner, leaving its approval status as it is, as MOSIP does; "De-active" changes only an active one.
 * A request that changes nothing succeeds and writes nothing; a change writes the partner, one audit record and
 * one PARTNER_UPDATED (plus the cascade's events) in one transaction. MOSIP also mails the partner; we have no
 * mailer yet.
 */
export function changePartnerStatus(deps: PartnerDeps, caller: Caller, partnerId: string, status: string) {
  return retryOnConflict(async () => {
    const partner = await deps.partners.getPartner(partnerId);
    if (!partner) throw new PmsError(PARTNER_ERRORS.PARTNER_ID_DOES_NOT_EXIST);
    if (partner.approvalStatus === 'approved' && !partner.isActive) throw new PmsError(PARTNER_ERRORS.PARTNER_ALREADY_DEACTIVATED);
    const wanted = status.toLowerCase();
    if (wanted === ACTIVE) {
      if (partner.certificateAlias === null) throw new PmsError(PARTNER_ERRORS.CERTIFICATE_NOT_UPLOADED_TO_ACTIVATE);
      if (!partner.isActive) await store(deps, caller, partner, true);
      return { message: 'Partner activated successfully' };
    }
    if (wanted === DEACTIVE) {
      if (partner.isActive) await store(deps, caller, partner, false);
      return { message: 'Partner de-activated successfully' };
    }
    throw new PmsError(PARTNER_ERRORS.INVALID_PARTNER_STATUS);
  });
}

async function store(deps: PartnerDeps, caller: Caller, partner: Partner, isActive: boolean): Promise<void> {
  const now = deps.clock.now();
  const next: Partner = { ...partner, isActive, updBy: caller.userId, updDtimes: now.toISOString() };
  const cascaded = isActive ? [] : (await Promise.all(DEACTIVATION_CASCADE.map((step) => step.eventsFor(next, now)))).flat();
  const action = isActive ? 'activatePartner' : 'deactivatePartner';
  const audit = auditEntry(caller.userId, action, OBJECT_TYPE, partner.id, now);
  await deps.partners.save(next, partner, audit, [partnerUpdated(next, now, deps.ids), ...cascaded]);
}
