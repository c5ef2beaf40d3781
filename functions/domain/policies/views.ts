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

/** PolicyResponseDto (get, list, publish, partner lookup); legacy status is PUBLISHED only while active. */
export function policyResponse(policy: Policy, group: PolicyGroup) {
  return {
    policyGroupId: group.id,
    policyGroupName: group.name,
    policyGroupDesc: group.desc,
    policyGroupStatus: group.isActive,
    policyGroup_cr_by: group.crBy,
    policyGroup_cr_dtimes: localDateTime(group.crDtimes),
    policyGroup_up_by: group.updBy,
    policyGroup_upd_dtimes: localDateTime(group.updDtimes),
    policyId: policy.id,
    policyName: policy.name,
    policyDesc: policy.desc,
    policyType: policy.policyType,
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
