import { API_KEY_ERRORS } from '../../errors/api-key-errors.js';
import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import type { ApiKeysQuery } from '../../schemas/api-keys.js';
import type { Caller } from '../caller.js';
import { isUsable } from '../credentials.js';
import { sqlTimestamp } from '../mosip-dates.js';
import type { Partner } from '../partners/partner.js';
import type { Policy } from '../policies/policy.js';
import type { PolicyGroup } from '../policy-groups/policy-group.js';
import { bindPage, checkSortAndPage, compareNullable, compareText, containsLike, type PageV2, pageOf } from '../search/v2-lists.js';
import type { ApiKey } from './api-key.js';
import type { ApiKeyDeps } from './ports.js';

/** One key with what the list shows of its partner, policy and group. */
interface ApiKeyRow {
  key: ApiKey;
  partner: Partner;
  policy: Policy | undefined;
  group: PolicyGroup | undefined;
  status: 'activated' | 'deactivated';
}

type Compare = (a: ApiKeyRow, b: ApiKeyRow) => number;
const byText =
  (column: (row: ApiKeyRow) => string | null): Compare =>
  (a, b) =>
    compareNullable(column(a), column(b), compareText);

/** PartnerHelper.apiKeyAliasToColumnMap; MOSIP inverts the direction asked for `status`. */
const SORT_COLUMNS: Record<string, { compare: Compare; inverted?: true }> = {
  partnerId: { compare: byText(({ key }) => key.partnerId) },
  apiKeyLabel: { compare: byText(({ key }) => key.label) },
  orgName: { compare: byText(({ partner }) => partner.organizationName) },
  policyName: { compare: byText(({ policy }) => policy?.name ?? null) },
  policyGroupName: { compare: byText(({ group }) => group?.name ?? null) },
  status: { compare: byText(({ status }) => status), inverted: true },
  createdDateTime: { compare: byText(({ key }) => key.crDtimes) },
};

/** MOSIP lists only the keys of authentication partners (ApiKeyRequestSummaryRepository). */
const LISTED_PARTNER_TYPE = 'Auth_Partner';

/**
 * `GET /partner-api-keys` (PartnerManagementServiceImpl#getAllApiKeyRequests): admins see every auth partner's
 * keys, others their own partners' keys. Text filters are `LIKE %value%`, `status` is exact, expired keys are
 * `deactivated`. Absent paging gives the first page of 8, as the other revamp lists, where MOSIP returns every
 * row unpaged. The key itself is never listed: `apiKeyId` and `apiKeyHint` identify it.
 */
export async function listApiKeys(deps: ApiKeyDeps, caller: Caller, query: ApiKeysQuery): Promise<PageV2<ReturnType<typeof summary>>> {
  const paging = checkSortAndPage(query, bindPage(query), SORT_COLUMNS, PARTNER_PAGING_ERRORS, {
    sortPairError: PARTNER_PAGING_ERRORS.INVALID_SORT_PARAMETERS,
  });
  const keys = caller.isAdmin ? await deps.apiKeys.allKeys() : await keysOfCaller(deps, caller);
  const now = deps.clock.now();
  const rows = await joined(deps, keys, now);
  const found = rows.filter(filterOf(query)).sort((a, b) => compareText(b.key.crDtimes, a.key.crDtimes) || compareText(a.key.id, b.key.id));
  if (paging.sort) {
    const column = SORT_COLUMNS[paging.sort.field]!;
    const ascending = column.inverted ? !paging.sort.ascending : paging.sort.ascending;
    found.sort((a, b) => (ascending ? 1 : -1) * column.compare(a, b));
  }
  return pageOf(found, paging, summary);
}

async function keysOfCaller(deps: ApiKeyDeps, caller: Caller): Promise<ApiKey[]> {
  const partners = await deps.partners.partnersOfUser(caller.userId);
  if (partners.length === 0) throw new PmsError(API_KEY_ERRORS.USER_ID_DOES_NOT_EXIST);
  const listed = partners.filter((partner) => partner.partnerType === LISTED_PARTNER_TYPE);
  return (await Promise.all(listed.map((partner) => deps.apiKeys.keysOfPartner(partner.id)))).flat();
}

/** Reads each partner, policy and group once, however many keys share it. */
async function joined(deps: ApiKeyDeps, keys: readonly ApiKey[], now: Date): Promise<ApiKeyRow[]> {
  const partners = await readAll(
    keys.map((key) => key.partnerId),
    (id) => deps.partners.getPartner(id),
  );
  const policies = await readAll(
    keys.map((key) => key.policyId),
    (id) => deps.policies.getPolicy(id),
  );
  const groups = await readAll(
    [...policies.values()].flatMap((policy) => (policy ? [policy.policyGroupId] : [])),
    (id) => deps.groups.getGroup(id),
  );
  return keys.flatMap((key) => {
    const partner = partners.get(key.partnerId);
    if (!partner || partner.partnerType !== LISTED_PARTNER_TYPE) return [];
    const policy = policies.get(key.policyId);
    const group = policy ? groups.get(policy.policyGroupId) : undefined;
    return [{ key, partner, policy, group, status: isUsable(key, now) ? 'activated' : 'deactivated' } satisfies ApiKeyRow];
  });
}

export async function readAll<T>(ids: readonly string[], read: (id: string) => Promise<T | undefined>): Promise<Map<string, T | undefined>> {
  const unique = [...new Set(ids)];
  const values = await Promise.all(unique.map(read));
  return new Map(unique.map((id, index) => [id, values[index]]));
}

function filterOf(query: ApiKeysQuery): (row: ApiKeyRow) => boolean {
  const text: [string | undefined, (row: ApiKeyRow) => string | null][] = [
    [query.partnerId, ({ key }) => key.partnerId],
    [query.apiKeyLabel, ({ key }) => key.label],
    [query.orgName, ({ partner }) => partner.organizationName],
    [query.policyName, ({ policy }) => policy?.name ?? null],
    [query.policyGroupName, ({ group }) => group?.name ?? null],
  ];
  const checks = text.flatMap(([value, column]) => {
    if (value === undefined || value === '') return [];
    const matches = containsLike(value);
    return [(row: ApiKeyRow) => matches(column(row))];
  });
  return (row) => (query.status === undefined || query.status === '' || row.status === query.status) && checks.every((check) => check(row));
}

/** ApiKeyRequestSummaryDto, plus the key's id and hint (never the key). */
function summary({ key, partner, policy, group, status }: ApiKeyRow) {
  return {
    partnerId: key.partnerId,
    apiKeyLabel: key.label,
    apiKeyId: key.id,
    apiKeyHint: key.hint,
    orgName: partner.organizationName,
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
