import type { Caller } from '../caller.js';
import { revealed } from '../personal-data/personal-data.js';
import { partnerOf } from './ownership.js';
import type { PartnerDeps } from './ports.js';
import { retrievedPartner } from './views.js';

export async function getPartner(deps: PartnerDeps, caller: Caller, partnerId: string) {
  const partner = await partnerOf(deps.partners, caller, partnerId);
  const group = partner.policyGroupId ? await deps.groups.getGroup(partner.policyGroupId) : undefined;
  return retrievedPartner(await revealed(deps.personalData, partner), group);
}
