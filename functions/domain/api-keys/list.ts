import { API_KEY_ERRORS } from '../../errors/api-key-errors.js';
import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import type { ApiKeysQuery } from '../../schemas/api-keys.js';
import type { Caller } from '../caller.js';
import { isUsable } from '../credentials.js';
import { sqlTimestamp } from '../mosip-dates.js';
import { ownedPartners } from '../partners/ownership.js';
import type { Partner } from '../partners/partner.js';
import type { Policy } from '../policies/policy.js';
import type { PolicyGroup } from '../policy-groups/policy-group.js';
import { readAll } from '../read-all.js';
import { checkListQuery, indexWindow, type ListDefinition, listPage, windowPage } from '../search/list-definition.js';
import type { PageV2 } from '../search/v2-lists.js';
import { type ApiKey, LISTED_PARTNER_TYPE } from './api-key.js';
import type { ApiKeyDeps } from './ports.js';

/** One key with what the list shows of its partner (undefined until joined, see listApiKeys), policy and group. */
interface ApiKeyRow {
  key: ApiKey;
  partner: Partner | undefined;
  policy: Policy | undefined;
  group: PolicyGroup | undefined;
  status: 'activated' | 'deactivated';
}

/**
 * PartnerHelper.apiKeyAliasToColumnMap and the filters of ApiKeyRequestSummaryRepository: text filters are
 * `LIKE %value%`, `status` is exact, an empty parameter filters nothing. MOSIP inverts the direction asked for
 * `status`. Newest key first unless sorted.
 */
const API_KEY_LIST: ListDefinition<ApiKeyRow> = {
  columns: {
    partnerId: { read: ({ key }) => key.partnerId, filter: 'like', sortable: true },
    apiKeyLabel: { read: ({ key }) => key.label, filter: 'like', sortable: true },
    orgName: { read: ({ partner }) => partner?.organizationName ?? null, filter: 'like', sortable: true },
    policyName: { read: ({ policy }) => policy?.name ?? null, filter: 'like', sortable: true },
    policyGroupName: { read: ({ group }) => group?.name ?? null, filter: 'like', sortable: true },
    status: { read: ({ status }) => status, filter: 'exact', sortable: 'inverted' },
    createdDateTime: { read: ({ key }) => key.crDtimes, sortable: true, sortBy: ({ key }) => creationOrder(key) },
  },
  defaultOrder: [{ by: ({ key }) => creationOrder(key), descending: true }],
  errors: PARTNER_PAGING_ERRORS,
  emptyFilterIsAbsent: true,
  optionalPaging: true,
  indexed: { column: 'createdDateTime', defaultAscending: false },
};

/** Creation time, then id (ties): the order of the keys' index. */
const creationOrder = (key: ApiKey) => `${key.crDtimes}#${key.id}`;

/**
 * `GET /partner-api-keys` (PartnerManagementServiceImpl#getAllApiKeyRequests): admins see every auth partner's
 * keys, others their own partners' keys; expired keys are `deactivated`. pageNo and pageSize are optional, together
 * (unpaged: see listPage). The key itself is never listed: `apiKeyId` and `apiKeyHint` identify it.
 */
export async function listApiKeys(deps: ApiKeyDeps, caller: Caller, query: ApiKeysQuery): Promise<PageV2<ReturnType<typeof summary>>> {
  const paging = checkListQuery(API_KEY_LIST, query);
  const now = deps.clock.now();
  if (!caller.isAdmin) return listPage(API_KEY_LIST, await joined(deps, await keysOfCaller(deps, caller), now), query, paging, summary);
  const total = await deps.listedKeys.count();
  const window = indexWindow(API_KEY_LIST, query, paging, total);
  if (window) return windowPage(await joined(deps, await deps.listedKeys.window(window), now), window, paging, total, summary);
  const keys = await deps.listedKeys.all();
  if (ordersOrFiltersByOrgName(query)) return listPage(API_KEY_LIST, await joined(deps, keys, now), query, paging, summary);
  // Every key is read, but only the page's partners: one read per distinct partner of a million keys is the cost to avoid.
  const page = listPage(API_KEY_LIST, await joined(deps, keys, now, { partners: false }), query, paging, (row) => row);
  return {
    ...page,
    data: (
      await joined(
        deps,
        page.data.map((row) => row.key),
        now,
      )
    ).map(summary),
  };
}

/** The organisation name is the partner's: a filter or sort on it needs every row's partner before paging. */
function ordersOrFiltersByOrgName(query: ApiKeysQuery): boolean {
  return (query.orgName !== undefined && query.orgName !== '') || query.sortFieldName === 'orgName';
}

async function keysOfCaller(deps: ApiKeyDeps, caller: Caller): Promise<ApiKey[]> {
  const partners = await ownedPartners(deps.partners, caller);
  if (partners.length === 0) throw new PmsError(API_KEY_ERRORS.USER_ID_DOES_NOT_EXIST);
  const listed = partners.filter((partner) => partner.partnerType === LISTED_PARTNER_TYPE);
  return (await Promise.all(listed.map((partner) => deps.apiKeys.keysOfPartner(partner.id)))).flat();
}

/**
 * Reads each partner, policy and group once, however many keys share it; a key whose partner is read and is not an
 * authentication partner is left out (a key stored before keys recorded their partner's type). Without partners,
 * each row's partner is left undefined.
 */
async function joined(deps: ApiKeyDeps, keys: readonly ApiKey[], now: Date, { partners = true } = {}): Promise<ApiKeyRow[]> {
  const partnersById = partners
    ? await readAll(
        keys.map((key) => key.partnerId),
        (id) => deps.partners.getPartner(id),
      )
    : undefined;
  const policies = await readAll(
    keys.map((key) => key.policyId),
    (id) => deps.policies.getPolicy(id),
  );
  const groups = await readAll(
    [...policies.values()].flatMap((policy) => (policy ? [policy.policyGroupId] : [])),
    (id) => deps.groups.getGroup(id),
  );
  return keys.flatMap((key) => {
    const partner = partnersById?.get(key.partnerId);
    if (partnersById && (!partner || partner.partnerType !== LISTED_PARTNER_TYPE)) return [];
    const policy = policies.get(key.policyId);
    const group = policy ? groups.get(policy.policyGroupId) : undefined;
    return [{ key, partner, policy, group, status: isUsable(key, now) ? 'activated' : 'deactivated' } satisfies ApiKeyRow];
  });
}

/** ApiKeyRequestSummaryDto, plus the key's id and hint (never the key). */
function summary({ key, partner, policy, group, status }: ApiKeyRow) {
  return {
    partnerId: key.partnerId,
    apiKeyLabel: key.label,
    apiKeyId: key.id,
    apiKeyHint: key.hint,
    orgName: partner?.organizationName ?? null,
    policyName: policy?.name ?? null,
    policyId: key.policyId,
    policyDescription: policy?.desc ?? null,
    policyGroupId: policy?.policyGroupId ?? null,
    policyGroupName: group?.name ?? null,
    policyGroupDescription: group?.desc ?? null,
    status,
    createdDateTime: sqlTimestamp(key.crDtimes),
  };
}
