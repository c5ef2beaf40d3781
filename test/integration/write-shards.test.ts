import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { outboxPut, pendingOutboxEvents } from '../../functions/adapters/dynamodb/outbox.js';
import { auditPut, transactWrite } from '../../functions/adapters/dynamodb/transactions.js';
import { WRITE_SHARDS } from '../../functions/adapters/dynamodb/write-shards.js';
import { auditEntry } from '../../functions/domain/audit.js';
import { eventModel } from '../../functions/domain/events/event-model.js';
import { listTableItems, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';

let db: TestDynamoDb;
before(async () => {
  db = await startDynamoDb();
});
after(() => db?.stop());

const SOURCE = { name: 'bench', namespace: 'io.mosip.pms' };

test("one day's audit records are spread over the day's shard partitions, not one", async () => {
  const at = new Date('2026-12-06T10:00:00.000Z');
  for (let i = 0; i < 64; i++) await transactWrite(db.table, [auditPut(db.table, auditEntry('admin', 'change', 'Thing', `thing-${i}`, at))]);
  const partitions = new Map<string, number>();
  for (const item of await listTableItems(db.table)) {
    if (item.entity !== 'Audit') continue;
    assert.match(String(item.gsi1pk), /^AUDIT_DAY#2026-12-06#\d\d$/);
    partitions.set(String(item.gsi1pk), (partitions.get(String(item.gsi1pk)) ?? 0) + 1);
  }
  assert.ok(partitions.size >= WRITE_SHARDS / 2, `${partitions.size} partitions`);
  assert.ok(Math.max(...partitions.values()) < 64 / 2, 'no partition takes most of the writes');
});

test('the outbox is spread over shard partitions; the relay still gets the oldest events first, those written before the shards too', async () => {
  const base = Date.parse('2026-12-06T00:00:00.000Z');
  const events = Array.from({ length: 40 }, (_, i) => eventModel(SOURCE, 'PARTNER_UPDATED' as never, {}, new Date(base + (39 - i) * 1000), `event-${i}`));
  for (const event of events) await transactWrite(db.table, [outboxPut(db.table, event)]);
  // An event stored before the outbox had shards, in its one partition: older than all the others.
  const legacy = eventModel(SOURCE, 'PARTNER_UPDATED' as never, {}, new Date(base - 60_000), 'event-legacy');
  await db.table.client.send(
    new PutCommand({
      TableName: db.table.tableName,
      Item: { ...keys.outboxEvent('event-legacy'), entity: 'OutboxEvent', gsi1pk: 'OUTBOX', gsi1sk: `${legacy.publishedOn}#event-legacy`, event: legacy },
    }),
  );
  const shards = new Set((await listTableItems(db.table)).filter((item) => item.entity === 'OutboxEvent').map((item) => item.gsi1pk));
  assert.ok(shards.size >= WRITE_SHARDS / 2, `${shards.size} outbox partitions`);

  const oldest = await pendingOutboxEvents(db.table, 10);
  assert.deepEqual(
    oldest.map((event) => event.event.id),
    ['event-legacy', ...Array.from({ length: 9 }, (_, i) => `event-${39 - i}`)],
  );
  assert.equal((await pendingOutboxEvents(db.table, 100)).length, 41);
});
