import { localDateTime, sqlTimestamp } from '../mosip-dates.js';
import type { Columns } from '../search/columns.js';
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

/**
 * The columns the legacy policy search and filter values may address. MOSIP checks names against the
 * AuthPolicy entity, not the DTO it returns: the description is `descr` and the policy JSON `policyFileId`;
 * `desc`, `policies`, `policyGroupId` and `policyGroupName` are not columns.
 */
export const POLICY_SEARCH_COLUMNS: Columns<SearchAuthPolicy> = {
  id: { kind: 'string', value: (p) => p.id },
  crBy: { kind: 'string', value: (p) => p.crBy },
  crDtimes: { kind: 'datetime', value: (p) => p.crDtimes },
  delDtimes: { kind: 'datetime', value: (p) => p.delDtimes },
  descr: { kind: 'string', value: (p) => p.desc },
  isActive: { kind: 'boolean', value: (p) => p.isActive },
  isDeleted: { kind: 'boolean', value: (p) => p.isDeleted },
  name: { kind: 'string', value: (p) => p.name },
  policyFileId: { kind: 'string', value: (p) => p.policies },
  updBy: { kind: 'string', value: (p) => p.updBy },
  updDtimes: { kind: 'datetime', value: (p) => p.updDtimes },
  validFromDate: { kind: 'datetime', value: (p) => p.validFromDate },
  validToDate: { kind: 'datetime', value: (p) => p.validToDate },
  version: { kind: 'string', value: (p) => p.version },
  policyType: { kind: 'string', value: (p) => p.policyType },
  schema: { kind: 'string', value: (p) => p.schema },
};

/**
 * Columns MOSIP can filter on but not sort by: its in-memory re-sort looks the field up on SearchAuthPolicy,
 * which names them `desc` and `policies`.
 */
export const UNSORTABLE_POLICY_SEARCH_COLUMNS: ReadonlySet<string> = new Set(['descr', 'policyFileId']);
