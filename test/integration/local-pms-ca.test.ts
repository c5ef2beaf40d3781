import assert from 'node:assert/strict';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LocalStackError } from '../../local/config.js';
import { ensureLocalPmsCa } from '../../local/pms-ca.js';
import { listTableItems, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';

let db: TestDynamoDb;
const dataDir = mkdtempSync(join(tmpdir(), 'pms-local-ca-'));

before(async () => {
  db = await startDynamoDb();
});
after(async () => {
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the first start makes the PMS CA with the data directory keys; the next start finds the same one', async () => {
  const first = await ensureLocalPmsCa(db.table, { PMS_DATA_DIR: dataDir });
  const again = await ensureLocalPmsCa(db.table, { PMS_DATA_DIR: dataDir });
  assert.deepEqual(again, first);
  assert.equal((await listTableItems(db.table)).length, 1);
});

test('a start whose key files no longer match the stored PMS CA stops with what to do, and writes nothing', async () => {
  const before = await listTableItems(db.table);
  renameSync(join(dataDir, 'signing'), join(dataDir, 'signing-lost'));
  await assert.rejects(
    ensureLocalPmsCa(db.table, { PMS_DATA_DIR: dataDir }),
    (error) => error instanceof LocalStackError && error.message.includes(join(dataDir, 'signing')) && /delete .* to start from nothing/.test(error.message),
  );
  assert.deepEqual(await listTableItems(db.table), before);
});
