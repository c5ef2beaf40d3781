import type { FilterValueRequest, SearchFilter, SearchRequest } from '../../schemas/legacy-search.js';
import type { Caller } from '../caller.js';
import { sqlTimestamp } from '../mosip-dates.js';
import { ownedPartners } from '../partners/ownership.js';
import { booleanColumn, type Columns, dateTimeColumn, stringColumn } from '../search/columns.js';
import { filterValues } from '../search/filter-values.js';
import { refuseUnnamedFilters, takeFilter, unprocessableRequest } from '../search/filters.js';
import { EMPTY_PAGE, legacySearch } from '../search/legacy-search.js';
import type { PolicyRequest } from './policy-request.js';
import type { PolicyRequestListDeps } from './request-list-queries.js';

/** PolicyRequestSearchResponseDto; we keep no separate request time, so `requestDatetimes` is the creation time. */
function policyRequestSearchRow(request: PolicyRequest, partnerName: string | null, policyName: string) {
  return {
    apikeyRequestId: request.mappingKey,
    crBy: request.crBy,
    crDtimes: sqlTimestamp(request.crDtimes),
    delDtimes: null,
    isDeleted: false,
    policyId: request.policyId,
    requestDatetimes: sqlTimestamp(request.crDtimes),
    requestDetail: request.requestDetail,
    statusCode: request.status,
    updBy: request.updBy,
    updDtimes: sqlTimestamp(request.updDtimes),
    partnerId: request.partnerId,
    partnerName,
    policyName,
  };
}
type PolicyRequestSearchRow = ReturnType<typeof policyRequestSearchRow>;

/**
 * The PartnerPolicyRequest entity's fields. Its `id` is the answer's `apikeyRequestId`, so MOSIP's re-sort refuses
 * `id`; `partnerId`, `partnerName`, `policyName` and `apikeyRequestId` are not entity fields (see searchPolicyRequests).
 */
const POLICY_REQUEST_COLUMNS: Columns<PolicyRequestSearchRow> = {
  id: stringColumn((r) => r.apikeyRequestId, { sortable: false }),
  crBy: stringColumn((r) => r.crBy),
  crDtimes: dateTimeColumn((r) => r.crDtimes),
  delDtimes: dateTimeColumn((r) => r.delDtimes),
  isDeleted: booleanColumn((r) => r.isDeleted),
  policyId: stringColumn((r) => r.policyId),
  requestDatetimes: dateTimeColumn((r) => r.requestDatetimes),
  requestDetail: stringColumn((r) => r.requestDetail),
  statusCode: stringColumn((r) => r.statusCode),
  updBy: stringColumn((r) => r.updBy),
  updDtimes: dateTimeColumn((r) => r.updDtimes),
};

/** Admins read every request; anyone else their own partners' requests (MOSIP means to, but its check never matches). */
async function visibleRequests(deps: PolicyRequestListDeps, caller: Caller): Promise<PolicyRequestSearchRow[]> {
  const requests = caller.isAdmin
    ? await deps.reader.allRequests()
    : (await Promise.all((await ownedPartners(deps.partners, caller)).map((partner) => deps.reader.requestsOfPartner(partner.id)))).flat();
  const [partners, policies] = await Promise.all([
    deps.reader.partnersByIds(requests.map((request) => request.partnerId)),
    deps.reader.policiesByIds(requests.map((request) => request.policyId)),
  ]);
  const partnerNames = new Map(partners.map((partner) => [partner.id, partner.organizationName]));
  const policyNames = new Map(policies.map((policy) => [policy.id, policy.name]));
  // MOSIP answers "" for a policy it cannot find.
  return requests.map((request) => policyRequestSearchRow(request, partnerNames.get(request.partnerId) ?? null, policyNames.get(request.policyId) ?? ''));
}

/**
 * Legacy `POST /partners/apikey/request/search` (PartnerServiceImpl#searchPartnerApiKeyRequests). MOSIP reads every
 * filter's column name first (a filter without one fails unhandled), then, names compared ignoring case:
 * - takes out the `partnerName` filters and applies the first one's value to what the search found: contained in
 *   the partner name ignoring case, or, with a `partnerId` filter, contained as it is;
 * - turns the first `apikeyRequestId` filter into one on `id` and drops the others;
 * - takes out the `policyName` filters and restricts to the policies of the first one's name (ignoring case),
 *   answering the empty page at once when there are none;
 * - takes out the `partnerId` filters and applies the first one's value as the exact partner id.
 */
export async function searchPolicyRequests(deps: PolicyRequestListDeps, caller: Caller, request: SearchRequest) {
  refuseUnnamedFilters(request.filters);
  const [byPartnerName, withoutName] = takeFilter(request.filters, 'partnerName');
  const [byRequestId] = takeFilter(withoutName, 'apikeyRequestId');
  const withRequestId = withoutName.flatMap((filter) =>
    filter === byRequestId ? [{ ...filter, columnName: 'id' }] : filter.columnName!.toLowerCase() === 'apikeyrequestid' ? [] : [filter],
  );
  const [byPolicyName, withoutPolicyName] = takeFilter(withRequestId, 'policyName');
  const [byPartnerId, filters] = takeFilter(withoutPolicyName, 'partnerId');
  const rows = await visibleRequests(deps, caller);
  const policyName = byPolicyName?.value?.toLowerCase();
  if (byPolicyName && !rows.some((row) => row.policyName.toLowerCase() === policyName)) return EMPTY_PAGE;
  return legacySearch(rows, POLICY_REQUEST_COLUMNS, { ...request, filters }, (found) =>
    found.filter((row) => (!byPolicyName || row.policyName.toLowerCase() === policyName) && partnerMatches(row, byPartnerName?.value, byPartnerId)),
  );
}

function partnerMatches(row: PolicyRequestSearchRow, name: string | null | undefined, byPartnerId: SearchFilter | undefined): boolean {
  if (byPartnerId && row.partnerId !== byPartnerId.value) return false;
  if (name === undefined) return true;
  // String#contains(null) fails unhandled in MOSIP.
  if (name === null) throw unprocessableRequest();
  if (row.partnerName === null) return false;
  return byPartnerId ? row.partnerName.includes(name) : row.partnerName.toLowerCase().includes(name.toLowerCase());
}

/** Legacy `POST /partners/apikey/request/filtervalues` (#apiKeyRequestFilter): values coded by request id, as MOSIP's. */
export async function policyRequestFilterValues(deps: PolicyRequestListDeps, caller: Caller, request: FilterValueRequest) {
  return filterValues(await visibleRequests(deps, caller), POLICY_REQUEST_COLUMNS, (row) => row.apikeyRequestId, request);
}
