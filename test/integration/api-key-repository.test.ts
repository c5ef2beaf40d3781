import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { apiKeyItem, dynamoApiKeyRepository } from '../../functions/adapters/dynamodb/api-key-repository.js';
import type { TableContext } from '../../functions/adapters/dynamodb/client.js';
import { dynamoListedApiKeys } from '../../functions/adapters/dynamodb/indexed-list.js';
import { apiKeyKeys, indexKeys, keys } from '../../functions/adapters/dynamodb/keys.js';
import { dynamoMispLicenseRepository } from '../../functions/adapters/dynamodb/misp-license-repository.js';
import { dynamoPartnerRepository } from '../../functions/adapters/dynamodb/partner-repository.js';
import { dynamoPolicyGroupRepository } from '../../functions/adapters/dynamodb/policy-group-repository.js';
import { dynamoPolicyRepository } from '../../functions/adapters/dynamodb/policy-repository.js';
import { uuidIds } from '../../functions/adapters/ids.js';
import { type ApiKey, policySnapshot } from '../../functions/domain/api-keys/api-key.js';
import { changeApiKeyStatus, generateApiKey } from '../../functions/domain/api-keys/commands.js';
import { searchApiKeys } from '../../functions/domain/api-keys/legacy-search.js';
import { listApiKeys } from '../../functions/domain/api-keys/list.js';
import type { ApiKeyDeps } from '../../functions/domain/api-keys/ports.js';
import type { Caller } from '../../functions/domain/caller.js';
import type { PartnerStatusDeps } from '../../functions/domain/partner-deactivation/ports.js';
import { changePartnerStatus } from '../../functions/domain/partners/admin-commands.js';
import type { Partner } from '../../functions/domain/partners/partner.js';
import { systemClock } from '../../functions/domain/ports.js';
import { writeItems } from '../support/bulk-write.js';
import { partnerFixture, policyFixture } from '../support/domain-objects.js';
import { listTableItems, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';
import { emailLookupOf, sealed, testPersonalData } from '../support/personal-data.js';
import { refusal } from '../support/refusals.js';

/*
 * Issue #13, finding 9: a cap on a partner's active keys per policy, kept race-safe by a counter in the keys' own
 * transactions; every read of keys goes to the end of its partition, so a cascade switches every key off and one
 * partner's many keys push no other partner's keys out of the admin lists.
 */

const ADMIN: Caller = { userId: 'admin1', isAdmin: true };
const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2126-01-01T00:00:00.000Z';
let db: TestDynamoDb;

before(async () => {
  db = await startDynamoDb();
});
after(() => db?.stop());

async function put(item: Record<string, unknown>) {
  await db.table.client.send(new PutCommand({ TableName: db.table.tableName, Item: item }));
}

/** An active auth partner with an approved link to each policy, stored as the repositories store them. */
async function partnerWithPolicies(partnerId: string, policies: ReturnType<typeof policyFixture>[]): Promise<Partner> {
  const partner = partnerFixture({
    id: partnerId,
    userId: partnerId,
    partnerType: 'Auth_Partner',
    organizationName: `${partnerId} Ltd`,
    emailId: sealed(`${partnerId}@example.org`),
    emailLookup: emailLookupOf(`${partnerId}@example.org`),
  });
  await put({ ...keys.partner(partnerId), gsi1pk: indexKeys.allPartners, gsi1sk: `${partner.crDtimes}#${partnerId}`, entity: 'Partner', ...partner });
  for (const policy of policies) {
    await put({ ...keys.policyLink(partnerId, policy.id), entity: 'PolicyLink', partnerId, policyId: policy.id, status: 'approved' });
  }
  return partner;
}

/** generateApiKey's ports: the real key repository on `table`, the rest in memory. */
function keyDeps(partners: Partner[], policies: ReturnType<typeof policyFixture>[], max: number, table: TableContext = db.table): ApiKeyDeps {
  let secrets = 0;
  return {
    apiKeys: dynamoApiKeyRepository(table),
    listedKeys: dynamoListedApiKeys(table),
    partners: {
      getPartner: async (id) => partners.find((partner) => partner.id === id),
      partnersOfUser: async (userId) => partners.filter((partner) => partner.userId === userId),
    },
    policies: {
      getPolicy: async (id) => policies.find((policy) => policy.id === id),
      getPolicyByName: async (_group, name) => policies.find((policy) => policy.name === name),
    },
    groups: { getGroup: async () => undefined },
    links: { openLink: async (partnerId, policyId) => ({ mappingKey: `${partnerId}#${policyId}`, status: 'approved' }) },
    secrets: { newSecret: () => `secret-${Math.random().toString(36).slice(2)}-${++secrets}`.padEnd(43, 'x') },
    validityDays: 365,
    activeKeysPerPolicyMax: max,
    clock: systemClock,
    ids: uuidIds,
  };
}

const owner = (partner: Partner): Caller => ({ userId: partner.userId, isAdmin: false });

async function activeCount(partnerId: string, policyId: string): Promise<number | undefined> {
  const { Item } = await db.table.client.send(
    new GetCommand({ TableName: db.table.tableName, Key: apiKeyKeys.activeKeyCount(partnerId, policyId), ConsistentRead: true }),
  );
  return Item?.activeKeys as number | undefined;
}

async function keysOf(partnerId: string): Promise<ApiKey[]> {
  return dynamoApiKeyRepository(db.table).keysOfPartner(partnerId);
}

/** Keys written as items straight into the table, 25 per BatchWriteItem, with no counter (as before the cap). */
async function seedKeys(
  partnerId: string,
  policy: ReturnType<typeof policyFixture>,
  count: number,
  options: { isActive?: boolean; createdBefore?: string } = {},
) {
  const keysMade = Array.from({ length: count }, (_, i): ApiKey => {
    const id = `${partnerId}-${policy.id}-${options.isActive === false ? 'off' : 'on'}-${String(i).padStart(5, '0')}`;
    const crDtimes = new Date(Date.parse(options.createdBefore ?? '2026-06-01T00:00:00.000Z') - (count - i) * 1000).toISOString();
    return {
      id,
      keyHash: `hash-${id}`,
      hint: 'abcd',
      partnerId,
      policyId: policy.id,
      label: `label ${i}`,
      isActive: options.isActive ?? true,
      validFromDatetime: FROM,
      validToDatetime: TO,
      policy: policySnapshot(policy),
      crBy: partnerId,
      crDtimes,
      updBy: null,
      updDtimes: null,
      revision: 0,
    };
  });
  const labels = keysMade.map((key) => ({ ...apiKeyKeys.apiKeyLabel(partnerId, policy.id, key.label), entity: 'ApiKeyLabel', keyHash: key.keyHash }));
  await writeItems(db.table, [...keysMade.map(apiKeyItem), ...labels]);
}

test('generation up to the cap succeeds; one past it is refused with PMS_PMS_024 and writes nothing', async () => {
  const policy = policyFixture({ id: 'cap-policy', name: 'Cap policy' });
  const bank = await partnerWithPolicies('cap-bank', [policy]);
  const deps = keyDeps([bank], [policy], 3);
  for (const label of ['one', 'two', 'three']) await generateApiKey(deps, owner(bank), bank.id, { policyName: policy.name, label });
  assert.equal(await activeCount(bank.id, policy.id), 3);

  const before = await listTableItems(db.table);
  assert.equal(await refusal(generateApiKey(deps, owner(bank), bank.id, { policyName: policy.name, label: 'four' })), 'PMS_PMS_024');
  assert.deepEqual(await listTableItems(db.table), before, 'the refusal wrote nothing');

  // The cap is per policy: the same partner still gets a key for another policy.
  const other = policyFixture({ id: 'cap-policy-2', name: 'Cap policy 2' });
  await partnerWithPolicies('cap-bank', [other]);
  await generateApiKey(keyDeps([bank], [policy, other], 3), owner(bank), bank.id, { policyName: other.name, label: 'four' });
  assert.equal(await activeCount(bank.id, other.id), 1);
});

test('only active keys count: a switched-off key frees its place (rotation), and switching it back on past the cap is refused', async () => {
  const policy = policyFixture({ id: 'rotation-policy', name: 'Rotation policy' });
  const bank = await partnerWithPolicies('rotation-bank', [policy]);
  const deps = keyDeps([bank], [policy], 2);
  await generateApiKey(deps, owner(bank), bank.id, { policyName: policy.name, label: 'old' });
  await generateApiKey(deps, owner(bank), bank.id, { policyName: policy.name, label: 'other' });
  await changeApiKeyStatus(deps, owner(bank), bank.id, policy.id, { label: 'old', status: 'De-Active' });
  assert.equal(await activeCount(bank.id, policy.id), 1);

  await generateApiKey(deps, owner(bank), bank.id, { policyName: policy.name, label: 'new' });
  assert.equal(await activeCount(bank.id, policy.id), 2);

  const before = await listTableItems(db.table);
  assert.equal(await refusal(changeApiKeyStatus(deps, owner(bank), bank.id, policy.id, { label: 'old', status: 'Active' })), 'PMS_PMS_024');
  assert.deepEqual(await listTableItems(db.table), before, 'the refused activation wrote nothing');
  assert.deepEqual(
    (await keysOf(bank.id))
      .filter((key) => key.isActive)
      .map((key) => key.label)
      .sort(),
    ['new', 'other'],
  );
});

test('keys stored before the counters are counted exactly from the index, inactive ones left out', async () => {
  const policy = policyFixture({ id: 'legacy-policy', name: 'Legacy policy' });
  const bank = await partnerWithPolicies('legacy-bank', [policy]);
  await seedKeys(bank.id, policy, 3);
  await seedKeys(bank.id, policy, 4, { isActive: false });
  const deps = keyDeps([bank], [policy], 4);
  await generateApiKey(deps, owner(bank), bank.id, { policyName: policy.name, label: 'fourth' });
  assert.equal(await activeCount(bank.id, policy.id), 4);
  assert.equal(await refusal(generateApiKey(deps, owner(bank), bank.id, { policyName: policy.name, label: 'fifth' })), 'PMS_PMS_024');
});

test('two concurrent generations for the last place (separate processes): exactly one succeeds, the other is refused', async () => {
  const policy = policyFixture({ id: 'race-policy', name: 'Race policy' });
  const bank = await partnerWithPolicies('race-bank', [policy]);
  await generateApiKey(keyDeps([bank], [policy], 3), owner(bank), bank.id, { policyName: policy.name, label: 'first' });
  await generateApiKey(keyDeps([bank], [policy], 3), owner(bank), bank.id, { policyName: policy.name, label: 'second' });

  // Two repositories, as two Lambda containers have: nothing in-process orders them, only the transaction.
  const outcomes = await Promise.allSettled(
    ['third-a', 'third-b'].map((label) => generateApiKey(keyDeps([bank], [policy], 3), owner(bank), bank.id, { policyName: policy.name, label })),
  );
  assert.equal(outcomes.filter((outcome) => outcome.status === 'fulfilled').length, 1, JSON.stringify(outcomes));
  const [refused] = outcomes.filter((outcome) => outcome.status === 'rejected');
  assert.equal(await refusal(Promise.reject(refused!.reason)), 'PMS_PMS_024');
  assert.equal(await activeCount(bank.id, policy.id), 3);
  assert.equal((await keysOf(bank.id)).filter((key) => key.isActive).length, 3);
});

test('the first two keys of a policy, made at once with a cap of 1: exactly one is stored', async () => {
  const policy = policyFixture({ id: 'first-race-policy', name: 'First race policy' });
  const bank = await partnerWithPolicies('first-race-bank', [policy]);
  const outcomes = await Promise.allSettled(
    ['a', 'b'].map((label) => generateApiKey(keyDeps([bank], [policy], 1), owner(bank), bank.id, { policyName: policy.name, label })),
  );
  assert.equal(outcomes.filter((outcome) => outcome.status === 'fulfilled').length, 1, JSON.stringify(outcomes));
  assert.equal(await activeCount(bank.id, policy.id), 1);
  assert.equal((await keysOf(bank.id)).length, 1);
});

test('deactivating a partner with 600 keys (more than the old read limit of 500) switches every key off', async () => {
  // 24 policies of 25 keys each: as many as the default cap lets a partner hold active.
  const policies = Array.from({ length: 24 }, (_, i) => policyFixture({ id: `many-${i}`, name: `Many ${i}` }));
  const bank = await partnerWithPolicies('many-bank', policies);
  await Promise.all(policies.map((policy) => seedKeys(bank.id, policy, 25)));
  // Half the policies' keys are counted already: their counters go down to zero with them.
  const counted = policies.filter((_, i) => i % 2 === 0);
  for (const policy of counted) {
    await put({ ...apiKeyKeys.activeKeyCount(bank.id, policy.id), entity: 'ApiKeyCount', partnerId: bank.id, policyId: policy.id, activeKeys: 25 });
  }
  const table = db.table;
  const deps: PartnerStatusDeps = {
    partners: dynamoPartnerRepository(table),
    groups: dynamoPolicyGroupRepository(table),
    personalData: testPersonalData,
    licenses: dynamoMispLicenseRepository(table),
    apiKeys: dynamoApiKeyRepository(table),
    policies: dynamoPolicyRepository(table),
    clock: systemClock,
    ids: uuidIds,
  };
  assert.equal((await keysOf(bank.id)).filter((key) => key.isActive).length, 600);
  await changePartnerStatus(deps, ADMIN, bank.id, 'De-Active');
  const stored = await keysOf(bank.id);
  assert.equal(stored.length, 600);
  assert.deepEqual(
    stored.filter((key) => key.isActive || !key.revokedByAdmin).map((key) => key.id),
    [],
    'every key is off, revoked by the admin',
  );
  for (const policy of counted) assert.equal(await activeCount(bank.id, policy.id), 0);
  assert.equal(await activeCount(bank.id, policies[1]!.id), undefined, 'a policy without a counter gets none from switching keys off');
});

test("one partner's 5,050 keys push no other partner's keys out of the admin lists; totals are exact", async () => {
  const busy = policyFixture({ id: 'busy-policy', name: 'Busy policy' });
  const quiet = policyFixture({ id: 'quiet-policy', name: 'Quiet policy' });
  const flood = await partnerWithPolicies('flood-bank', [busy]);
  const small = await partnerWithPolicies('small-bank', [quiet]);
  // The small partner's keys are the oldest: newest first, a read stopping at 5,000 keys never reached them.
  await seedKeys(small.id, quiet, 3, { createdBefore: '2025-01-01T00:00:00.000Z' });
  await seedKeys(flood.id, busy, 5050);
  // Partners from the table: the admin list shows every authentication partner's keys, these tests' others too.
  const deps = { ...keyDeps([flood, small], [busy, quiet], 25), partners: dynamoPartnerRepository(db.table) };
  const everyKey = (await deps.apiKeys.allKeys()).length;
  assert.ok(everyKey >= 5053, `${everyKey} keys read`);
  const listed = (await deps.listedKeys.all()).sort((a, b) => (`${a.crDtimes}#${a.id}` < `${b.crDtimes}#${b.id}` ? 1 : -1));
  assert.ok(listed.length >= 5053);

  // Unfiltered pages come from the index: the counter's total, newest first, any page as a window.
  const first = await listApiKeys(deps, ADMIN, { pageNo: '0', pageSize: '10' });
  assert.equal(first.totalResults, listed.length);
  assert.deepEqual(
    first.data.map((row) => row.apiKeyId),
    listed.slice(0, 10).map((key) => key.id),
  );
  const lastPageNo = Math.floor((listed.length - 1) / 10);
  const last = await listApiKeys(deps, ADMIN, { pageNo: String(lastPageNo), pageSize: '10' });
  assert.deepEqual(
    last.data.map((row) => row.apiKeyId),
    listed.slice(lastPageNo * 10).map((key) => key.id),
    'the last page holds the oldest keys, newest first',
  );
  const oldestFirst = await listApiKeys(deps, ADMIN, { pageNo: '1', pageSize: '10', sortFieldName: 'createdDateTime', sortType: 'asc' });
  assert.deepEqual(
    oldestFirst.data.map((row) => row.apiKeyId),
    listed
      .slice()
      .reverse()
      .slice(10, 20)
      .map((key) => key.id),
  );
  assert.deepEqual(await listApiKeys(deps, ADMIN, { pageNo: String(lastPageNo + 1), pageSize: '10' }), { pageNo: 0, pageSize: 0, totalResults: 0, data: [] });

  const smallOnly = await listApiKeys(deps, ADMIN, { pageNo: '0', pageSize: '10', partnerId: 'small-bank' });
  assert.equal(smallOnly.totalResults, 3);
  assert.deepEqual(
    smallOnly.data.map((row) => row.orgName),
    ['small-bank Ltd', 'small-bank Ltd', 'small-bank Ltd'],
    "a filter on the key's own columns joins only the page's partners, but every row has its partner",
  );
  // Filtering or sorting by the partner's name needs every row's partner first.
  const byOrgName = await listApiKeys(deps, ADMIN, { pageNo: '0', pageSize: '10', orgName: 'SMALL-BANK' });
  assert.deepEqual([byOrgName.totalResults, byOrgName.data.map((row) => row.partnerId)], [3, ['small-bank', 'small-bank', 'small-bank']]);
  const orgNames = (await listApiKeys(deps, ADMIN, { pageNo: '0', pageSize: '100', sortFieldName: 'orgName', sortType: 'desc' })).data.map(
    (row) => row.orgName,
  );
  assert.equal(orgNames[0], [...new Set(listed.map((key) => `${key.partnerId} Ltd`))].sort().at(-1), 'the last name first');
  assert.deepEqual(smallOnly.data.map((row) => row.apiKeyLabel).sort(), ['label 0', 'label 1', 'label 2']);
  const lastFloodPage = await listApiKeys(deps, ADMIN, { pageNo: '504', pageSize: '10', partnerId: 'flood-bank' });
  assert.equal(lastFloodPage.totalResults, 5050);
  assert.deepEqual(
    lastFloodPage.data.map((row) => row.apiKeyLabel),
    Array.from({ length: 10 }, (_, i) => `label ${9 - i}`),
    'the last page holds the oldest ten, newest first',
  );

  const searched = await searchApiKeys(deps, ADMIN, {
    filters: [{ columnName: 'partnerId', type: 'equals', value: 'small-bank' }],
    sort: [],
    pagination: { pageStart: 0, pageFetch: 10 },
  });
  assert.equal(searched.totalRecord, 3);
  const searchedAll = await searchApiKeys(deps, ADMIN, { filters: [], sort: [], pagination: { pageStart: 0, pageFetch: 10 } });
  assert.equal(searchedAll.totalRecord, everyKey);
});
