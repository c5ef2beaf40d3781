import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoApiKeyRepository } from '../../functions/adapters/dynamodb/api-key-repository.js';
import { dynamoListedApiKeys, dynamoPartnerList } from '../../functions/adapters/dynamodb/indexed-list.js';
import { indexKeys, keys } from '../../functions/adapters/dynamodb/keys.js';
import { countChanges, mergeCounterWrites, partitionCount, startOrCheckCounters } from '../../functions/adapters/dynamodb/partition-counts.js';
import { dynamoPartnerRepository } from '../../functions/adapters/dynamodb/partner-repository.js';
import { dynamoPolicyGroupRepository } from '../../functions/adapters/dynamodb/policy-group-repository.js';
import { type TransactItem, transactWrite } from '../../functions/adapters/dynamodb/transactions.js';
import { uuidIds } from '../../functions/adapters/ids.js';
import { auditEntry } from '../../functions/domain/audit.js';
import { registerPartner } from '../../functions/domain/partners/commands.js';
import { createPolicyGroup } from '../../functions/domain/policy-groups/commands.js';
import { systemClock } from '../../functions/domain/ports.js';
import { apiKeyFixture, policyFixture } from '../support/domain-objects.js';
import { recordingTable, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';
import { testPersonalData } from '../support/personal-data.js';

let db: TestDynamoDb;
before(async () => {
  db = await startDynamoDb();
});
after(() => db?.stop());

const PENDING_SBIS = { index: 'gsi2', partition: indexKeys.sbisInStatus('pending_approval') } as const;

test('registrations and key generation keep the list totals in the same transactions; other partner types keep their keys apart', async () => {
  assert.deepEqual(
    await startOrCheckCounters(db.table),
    { countersStarted: 6, countersChecked: 0, countersDrifted: 0 },
    'an empty table: every counter starts at 0',
  );
  const groups = dynamoPolicyGroupRepository(db.table);
  const partners = dynamoPartnerRepository(db.table);
  await createPolicyGroup({ groups, clock: systemClock, ids: uuidIds }, 'admin', { name: 'Banks', desc: 'banks' });
  const deps = { partners, groups, personalData: testPersonalData, clock: systemClock, ids: uuidIds };
  for (const [partnerId, partnerType] of [
    ['bank-1', 'Auth_Partner'],
    ['printer-1', 'Credential_Partner'],
  ] as const) {
    await registerPartner(
      deps,
      { userId: partnerId, isAdmin: false },
      {
        partnerId,
        partnerType,
        policyGroup: 'Banks',
        organizationName: `${partnerId} Ltd`,
        address: '1 Main St',
        contactNumber: '+254700000000',
        emailId: `${partnerId}@example.org`,
      },
    );
    const stored = (await partners.getPartner(partnerId))!;
    await partners.save({ ...stored, isActive: true }, stored, auditEntry('admin', 'activate', 'Partner', partnerId, new Date()), []);
  }
  const sent: string[] = [];
  assert.equal(await dynamoPartnerList(recordingTable(db.table, sent)).count(), 2);
  assert.deepEqual(sent, ['BatchGetCommand'], 'a started counter is one BatchGetItem');

  const policy = policyFixture({ id: 'kyc', policyType: 'Auth' });
  const apiKeys = dynamoApiKeyRepository(db.table);
  for (const partnerId of ['bank-1', 'printer-1']) {
    await db.table.client.send(
      new PutCommand({ TableName: db.table.tableName, Item: { ...keys.policyLink(partnerId, policy.id), entity: 'PolicyLink', status: 'approved' } }),
    );
  }
  const bank = (await partners.getPartner('bank-1'))!;
  const printer = (await partners.getPartner('printer-1'))!;
  const bankKey = apiKeyFixture(bank, policy, { id: 'key-bank', keyHash: 'hash-bank', partnerType: bank.partnerType });
  const printerKey = apiKeyFixture(printer, policy, { id: 'key-printer', keyHash: 'hash-printer', partnerType: printer.partnerType });
  await apiKeys.create(bankKey, auditEntry('bank-1', 'generateApiKey', 'ApiKey', bankKey.id, new Date()), [], 25);
  await apiKeys.create(printerKey, auditEntry('printer-1', 'generateApiKey', 'ApiKey', printerKey.id, new Date()), [], 25);
  const listed = dynamoListedApiKeys(db.table);
  assert.equal(await listed.count(), 1, "the admin list counts authentication partners' keys only");
  assert.deepEqual(
    (await listed.all()).map((key) => key.id),
    ['key-bank'],
  );
  assert.deepEqual((await apiKeys.allKeys()).map((key) => key.id).sort(), ['key-bank', 'key-printer'], 'the legacy search still reads every key');

  // Switching a key off keeps it in the list and its count.
  await apiKeys.save({ ...bankKey, isActive: false }, bankKey, auditEntry('admin', 'deactivate', 'ApiKey', bankKey.id, new Date()), []);
  assert.equal(await listed.count(), 1);
  assert.deepEqual(await startOrCheckCounters(db.table), { countersStarted: 0, countersChecked: 6, countersDrifted: 0 });
});

/** Items whose counter writes land on the same shard of the pending-SBI counter. */
function itemsOnOneShard(count: number): Record<string, unknown>[] {
  const byShard = new Map<string, Record<string, unknown>[]>();
  for (let i = 0; ; i++) {
    const item = { pk: `TEST#sbi-${i}`, sk: 'SBI', gsi2pk: PENDING_SBIS.partition, gsi2sk: String(i) };
    const shard = String((countChanges(db.table, item, undefined)[0] as unknown as { Update: { Key: { sk: string } } }).Update.Key.sk);
    const items = [...(byShard.get(shard) ?? []), item];
    if (items.length === count) return items;
    byShard.set(shard, items);
  }
}

test('counter writes of one transaction on the same shard are summed into one write; a join and a leave cancel out', async () => {
  const before = await partitionCount(db.table, PENDING_SBIS);
  const [first, second, third] = itemsOnOneShard(3);
  const put = (item: Record<string, unknown>): TransactItem => ({ Put: { TableName: db.table.tableName, Item: item } });
  await transactWrite(db.table, [put(first!), ...countChanges(db.table, first, undefined), put(second!), ...countChanges(db.table, second, undefined)]);
  assert.equal(await partitionCount(db.table, PENDING_SBIS), before + 2);

  // second leaves the queue (approved) while third joins it, on the same shard: no counter write at all.
  const approved = { ...second, gsi2pk: indexKeys.sbisInStatus('approved') };
  const items = [put(approved), ...countChanges(db.table, approved, second), put(third!), ...countChanges(db.table, third, undefined)];
  assert.equal(items.length, 4);
  assert.equal(mergeCounterWrites(db.table, items).items.length, 2, 'the two puts, no counter write');
  await transactWrite(db.table, items);
  assert.equal(await partitionCount(db.table, PENDING_SBIS), before + 2);
});
