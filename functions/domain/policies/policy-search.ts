import type { SearchFilter } from '../../schemas/legacy-search.js';
import type { PolicyFilterValueRequest, PolicySearchRequest } from '../../schemas/policy-lists.js';
import { booleanColumn, type Columns, dateTimeColumn, stringColumn } from '../search/columns.js';
import { type FilterValue, policyServiceFilterValues } from '../search/filter-values.js';
import { refuseUnnamedFilters, takeFilter, unprocessableRequest } from '../search/filters.js';
import { type LegacyPage, legacySearch } from '../search/legacy-search.js';
import { type PolicyWithGroup, type SearchAuthPolicy, searchAuthPolicy } from './list-views.js';

/**
 * The AuthPolicy entity's fields, which the legacy policy search and filter values address: the description is
 * `descr` and the policy JSON `policyFileId` there, and the answer (SearchAuthPolicy) calls them `desc` and
 * `policies`, so MOSIP's re-sort of the answer refuses to sort on them.
 */
const POLICY_COLUMNS: Columns<SearchAuthPolicy> = {
  id: stringColumn((p) => p.id),
  crBy: stringColumn((p) => p.crBy),
  crDtimes: dateTimeColumn((p) => p.crDtimes),
  delDtimes: dateTimeColumn((p) => p.delDtimes),
  descr: stringColumn((p) => p.desc, { sortable: false }),
  isActive: booleanColumn((p) => p.isActive),
  isDeleted: booleanColumn((p) => p.isDeleted),
  name: stringColumn((p) => p.name),
  policyFileId: stringColumn((p) => p.policies, { sortable: false }),
  updBy: stringColumn((p) => p.updBy),
  updDtimes: dateTimeColumn((p) => p.updDtimes),
  validFromDate: dateTimeColumn((p) => p.validFromDate),
  validToDate: dateTimeColumn((p) => p.validToDate),
  version: stringColumn((p) => p.version),
  policyType: stringColumn((p) => p.policyType),
  schema: stringColumn((p) => p.schema),
};

/** MOSIP's request for one policy type: an `equals` filter (case-insensitive) unless the type is "all". */
function typeRestriction(policyType: string): SearchFilter[] {
  return policyType.toLowerCase() === 'all' ? [] : [{ columnName: 'policyType', type: 'equals', value: policyType }];
}

/**
 * Legacy `POST /policies/search` (PolicyManagementService#searchPolicy). Before searching, MOSIP
 * - appends the policy-type restriction after the caller's filters;
 * - reads every filter's column name, so a filter without one fails unhandled (PMS_COR_003);
 * - takes out every `policyGroupName` filter (any case) and keeps only the first one's `value`, applied to what
 *   the search found as a case-sensitive "group name contains", whatever its filter type;
 * - takes out every `desc` filter (any case) and appends the first one, last, on the entity column `descr`.
 */
export function searchPolicies(rows: readonly PolicyWithGroup[], request: PolicySearchRequest): LegacyPage<SearchAuthPolicy> {
  const requested = [...request.filters, ...typeRestriction(request.policyType)];
  refuseUnnamedFilters(requested);
  const [groupFilter, withoutGroup] = takeFilter(requested, 'policyGroupName');
  const [descFilter, filters] = takeFilter(withoutGroup, 'desc');
  if (descFilter) filters.push({ ...descFilter, columnName: 'descr' });

  return legacySearch(rows.map(searchAuthPolicy), POLICY_COLUMNS, { filters, sort: request.sort, pagination: request.pagination }, (found) => {
    if (!groupFilter || found.length === 0) return found;
    const wanted = groupFilter.value;
    if (wanted === null || wanted === undefined) throw unprocessableRequest();
    return found.filter((policy) => policy.policyGroupName.includes(wanted));
  });
}

/**
 * Legacy `POST /policies/filtervalues` (PolicyManagementService#policyFilterValues): values of AuthPolicy
 * columns with the policy id as `fieldCode`, the policy-type restriction appended to the optional filters
 * (which must then be present: MOSIP adds to them unchecked).
 */
export function policyFilterValues(rows: readonly PolicyWithGroup[], request: PolicyFilterValueRequest): { filters: FilterValue[] } {
  const restriction = typeRestriction(request.policyType);
  if (restriction.length > 0 && !request.optionalFilters) throw unprocessableRequest();
  return policyServiceFilterValues(rows.map(searchAuthPolicy), POLICY_COLUMNS, (policy) => policy.id, {
    filters: request.filters,
    optionalFilters: [...(request.optionalFilters ?? []), ...restriction],
  });
}
