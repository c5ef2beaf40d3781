import { localDateTime, sqlTimestamp } from '../mosip-dates.js';
import type { Policy } from './policy.js';

/** A policy with the name of its group, as the list endpoints read it (MOSIP joins policy_group). */
export interface PolicyWithGroup {
  policy: Policy;
  groupName: string;
}

/** PolicySummaryDto, one item of `GET /policies/v2` (release-1.3.x field order). */
export function policySummary({ policy, groupName }: PolicyWithGroup) {
  return {
    policyId: policy.id,
    policyType: policy.policyType,
    policyName: policy.name,
    policyDescription: policy.desc,
    policyGroupId: policy.policyGroupId,
    policyGroupName: groupName,
    status: policy.status,
    // A java.util.Date in PolicySummaryDto, not a LocalDateTime.
    createdDateTime: sqlTimestamp(policy.crDtimes),
  };
}

export type PolicySummary = ReturnType<typeof policySummary>;

/** SearchAuthPolicy, one row of `POST /policies/search` (MapperUtils.mapAuthPolicySearch). */
export function searchAuthPolicy({ policy, groupName }: PolicyWithGroup) {
  return {
    id: policy.id,
    crBy: policy.crBy,
    crDtimes: sqlTimestamp(policy.crDtimes),
    delDtimes: null,
    desc: policy.desc,
    isActive: policy.status === 'activated',
    isDeleted: false,
    name: policy.name,
    // MOSIP hands out the stored policy JSON text (policy_file_id), not an object.
    policies: policy.policies === undefined || policy.policies === null ? null : JSON.stringify(policy.policies),
    updBy: policy.updBy,
    updDtimes: localDateTime(policy.updDtimes),
    validFromDate: localDateTime(policy.validFromDate),
    validToDate: localDateTime(policy.validToDate),
    version: policy.version,
    policyType: policy.policyType,
    schema: policy.schema,
    policyGroupId: policy.policyGroupId,
    policyGroupName: groupName,
  };
}

export type SearchAuthPolicy = ReturnType<typeof searchAuthPolicy>;
