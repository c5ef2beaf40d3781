import { PmsError } from '../../errors/pms-error.js';
import { POLICY_ERRORS } from '../../errors/policy-errors.js';
import type { ListPoliciesQuery, PolicyFilterValueRequest, PolicySearchRequest } from '../../schemas/policy-lists.js';
import type { PolicyGroup } from '../policy-groups/policy-group.js';
import type { PolicyGroupRepository } from '../policy-groups/ports.js';
import type { Policy } from './policy.js';
import { listPoliciesV2, type PolicyWithGroup, policyFilterValues, searchPolicies } from './policy-lists.js';
import type { PolicyDeps } from './ports.js';
import { UI_CONFIG } from './ui-config.js';
import { policyDetails, policyResponse } from './views.js';

type Readers = Pick<PolicyDeps, 'policies' | 'apiKeys' | 'clock'> & { groups: Pick<PolicyGroupRepository, 'getGroup' | 'getGroupByName' | 'policiesOfGroup'> };

export async function getPolicy(deps: Readers, policyId: string) {
  const policy = await deps.policies.getPolicy(policyId);
  if (!policy) throw new PmsError(POLICY_ERRORS.POLICY_ID_NOT_EXISTS);
  return policyResponse(policy, await groupOf(deps, policy));
}

export async function getAllPolicies(deps: Readers) {
  const policies = await deps.policies.listPolicies();
  const groups = await groupsById(deps, policies);
  return policies.map((policy) => policyResponse(policy, groups.get(policy.policyGroupId)!));
}

/** What datashare and registration processor ask: the policy, only while the partner holds an active API key on it. */
export async function getPolicyForPartner(deps: Readers, policyId: string, partnerId: string) {
  if (!(await deps.apiKeys.hasActiveApiKey(partnerId, policyId, deps.clock.now()))) throw new PmsError(POLICY_ERRORS.NO_POLICY_AGAINST_PARTNER);
  return getPolicy(deps, policyId);
}

/** Active policies of an active group, by the group's name (the partner's "request policy" drop-down). */
export async function getActivePoliciesOfGroup(deps: Readers, groupName: string) {
  const group = await deps.groups.getGroupByName(groupName);
  if (!group) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_NAME_NOT_EXISTS);
  if (!group.isActive) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_NOT_ACTIVE);
  const policies = await deps.groups.policiesOfGroup(group.id);
  return policies.filter((policy) => policy.status === 'activated').map((policy) => policyDetails(policy, group));
}

/**
 * `GET /policies/config/{key}`: an allow-listed setting, and for any other key what MOSIP answers for a property it
 * does not have (`value: null`), so a secret's name cannot be told from a name nobody uses.
 */
export function getUiConfigValue(key: string) {
  return { key, value: Object.hasOwn(UI_CONFIG, key) ? UI_CONFIG[key] : null };
}

/** Every policy with its group's name: what the list, search and filter-value endpoints work on. */
async function policiesWithGroupNames(deps: Readers): Promise<PolicyWithGroup[]> {
  const policies = await deps.policies.listPolicies();
  const groups = await groupsById(deps, policies);
  return policies.map((policy) => ({ policy, groupName: groups.get(policy.policyGroupId)!.name }));
}

export async function listPolicies(deps: Readers, query: ListPoliciesQuery) {
  return listPoliciesV2(await policiesWithGroupNames(deps), query);
}

export async function searchAllPolicies(deps: Readers, request: PolicySearchRequest) {
  return searchPolicies(await policiesWithGroupNames(deps), request);
}

export async function filterValuesOfPolicies(deps: Readers, request: PolicyFilterValueRequest) {
  return policyFilterValues(await policiesWithGroupNames(deps), request);
}

async function groupOf(deps: Readers, policy: Policy): Promise<PolicyGroup> {
  const group = await deps.groups.getGroup(policy.policyGroupId);
  if (!group) throw new Error(`policy ${policy.id} names a missing group`);
  return group;
}

async function groupsById(deps: Readers, policies: Policy[]): Promise<Map<string, PolicyGroup>> {
  const ids = [...new Set(policies.map((policy) => policy.policyGroupId))];
  const groups = await Promise.all(ids.map((id) => deps.groups.getGroup(id)));
  const byId = new Map<string, PolicyGroup>();
  groups.forEach((group, index) => {
    if (!group) throw new Error(`policy group ${ids[index]} is missing`);
    byId.set(group.id, group);
  });
  return byId;
}
