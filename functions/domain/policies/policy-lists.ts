import { POLICY_PAGING_ERRORS } from '../../errors/paging-errors.js';
import type { ListPoliciesQuery } from '../../schemas/policy-lists.js';
import { checkListQuery, type ListDefinition, listPage } from '../search/list-definition.js';
import type { PageV2 } from '../search/v2-lists.js';
import { type PolicySummary, type PolicyWithGroup, policySummary } from './list-views.js';

export { MAX_PAGE_SIZE } from '../search/v2-lists.js';
export type { PolicySummary, PolicyWithGroup, SearchAuthPolicy } from './list-views.js';
export { policyFilterValues, searchPolicies } from './policy-search.js';

/**
 * PolicyUtil.aliasToColumnMap (the only accepted `sortFieldName`s, case-sensitive; `policyType` is not one) and
 * PolicySummaryRepository's filters.
 */
const POLICY_LIST: ListDefinition<PolicyWithGroup> = {
  columns: {
    policyId: { read: ({ policy }) => policy.id, filter: 'like', sortable: true },
    policyType: { read: ({ policy }) => policy.policyType, filter: 'like' },
    policyName: { read: ({ policy }) => policy.name, filter: 'like', sortable: true },
    policyDescription: { read: ({ policy }) => policy.desc, filter: 'like', sortable: true },
    policyGroupId: { read: ({ policy }) => policy.policyGroupId, sortable: true },
    policyGroupName: { read: ({ groupName }) => groupName, filter: 'like', sortable: true },
    // MOSIP orders by the derived status text: activated < deactivated < draft.
    status: { read: ({ policy }) => policy.status, filter: 'exact', sortable: true },
    createdDateTime: { read: ({ policy }) => policy.crDtimes, sortable: true },
  },
  defaultOrder: [{ by: ({ policy }) => policy.crDtimes }, { by: ({ policy }) => policy.id }],
  errors: POLICY_PAGING_ERRORS,
};

/**
 * `GET /policies/v2` over every policy (read by the caller) joined with its group's name.
 *
 * As MOSIP (release-1.3.x PolicyManagementService#getAllPolicies, PolicyUtil, PolicySummaryRepository):
 * - a pageNo/pageSize that is no Java int fails binding before anything else (HTTP 400);
 * - then sortFieldName (PMS_PRT_357), sortType (PMS_PRT_358), pageNo < 0 (PMS_PRT_360), pageSize <= 0
 *   (PMS_PRT_361) are checked in that order; there are no "must come together" rules in this service;
 * - sorting happens only when both sortFieldName and sortType are given; either alone is checked, then ignored;
 * - text filters are case-insensitive SQL LIKE '%value%' (so `%` and `_` are wildcards), `policyType` included;
 *   `status` is compared exactly and case-sensitively, so an unknown status matches nothing;
 * - a page with no rows, past the end included, is `{pageNo:0, pageSize:0, totalResults:0, data:[]}`.
 * MOSIP leaves the order of unsorted rows (and of ties) to PostgreSQL; we use creation time, then id.
 * Strings compare by UTF-16 code units, where PostgreSQL would use the database collation.
 */
export function listPoliciesV2(rows: readonly PolicyWithGroup[], query: ListPoliciesQuery): PageV2<PolicySummary> {
  return listPage(POLICY_LIST, rows, query, checkListQuery(POLICY_LIST, query), policySummary);
}
