import type { SearchRequest } from '../../schemas/legacy-search.js';
import type { Caller } from '../caller.js';
import { isUsable } from '../credentials.js';
import { sqlTimestamp } from '../mosip-dates.js';
import type { Partner } from '../partners/partner.js';
import type { Columns } from '../search/columns.js';
import { legacySearch } from '../search/legacy-search.js';
import type { ApiKey } from './api-key.js';
import { readAll } from './list.js';
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

const text = (value: (row: ApiKeySearchRow) => string | null) => ({ kind: 'string' as const, value });
const datetime = (value: (row: ApiKeySearchRow) => string | null) => ({ kind: 'datetime' as const, value });
/**
 * MOSIP's PartnerPolicy columns, with `partnerName` and `policyName` as ordinary columns (MOSIP special-cases
 * them: exact name match, and an unknown policy name crashes). The key column is absent: it is not stored.
 */
const API_KEY_COLUMNS: Columns<ApiKeySearchRow> = {
  apiKeyId: text((k) => k.apiKeyId),
  label: text((k) => k.label),
  partnerId: text((k) => k.partnerId),
  partnerName: text((k) => k.partnerName),
  policyId: text((k) => k.policyId),
  policyName: text((k) => k.policyName),
  crBy: text((k) => k.crBy),
  updBy: text((k) => k.updBy),
  isActive: { kind: 'boolean', value: (k) => k.isActive },
  isDeleted: { kind: 'boolean', value: (k) => k.isDeleted },
  crDtimes: datetime((k) => k.crDtimes),
  updDtimes: datetime((k) => k.updDtimes),
  delDtimes: datetime((k) => k.delDtimes),
  validFromDatetime: datetime((k) => k.validFromDatetime),
  validToDatetime: datetime((k) => k.validToDatetime),
};

/** Admins read every key; anyone else their own partners' keys (MOSIP means to, but its check never matches). */
async function visibleKeys(deps: ApiKeyDeps, caller: Caller): Promise<{ keys: ApiKey[]; partners: Map<string, Partner | undefined> }> {
  if (caller.isAdmin) {
    const keys = await deps.apiKeys.allKeys();
    return {
      keys,
      partners: await readAll(
        keys.map((key) => key.partnerId),
        (id) => deps.partners.getPartner(id),
      ),
    };
  }
  const own = await deps.partners.partnersOfUser(caller.userId);
  const keys = (await Promise.all(own.map((partner) => deps.apiKeys.keysOfPartner(partner.id)))).flat();
  return { keys, partners: new Map(own.map((partner) => [partner.id, partner])) };
}

/** Legacy `POST /partners/apikey/search` (PartnerServiceImpl#searchPartnerApiKeys), over keys of any partner type. */
export async function searchApiKeys(deps: ApiKeyDeps, caller: Caller, request: SearchRequest) {
  const { keys, partners } = await visibleKeys(deps, caller);
  const now = deps.clock.now();
  return legacySearch(
    keys.map((key) => apiKeySearchRow(key, partners.get(key.partnerId), now)),
    API_KEY_COLUMNS,
    request,
  );
}
