import { POLICY_PAGING_ERRORS } from '../../errors/paging-errors.js';
import type { ListPoliciesQuery } from '../../schemas/policy-lists.js';
import { bindPage, checkSortAndPage, compareText, containsLike, type PageV2, pageOf } from '../search/v2-lists.js';
import { type PolicySummary, type PolicyWithGroup, policySummary } from './list-views.js';

export { MAX_PAGE_SIZE } from '../search/v2-lists.js';
export type { PolicySummary, PolicyWithGroup, SearchAuthPolicy } from './list-views.js';
export { policyFilterValues, searchPolicies } from './policy-search.js';

type SortKey = (row: PolicyWithGroup) => string;

/** PolicyUtil.aliasToColumnMap: the only accepted `sortFieldName`s (case-sensitive). `policyType` is not one. */
const SORT_KEYS: Record<string, SortKey> = {
  policyId: ({ policy }) => policy.id,
  policyName: ({ policy }) => policy.name,
  policyDescription: ({ policy }) => policy.desc,
  policyGroupId: ({ policy }) => policy.policyGroupId,
  policyGroupName: ({ groupName }) => groupName,
  // MOSIP orders by the derived status text: activated < deactivated < draft.
  status: ({ policy }) => policy.status,
  createdDateTime: ({ policy }) => policy.crDtimes,
};

/** The text filters, each matched as `lower(column) LIKE %lower(value)%`. */
const TEXT_FILTERS = {
  policyId: ({ policy }) => policy.id,
  policyType: ({ policy }) => policy.policyType,
  policyName: ({ policy }) => policy.name,
  policyDescription: ({ policy }) => policy.desc,
  policyGroupName: ({ groupName }) => groupName,
} satisfies Record<string, SortKey> & Partial<Record<keyof ListPoliciesQuery, SortKey>>;

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
  const paging = checkSortAndPage(query, bindPage(query), SORT_KEYS, POLICY_PAGING_ERRORS);
  const found = rows.filter(filterOf(query)).sort(byDefaultOrder);
  if (paging.sort) {
    const key = SORT_KEYS[paging.sort.field]!;
    const sign = paging.sort.ascending ? 1 : -1;
    found.sort((a, b) => sign * compareText(key(a), key(b)));
  }
  return pageOf(found, paging, policySummary);
}

function filterOf(query: ListPoliciesQuery): (row: PolicyWithGroup) => boolean {
  const tests: ((row: PolicyWithGroup) => boolean)[] = [];
  for (const [name, column] of Object.entries(TEXT_FILTERS) as [keyof typeof TEXT_FILTERS, SortKey][]) {
    const value = query[name];
    if (value === undefined) continue;
    const matches = containsLike(value);
    tests.push((row) => matches(column(row)));
  }
  const { status } = query;
  if (status !== undefined) tests.push(({ policy }) => policy.status === status);
  return (row) => tests.every((test) => test(row));
}

function byDefaultOrder(a: PolicyWithGroup, b: PolicyWithGroup): number {
  return compareText(a.policy.crDtimes, b.policy.crDtimes) || compareText(a.policy.id, b.policy.id);
}
