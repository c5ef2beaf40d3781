import type { SearchRequest } from '../../schemas/legacy-search.js';
import type { Caller } from '../caller.js';
import { isUsable } from '../credentials.js';
import { sqlTimestamp } from '../mosip-dates.js';
import { ownedPartners } from '../partners/ownership.js';
import type { Partner } from '../partners/partner.js';
import { readAll } from '../read-all.js';
import { booleanColumn, type Columns, dateTimeColumn, stringColumn } from '../search/columns.js';
import { refuseUnnamedFilters, takeFilter, unprocessableRequest } from '../search/filters.js';
import { legacySearch, mapPage } from '../search/legacy-search.js';
import type { ApiKey } from './api-key.js';
import type { ApiKeyDeps } from './ports.js';

/** PartnerPolicySearchResponseDto, plus the key's id and hint where MOSIP's table holds the key (never the key). */
function apiKeySearchRow(key: ApiKey, partner: Partner | undefined, now: Date) {
  return {
    apiKeyId: key.id,
    apiKeyHint: key.hint,
    label: key.label,
    crBy: key.crBy,
    crDtimes: sqlTimestamp(key.crDtimes),
    delDtimes: null,
    isActive: isUsable(key, now),
    isDeleted: false,
    policyId: key.policyId,
    policyName: key.policy.name,
    updBy: key.updBy,
    updDtimes: sqlTimestamp(key.updDtimes),
    validFromDatetime: sqlTimestamp(key.validFromDatetime),
    validToDatetime: sqlTimestamp(key.validToDatetime),
    partnerId: key.partnerId,
    partnerName: partner?.organizationName ?? null,
  };
}
type ApiKeySearchRow = ReturnType<typeof apiKeySearchRow>;

/**
 * The PartnerPolicy entity's fields, plus our `apiKeyId`; not `policyApiKey`, the key itself, which is stored
 * only hashed. `partnerId`, `partnerName` and `policyName` are not entity fields: MOSIP takes them out of the
 * filters (see searchApiKeys) and cannot sort on them.
 */
const API_KEY_COLUMNS: Columns<ApiKeySearchRow> = {
  apiKeyId: stringColumn((k) => k.apiKeyId),
  crBy: stringColumn((k) => k.crBy),
  crDtimes: dateTimeColumn((k) => k.crDtimes),
  delDtimes: dateTimeColumn((k) => k.delDtimes),
  isActive: booleanColumn((k) => k.isActive),
  isDeleted: booleanColumn((k) => k.isDeleted),
  policyId: stringColumn((k) => k.policyId),
  updBy: stringColumn((k) => k.updBy),
  updDtimes: dateTimeColumn((k) => k.updDtimes),
  validFromDatetime: dateTimeColumn((k) => k.validFromDatetime),
  validToDatetime: dateTimeColumn((k) => k.validToDatetime),
  label: stringColumn((k) => k.label),
};

/**
 * Admins read every key, or with a partner id filter (an exact match) only that partner's, newest first either
 * way; anyone else their own partners' keys (MOSIP means to, but its check never matches). An admin's partners are
 * not read here (one read per distinct partner of every key): see searchApiKeys.
 */
async function visibleKeys(
  deps: ApiKeyDeps,
  caller: Caller,
  partnerId: unknown,
): Promise<{ keys: ApiKey[]; partners: Map<string, Partner | undefined> | undefined }> {
  if (caller.isAdmin) {
    const keys = typeof partnerId === 'string' ? (await deps.apiKeys.keysOfPartner(partnerId)).reverse() : await deps.apiKeys.allKeys();
    return { keys, partners: undefined };
  }
  const own = await ownedPartners(deps.partners, caller);
  const keys = (await Promise.all(own.map((partner) => deps.apiKeys.keysOfPartner(partner.id)))).flat();
  return { keys, partners: new Map(own.map((partner) => [partner.id, partner])) };
}

/** The partners of these keys, each read once. */
function partnersOf(deps: ApiKeyDeps, keys: readonly { partnerId: string }[]): Promise<Map<string, Partner | undefined>> {
  return readAll(
    keys.map((key) => key.partnerId),
    (id) => deps.partners.getPartner(id),
  );
}

/**
 * Legacy `POST /partners/apikey/search` (PartnerServiceImpl#searchPartnerApiKeys), over keys of any partner type.
 * MOSIP reads every filter's column name first (a filter without one fails unhandled), then takes out the
 * `partnerName`, `partnerId` and `policyName` filters (any case) and applies the first of each, whatever its type,
 * as an exact match on the key's partner name, partner id and policy name.
 */
export async function searchApiKeys(deps: ApiKeyDeps, caller: Caller, request: SearchRequest) {
  refuseUnnamedFilters(request.filters);
  const [byPartnerName, withoutName] = takeFilter(request.filters, 'partnerName');
  const [byPartnerId, withoutId] = takeFilter(withoutName, 'partnerId');
  const [byPolicyName, filters] = takeFilter(withoutId, 'policyName');
  if (byPolicyName && (byPolicyName.value === null || byPolicyName.value === undefined)) throw unprocessableRequest();
  const visible = await visibleKeys(deps, caller, byPartnerId?.value);
  // The partner's name is needed on every row only to filter by it; otherwise only the page's partners are read.
  const partners = visible.partners ?? (byPartnerName ? await partnersOf(deps, visible.keys) : undefined);
  const now = deps.clock.now();
  const rows = visible.keys.map((key) => apiKeySearchRow(key, partners?.get(key.partnerId), now));
  const page = legacySearch(rows, API_KEY_COLUMNS, { ...request, filters }, (found) =>
    found.filter(
      (row) =>
        (!byPolicyName || row.policyName === byPolicyName.value) &&
        (!byPartnerName || row.partnerName === byPartnerName.value) &&
        (!byPartnerId || row.partnerId === byPartnerId.value),
    ),
  );
  if (partners || page.data === null) return page;
  const pagePartners = await partnersOf(deps, page.data);
  return mapPage(page, (row) => ({ ...row, partnerName: pagePartners.get(row.partnerId)?.organizationName ?? null }));
}
