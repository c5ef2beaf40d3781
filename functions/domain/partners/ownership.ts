import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { type ErrorDefinition, PmsError } from '../../errors/pms-error.js';
import type { Caller } from '../caller.js';
import { isBoundTo, isOwnedBy, type Partner } from './partner.js';
import type { PartnerRepository } from './ports.js';

/**
 * The partner, if the caller may act on it: admins on any partner, everyone else only on their own. A partner
 * that is not the caller's is refused exactly like one that does not exist, so ids cannot be probed: with MOSIP's
 * PMS_PRT_005, or with `missing`, the operation's own code where MOSIP answers a missing partner "nothing found".
 */
export async function partnerOf(
  partners: Pick<PartnerRepository, 'getPartner'>,
  caller: Caller,
  partnerId: string,
  missing: ErrorDefinition = PARTNER_ERRORS.PARTNER_DOES_NOT_EXIST,
): Promise<Partner> {
  const partner = await partners.getPartner(partnerId);
  if (!partner || (!caller.isAdmin && !isOwnedBy(partner, caller))) throw new PmsError(missing);
  return partner;
}

/**
 * The partners the caller owns (an admin's own too, not everyone's): those the username's ownership links name, less
 * its own partners bound to another account of the same name. A link to a partner of another user (MOSIP's user_id
 * data can say so; no PMS route makes one) is trusted as it stands.
 */
export async function ownedPartners(partners: Pick<PartnerRepository, 'partnersOfUser'>, caller: Caller): Promise<Partner[]> {
  return (await partners.partnersOfUser(caller.userId)).filter((partner) => isBoundTo(partner, caller));
}
