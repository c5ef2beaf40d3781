import { PmsError, withArguments } from '../../errors/pms-error.js';
import { SEARCH_ERRORS } from '../../errors/search-errors.js';
import type { SearchFilter } from '../../schemas/legacy-search.js';
import type { PolicyFilterValueRequest, PolicySearchRequest } from '../../schemas/policy-lists.js';
import { type FilterValue, filterValues } from '../search/filter-values.js';
import { type LegacyPage, legacySearch } from '../search/legacy-search.js';
import { POLICY_SEARCH_COLUMNS, type PolicyWithGroup, type SearchAuthPolicy, searchAuthPolicy, UNSORTABLE_POLICY_SEARCH_COLUMNS } from './list-views.js';

const named = (filter: SearchFilter, column: string) => filter.columnName?.toLowerCase() === column.toLowerCase();

/** MOSIP's request for one policy type: an `equals` filter (case-insensitive) unless the type is "all". */
function typeRestriction(policyType: string): SearchFilter[] {
  return policyType.toLowerCase() === 'all' ? [] : [{ columnName: 'policyType', type: 'equals', value: policyType }];
}

/**
 * Legacy `POST /policies/search` (PolicyManagementService#searchPolicy), on the shared legacy search engine.
 * Before searching, MOSIP
 * - appends the policy-type restriction after the caller's filters;
 * - takes out every `policyGroupName` filter (any case) and keeps only the first one's `value`, applied as a
 *   case-sensitive "group name contains" whatever its filter type, before paging;
 * - takes out every `desc` filter (any case) and appends the first one, last, on the entity column `descr`.
 * Sorting on `descr` or `policyFileId` is refused (PMS-MSD-357) after the other checks: MOSIP's database
 * accepts it, its in-memory re-sort over SearchAuthPolicy does not.
 * Differences, all where MOSIP fails oddly: that sort is refused even when nothing matches (MOSIP then answers
 * the empty page); a first `policyGroupName` filter without a value is refused with PMS-MSD-390 (MOSIP crashes
 * with PMS_COR_003 if any row matches); a filter with a null column gets PMS-MSD-311 (MOSIP: PMS_COR_003).
 */
export function searchPolicies(rows: readonly PolicyWithGroup[], request: PolicySearchRequest): LegacyPage<SearchAuthPolicy> {
  const requested = [...request.filters, ...typeRestriction(request.policyType)];
  const groupFilter = requested.find((filter) => named(filter, 'policyGroupName'));
  const descFilter = requested.find((filter) => named(filter, 'desc'));
  const filters = requested.filter((filter) => !named(filter, 'policyGroupName') && !named(filter, 'desc'));
  if (descFilter) filters.push({ ...descFilter, columnName: 'descr' });

  let candidates = rows.map(searchAuthPolicy);
  if (groupFilter) {
    const wanted = groupFilter.value;
    if (wanted === undefined || wanted === null) throw new PmsError(SEARCH_ERRORS.INVALID_VALUE);
    candidates = candidates.filter((policy) => policy.policyGroupName.includes(wanted));
  }
  const page = legacySearch(candidates, POLICY_SEARCH_COLUMNS, { filters, sort: request.sort, pagination: request.pagination });
  const unsortable = request.sort.find(({ sortField }) => sortField && UNSORTABLE_POLICY_SEARCH_COLUMNS.has(sortField));
  if (unsortable) throw new PmsError(withArguments(SEARCH_ERRORS.INVALID_SORT_FIELD, unsortable.sortField!));
  return page;
}

/**
 * Legacy `POST /policies/filtervalues` (PolicyManagementService#policyFilterValues): values of AuthPolicy
 * columns with the policy id as `fieldCode`, the policy-type restriction being appended to the optional
 * filters. Where MOSIP crashes on absent optional filters with a type other than "all", we take none.
 */
export function policyFilterValues(rows: readonly PolicyWithGroup[], request: PolicyFilterValueRequest): { filters: FilterValue[] } {
  const optionalFilters = [...(request.optionalFilters ?? []), ...typeRestriction(request.policyType)];
  return filterValues(rows.map(searchAuthPolicy), POLICY_SEARCH_COLUMNS, (policy) => policy.id, {
    filters: request.filters,
    optionalFilters,
  });
}
