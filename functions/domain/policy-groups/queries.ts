import { PmsError } from '../../errors/pms-error.js';
import { POLICY_ERRORS } from '../../errors/policy-errors.js';
import type { FilterValueRequest, SearchRequest } from '../../schemas/legacy-search.js';
import { policyOfGroup } from '../policies/views.js';
import { policyServiceFilterValues } from '../search/filter-values.js';
import { legacySearch } from '../search/legacy-search.js';
import type { PolicyGroup } from './policy-group.js';
import type { PolicyGroupRepository } from './ports.js';
import { activePolicyGroupView, POLICY_GROUP_COLUMNS, policyGroupEntity } from './views.js';

type Reader = Pick<PolicyGroupRepository, 'getGroup' | 'listGroups' | 'listActiveGroups' | 'policiesOfGroup'>;

async function withPolicies(groups: Reader, group: PolicyGroup) {
  const policies = await groups.policiesOfGroup(group.id);
  return { policyGroup: policyGroupEntity(group), policies: policies.map(policyOfGroup) };
}

export async function getPolicyGroup(groups: Reader, groupId: string) {
  const group = await groups.getGroup(groupId);
  if (!group) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_ID_NOT_EXISTS);
  return withPolicies(groups, group);
}

export async function getAllPolicyGroups(groups: Reader) {
  const all = await groups.listGroups();
  return Promise.all(all.map((group) => withPolicies(groups, group)));
}

export async function getActivePolicyGroups(groups: Reader) {
  const active = await groups.listActiveGroups();
  if (active.length === 0) throw new PmsError(POLICY_ERRORS.POLICY_GROUPS_NOT_AVAILABLE);
  return active.map(activePolicyGroupView);
}

export async function searchPolicyGroups(groups: Reader, request: SearchRequest) {
  const rows = (await groups.listGroups()).map(policyGroupEntity);
  return legacySearch(rows, POLICY_GROUP_COLUMNS, request);
}

export async function policyGroupFilterValues(groups: Reader, request: FilterValueRequest) {
  const rows = (await groups.listGroups()).map(policyGroupEntity);
  return policyServiceFilterValues(rows, POLICY_GROUP_COLUMNS, (group) => group.name, request);
}
