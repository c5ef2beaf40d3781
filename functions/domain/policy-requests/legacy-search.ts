import type { FilterValueRequest, SearchRequest } from '../../schemas/legacy-search.js';
import type { Caller } from '../caller.js';
import { sqlTimestamp } from '../mosip-dates.js';
import type { Columns } from '../search/columns.js';
import { filterValues } from '../search/filter-values.js';
import { legacySearch } from '../search/legacy-search.js';
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

const text = (value: (row: PolicyRequestSearchRow) => string | null) => ({ kind: 'string' as const, value });
const datetime = (value: (row: PolicyRequestSearchRow) => string | null) => ({ kind: 'datetime' as const, value });
/** PartnerPolicyRequest's columns by the names the answer uses; `partnerName` and `policyName` as ordinary columns. */
const POLICY_REQUEST_COLUMNS: Columns<PolicyRequestSearchRow> = {
  apikeyRequestId: text((r) => r.apikeyRequestId),
  partnerId: text((r) => r.partnerId),
  partnerName: text((r) => r.partnerName),
  policyId: text((r) => r.policyId),
  policyName: text((r) => r.policyName),
  statusCode: text((r) => r.statusCode),
  requestDetail: text((r) => r.requestDetail),
  crBy: text((r) => r.crBy),
  updBy: text((r) => r.updBy),
  isDeleted: { kind: 'boolean', value: (r) => r.isDeleted },
  crDtimes: datetime((r) => r.crDtimes),
  updDtimes: datetime((r) => r.updDtimes),
  delDtimes: datetime((r) => r.delDtimes),
  requestDatetimes: datetime((r) => r.requestDatetimes),
};

/** Admins read every request; anyone else their own partners' requests (MOSIP means to, but its check never matches). */
async function visibleRequests(deps: PolicyRequestListDeps, caller: Caller): Promise<PolicyRequestSearchRow[]> {
  const requests = caller.isAdmin
    ? await deps.reader.allRequests()
    : (await Promise.all((await deps.partners.partnersOfUser(caller.userId)).map((partner) => deps.reader.requestsOfPartner(partner.id)))).flat();
  const [partners, policies] = await Promise.all([
    deps.reader.partnersByIds(requests.map((request) => request.partnerId)),
    deps.reader.policiesByIds(requests.map((request) => request.policyId)),
  ]);
  const partnerNames = new Map(partners.map((partner) => [partner.id, partner.organizationName]));
  const policyNames = new Map(policies.map((policy) => [policy.id, policy.name]));
  // MOSIP answers "" for a policy it cannot find.
  return requests.map((request) => policyRequestSearchRow(request, partnerNames.get(request.partnerId) ?? null, policyNames.get(request.policyId) ?? ''));
}

/** Legacy `POST /partners/apikey/request/search` (PartnerServiceImpl#searchPartnerApiKeyRequests). */
export async function searchPolicyRequests(deps: PolicyRequestListDeps, caller: Caller, request: SearchRequest) {
  return legacySearch(await visibleRequests(deps, caller), POLICY_REQUEST_COLUMNS, request);
}

/** Legacy `POST /partners/apikey/request/filtervalues` (#apiKeyRequestFilter): values coded by request id, as MOSIP's. */
export async function policyRequestFilterValues(deps: PolicyRequestListDeps, caller: Caller, request: FilterValueRequest) {
  return filterValues(await visibleRequests(deps, caller), POLICY_REQUEST_COLUMNS, (row) => row.apikeyRequestId, request);
}
