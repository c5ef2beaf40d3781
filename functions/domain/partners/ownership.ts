import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import type { Caller } from '../caller.js';
import type { Partner } from './partner.js';
import type { PartnerRepository } from './ports.js';

/**
 * The partner, if the caller may act on it: admins on any partner, everyone else only on their own. A partner
 * that is not the caller's is refused exactly like one that does not exist, so ids cannot be probed.
 */
export async function partnerOf(partners: Pick<PartnerRepository, 'getPartner'>, caller: Caller, partnerId: string): Promise<Partner> {
  const partner = await partners.getPartner(partnerId);
  if (caller.isAdmin) {
    if (!partner) throw new PmsError(PARTNER_ERRORS.PARTNER_DOES_NOT_EXIST);
    return partner;
  }
  if (!partner || partner.userId !== caller.userId) throw new PmsError(PARTNER_ERRORS.USER_NOT_AUTHORIZED);
  return partner;
}
