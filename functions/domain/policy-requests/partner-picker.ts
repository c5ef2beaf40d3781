import { PmsError } from '../../errors/pms-error.js';
import { POLICY_REQUEST_LIST_ERRORS } from '../../errors/policy-request-list-errors.js';
import { USER_ERRORS } from '../../errors/user-errors.js';
import type { PartnersV3Query } from '../../schemas/policy-requests.js';
import type { Caller } from '../caller.js';
import { ownedPartners } from '../partners/ownership.js';
import { springBoolean } from '../search/v2-lists.js';
import type { PolicyRequestListDeps } from './request-list-queries.js';

/**
 * `GET /partners/v3` (PartnerServiceImpl#getPartnersV3): the caller's own partners in an approval status,
 * optionally of one type and with or without a policy group; the portal offers them when a partner asks for a
 * policy (and when it adds an SBI or FTM chip). A user without partners is PMS_CERTIFICATE_ERROR_002; with
 * `policyGroupAvailable=true` each partner's group is named, and must exist (PMS_POLICY_ERROR_001).
 */
export async function partnersV3(deps: PolicyRequestListDeps, caller: Caller, query: PartnersV3Query) {
  const withGroup = springBoolean('policyGroupAvailable', query.policyGroupAvailable);
  const owned = await ownedPartners(deps.partners, caller);
  if (owned.length === 0) throw new PmsError(USER_ERRORS.USER_ID_NOT_EXISTS);
  const partners = owned.filter(
    (partner) =>
      partner.approvalStatus === query.status &&
      (query.partnerType === undefined || partner.partnerType === query.partnerType) &&
      (withGroup === undefined || withGroup === (partner.policyGroupId !== null)),
  );
  const groups =
    withGroup === true
      ? new Map((await deps.reader.groupsByIds(partners.map((partner) => partner.policyGroupId!))).map((group) => [group.id, group]))
      : undefined;
  return partners.map((partner) => {
    if (!groups) return { partnerId: partner.id, partnerType: partner.partnerType, policyGroupId: null, policyGroupName: null, policyGroupDescription: null };
    const group = groups.get(partner.policyGroupId!);
    if (!group?.name) throw new PmsError(POLICY_REQUEST_LIST_ERRORS.POLICY_GROUP_NOT_EXISTS);
    return {
      partnerId: partner.id,
      partnerType: partner.partnerType,
      policyGroupId: partner.policyGroupId,
      policyGroupName: group.name,
      policyGroupDescription: group.desc,
    };
  });
}
