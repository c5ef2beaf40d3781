import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import { POLICY_REQUEST_LIST_ERRORS } from '../../errors/policy-request-list-errors.js';
import { USER_ERRORS } from '../../errors/user-errors.js';
import type { PolicyRequestListQuery } from '../../schemas/policy-request-list.js';
import type { Caller } from '../caller.js';
import { ownedPartners } from '../partners/ownership.js';
import type { Partner } from '../partners/partner.js';
import { PARTNER_TYPES } from '../partners/partner-types.js';
import type { PartnerRepository } from '../partners/ports.js';
import type { Policy } from '../policies/policy.js';
import type { PolicyGroup } from '../policy-groups/policy-group.js';
import type { PolicyRequest } from './policy-request.js';
import { type PolicyRequestRow, policyRequestListRequest, policyRequestPage } from './request-list.js';

/** What the request list reads: Query and batched key reads only, never a Scan. */
export interface PolicyRequestListReader {
  /** Every request in every status, up to the adapter's bound (the admin's view). */
  allRequests(): Promise<PolicyRequest[]>;
  /** One partner's requests, up to the adapter's bound. */
  requestsOfPartner(partnerId: string): Promise<PolicyRequest[]>;
  /** The items that exist among these ids (duplicates are read once; order is not kept). */
  partnersByIds(ids: readonly string[]): Promise<Partner[]>;
  policiesByIds(ids: readonly string[]): Promise<Policy[]>;
  groupsByIds(ids: readonly string[]): Promise<PolicyGroup[]>;
}

export interface PolicyRequestListDeps {
  reader: PolicyRequestListReader;
  partners: Pick<PartnerRepository, 'partnersOfUser'>;
}

/** MOSIP skips these partner types when it gathers a user's partners (PartnerHelper.skipDeviceOrFtmPartner). */
const SKIPPED_TYPES = new Set(['Device_Provider', 'FTM_Provider']);

/**
 * `GET /partner-policy-requests` (PartnerManagementServiceImpl#getAllPartnerPolicyRequests): admins see every
 * request; anyone else the requests of the partners they own, after MOSIP's checks on those partners.
 */
export async function listPolicyRequests(deps: PolicyRequestListDeps, caller: Caller, query: PolicyRequestListQuery) {
  const request = policyRequestListRequest(query);
  const rows = caller.isAdmin ? await adminRows(deps.reader) : await ownRows(deps, caller);
  return policyRequestPage(rows, query, request);
}

async function adminRows(reader: PolicyRequestListReader): Promise<PolicyRequestRow[]> {
  const requests = await reader.allRequests();
  const partners = byId(await reader.partnersByIds(requests.map((request) => request.partnerId)));
  const groupIds = [...partners.values()].flatMap((partner) => (partner.policyGroupId ? [partner.policyGroupId] : []));
  const [policies, groups] = await Promise.all([reader.policiesByIds(requests.map((request) => request.policyId)), reader.groupsByIds(groupIds)]);
  return joined(requests, partners, byId(policies), byId(groups));
}

/**
 * A user's own partners: none at all is PMS_CERTIFICATE_ERROR_002; device and FTM providers are left out; every
 * other partner must name a policy group (PMS_POLICY_ERROR_005) that exists (PMS_POLICY_ERROR_001). Unlike MOSIP,
 * a partner of a type that needs no policy group (MISP) and has none is left out rather than refused, as on
 * `GET /admin-partners/{partnerId}`: it cannot have requested a policy.
 */
async function ownRows(deps: PolicyRequestListDeps, caller: Caller): Promise<PolicyRequestRow[]> {
  const owned = await ownedPartners(deps.partners, caller);
  if (owned.length === 0) throw new PmsError(USER_ERRORS.USER_ID_NOT_EXISTS);
  const listed = owned.filter(
    (partner) => !SKIPPED_TYPES.has(partner.partnerType) && (partner.policyGroupId || PARTNER_TYPES[partner.partnerType].policyRequired),
  );
  const groups = byId(await deps.reader.groupsByIds(listed.flatMap((partner) => (partner.policyGroupId ? [partner.policyGroupId] : []))));
  // Partner by partner, as MOSIP checks them: the first failing partner decides the code.
  for (const partner of listed) {
    if (!partner.policyGroupId) throw new PmsError(PARTNER_ERRORS.POLICY_GROUP_ID_EMPTY);
    if (!groups.get(partner.policyGroupId)?.name) throw new PmsError(POLICY_REQUEST_LIST_ERRORS.POLICY_GROUP_NOT_EXISTS);
  }
  const requests = (await Promise.all(listed.map((partner) => deps.reader.requestsOfPartner(partner.id)))).flat();
  const policies = byId(await deps.reader.policiesByIds(requests.map((request) => request.policyId)));
  return joined(requests, byId(listed), policies, groups);
}

function joined(
  requests: readonly PolicyRequest[],
  partners: Map<string, Partner>,
  policies: Map<string, Policy>,
  groups: Map<string, PolicyGroup>,
): PolicyRequestRow[] {
  return requests.map((request) => {
    const partner = partners.get(request.partnerId);
    return {
      request,
      partner,
      policy: policies.get(request.policyId),
      group: partner?.policyGroupId ? groups.get(partner.policyGroupId) : undefined,
    };
  });
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
