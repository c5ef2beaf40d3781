import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../../functions/adapters/dynamodb/client.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { outboxPut } from '../../functions/adapters/dynamodb/outbox.js';
import { transactWrite } from '../../functions/adapters/dynamodb/transactions.js';
import { relayEvents, relayPendingEvents } from '../../functions/adapters/events/outbox-relay.js';
import { type EventModel, eventModel, POLICY_SERVICE } from '../../functions/domain/events/event-model.js';
import type { EventPublisher } from '../../functions/domain/events/ports.js';
import { REPO_ROOT } from '../../local/config.js';
import { readEvents } from '../../local/event-log.js';
import { eventLogPublisher } from '../../local/outbox-relay.js';
import { listTableItems, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';

/*
 * Issue #22, item 4: the relay publishes an event and then removes it from the outbox, so a relay that dies in
 * between publishes it again (at least once). Consumers that de-duplicate by `event.id`, as the local event log
 * does, still see each event once.
 */

const KILL_TIMEOUT_MS = 30_000;
let db: TestDynamoDb;
let dataDir: string;

before(async () => {
  db = await startDynamoDb();
  dataDir = mkdtempSync(join(tmpdir(), 'pms-relay-crash-'));
});

after(async () => {
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a relay that dies between publishing and removing events', () => {
  it('publishes them again on the next pass when DynamoDB failed at the remove, and the event log holds each once', async () => {
    const ids = await storeInOutbox(3);
    const log = join(dataDir, 'dynamodb-failed.jsonl');
    const published: string[] = [];
    const publisher = recording(eventLogPublisher(log), published);

    await assert.rejects(
      relayPendingEvents(
        failingRemoves(db.table, () => true),
        publisher,
      ),
      /DynamoDB is gone/,
    );
    assert.deepEqual(sorted(published), ids, 'the failed pass published every event');
    assert.deepEqual(await outboxIds(), ids, 'and removed none');

    assert.equal(await relayPendingEvents(db.table, publisher), 3);
    assert.deepEqual(sorted(published), twice(ids), 'the next pass published every event again: at least once');
    assert.deepEqual(sorted(loggedIds(log)), ids, 'the event log holds each event once');
    assert.deepEqual(await outboxIds(), []);
  });

  it('publishes them again after the relay process was killed, and the event log of the restarted relay holds each once', async () => {
    const ids = await storeInOutbox(3);
    const log = join(dataDir, 'killed.jsonl');

    assert.deepEqual(sorted(await killRelayBetweenPublishAndRemove(log)), ids, 'the killed relay published every event');
    assert.deepEqual(sorted(loggedIds(log)), ids);
    assert.deepEqual(await outboxIds(), ids, 'and removed none');

    const republished: string[] = [];
    assert.equal(await relayPendingEvents(db.table, recording(eventLogPublisher(log), republished)), 3);
    assert.deepEqual(sorted(republished), ids, 'the restarted relay published every event again: at least once');
    assert.deepEqual(sorted(loggedIds(log)), ids, 'the event log holds each event once');
    assert.deepEqual(await outboxIds(), []);
  });

  it('publishes a whole stream batch again when one remove failed, also the events already removed', async () => {
    const ids = await storeInOutbox(3);
    const batch = (await listTableItems(db.table)).flatMap((item) => (item.entity === 'OutboxEvent' ? [item.event as EventModel] : []));
    const failing = batch[0]!.event.id;
    const log = join(dataDir, 'stream-retry.jsonl');
    const published: string[] = [];
    const publisher = recording(eventLogPublisher(log), published);

    // The stream handler relays its batch with relayEvents; a failure fails the batch, which Lambda retries whole.
    await assert.rejects(
      relayEvents(
        failingRemoves(db.table, (key) => key.pk === keys.outboxEvent(failing).pk),
        publisher,
        batch,
      ),
      /DynamoDB is gone/,
    );
    await until(async () => (await outboxIds()).length === 1);
    assert.deepEqual(await outboxIds(), [failing], 'the other removes went through');

    await relayEvents(db.table, publisher, batch);
    assert.deepEqual(sorted(published), twice(ids), 'the retried batch published every event again, removed or not');
    assert.deepEqual(sorted(loggedIds(log)), ids, 'the event log holds each event once');
    assert.deepEqual(await outboxIds(), []);
  });
});

/** Commits `count` events to the outbox as the repositories do: outbox puts in a transaction. */
async function storeInOutbox(count: number): Promise<string[]> {
  const now = new Date();
  const events = Array.from({ length: count }, () =>
    eventModel(POLICY_SERVICE, 'POLICY_UPDATED', { policyData: { policyId: randomUUID() } }, now, randomUUID()),
  );
  await transactWrite(
    db.table,
    events.map((event) => outboxPut(db.table, event)),
  );
  return sorted(events.map((event) => event.event.id));
}

async function outboxIds(): Promise<string[]> {
  const items = await listTableItems(db.table);
  return sorted(items.flatMap((item) => (item.entity === 'OutboxEvent' ? [(item.event as EventModel).event.id] : [])));
}

/** The table, but DynamoDB fails each DeleteItem whose key `fails` picks: it dies after the publish went through. */
function failingRemoves(table: TableContext, fails: (key: Record<string, unknown>) => boolean): TableContext {
  return {
    tableName: table.tableName,
    client: new Proxy(table.client, {
      get(target, property, receiver) {
        if (property !== 'send') return Reflect.get(target, property, receiver);
        return async (command: unknown) => {
          if (command instanceof DeleteCommand && fails(command.input.Key ?? {})) throw new Error('DynamoDB is gone');
          return target.send(command as never);
        };
      },
    }),
  };
}

function recording(publisher: EventPublisher, published: string[]): EventPublisher {
  return {
    async publish(events) {
      published.push(...events.map((event) => event.event.id));
      await publisher.publish(events);
    },
  };
}

/** Runs one pass of the local relay in a child process and SIGKILLs it once it has published, before it removes. */
function killRelayBetweenPublishAndRemove(log: string): Promise<string[]> {
  const relay = spawn(process.execPath, ['--import', 'tsx', 'test/support/relay-paused-after-publish.ts', db.endpoint, db.table.tableName, log], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  relay.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => relay.kill('SIGKILL'), KILL_TIMEOUT_MS);
    let published: string[] | undefined;
    relay.once('message', (message: { published: string[] }) => {
      published = message.published;
      relay.kill('SIGKILL');
    });
    relay.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (published && signal === 'SIGKILL') resolve(published);
      else reject(new Error(`the relay ended with ${signal ?? `code ${code}`} before publishing:\n${stderr}`));
    });
  });
}

function loggedIds(log: string): string[] {
  return readEvents(log).map((logged) => (logged.event as EventModel['event']).id);
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    if (await condition()) return;
    await sleep(50);
  }
  throw new Error('condition not met within 5 s');
}

function sorted(ids: readonly string[]): string[] {
  return [...ids].sort();
}

function twice(ids: readonly string[]): string[] {
  return sorted([...ids, ...ids]);
}
