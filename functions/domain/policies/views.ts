import { localDateTime, sqlTimestamp } from '../mosip-dates.js';
import type { PolicyGroup } from '../policy-groups/policy-group.js';
import type { Policy } from './policy.js';

/** PolicyCreateResponseDto (create, edit, clone). */
export function policyCreateResponse(policy: Policy, groupName: string) {
  return {
    id: policy.id,
    policyGroupName: groupName,
    name: policy.name,
    desc: policy.desc,
    is_Active: policy.status === 'activated',
    cr_by: policy.crBy,
    cr_dtimes: sqlTimestamp(policy.crDtimes),
    up_by: policy.updBy,
    upd_dtimes: localDateTime(policy.updDtimes),
  };
}

/** PolicyDto, a policy inside its group: legacy status is only PUBLISHED (active) or DRAFTED (anything else). */
export function policyOfGroup(policy: Policy) {
  return {
    policyId: policy.id,
    policyName: policy.name,
    policyDesc: policy.desc,
    publishDate: localDateTime(policy.validFromDate),
    validTill: localDateTime(policy.validToDate),
    status: policy.status === 'activated' ? 'PUBLISHED' : 'DRAFTED',
    version: policy.version,
    schema: policy.schema,
    is_Active: policy.status === 'activated',
    cr_by: policy.crBy,
    cr_dtimes: localDateTime(policy.crDtimes),
    up_by: policy.updBy,
    upd_dtimes: localDateTime(policy.updDtimes),
    policies: policy.policies,
  };
}

/** PolicyResponseDto (get, list, publish, partner lookup): the group's fields, then the PolicyDto with its type. */
export function policyResponse(policy: Policy, group: PolicyGroup) {
  const { policyId, policyName, policyDesc, ...rest } = policyOfGroup(policy);
  return {
    policyGroupId: group.id,
    policyGroupName: group.name,
    policyGroupDesc: group.desc,
    policyGroupStatus: group.isActive,
    policyGroup_cr_by: group.crBy,
    policyGroup_cr_dtimes: localDateTime(group.crDtimes),
    policyGroup_up_by: group.updBy,
    policyGroup_upd_dtimes: localDateTime(group.updDtimes),
    policyId,
    policyName,
    policyDesc,
    policyType: policy.policyType,
    ...rest,
  };
}

/** PolicyDetailsDto (active policies of a group, for the partner's request drop-down). */
export function policyDetails(policy: Policy, group: PolicyGroup) {
  return { policyGroupId: group.id, policyGroupName: group.name, id: policy.id, name: policy.name, descr: policy.desc, policyType: policy.policyType };
}

/** PolicyPublishDto: the `policyData` of POLICY_UPDATED, which IDA stores. */
export function policyData(policy: Policy) {
  return {
    policyId: policy.id,
    policy: policy.policies,
    policyName: policy.name,
    policyStatus: policy.status === 'activated' ? 'ACTIVE' : 'DEACTIVE',
    policyDescription: policy.desc,
    policyCommenceOn: localDateTime(policy.validFromDate),
    policyExpiresOn: localDateTime(policy.validToDate),
  };
}
