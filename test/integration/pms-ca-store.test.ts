import assert from 'node:assert/strict';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { certificateKeys } from '../../functions/adapters/dynamodb/keys.js';
import { dynamoPmsCaStore } from '../../functions/adapters/dynamodb/pms-ca-store.js';
import { localKeySigner } from '../../functions/adapters/signing/local-key-signer.js';
import { ensurePmsCa, type PmsCaDeps } from '../../functions/domain/certificates/pms-ca.js';
import type { CertificateSigner } from '../../functions/domain/certificates/signer.js';
import { listTableItems, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';

const NOW = new Date('2026-05-04T10:00:00.000Z');
let db: TestDynamoDb;

before(async () => {
  db = await startDynamoDb();
});
after(() => db?.stop());
beforeEach(async () => {
  await db.table.client.send(new DeleteCommand({ TableName: db.table.tableName, Key: certificateKeys.pmsCa }));
});

function rsaSigner(): CertificateSigner {
  return localKeySigner(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
}

function deps(): PmsCaDeps {
  return { store: dynamoPmsCaStore(db.table), rootSigner: rsaSigner(), issuingSigner: rsaSigner(), clock: { now: () => NOW } };
}

test('putIfAbsent stores the first hierarchy as one PEM item; a second put returns false and changes nothing', async () => {
  const store = dynamoPmsCaStore(db.table);
  assert.equal(await store.get(), undefined);
  const first = await ensurePmsCa(deps());
  const second = await ensurePmsCa({ ...deps(), store: { get: async () => undefined, putIfAbsent: async () => true } });

  assert.equal(await store.putIfAbsent(first, '2026-05-04T10:00:00.000Z'), false);
  assert.equal(await store.putIfAbsent(second, '2026-05-05T10:00:00.000Z'), false);
  assert.deepEqual(await store.get(), first);

  const items = await listTableItems(db.table);
  assert.equal(items.length, 1);
  assert.deepEqual(items[0], {
    ...certificateKeys.pmsCa,
    entity: 'PmsCa',
    root: new X509Certificate(first.root).toString(),
    issuing: new X509Certificate(first.issuing).toString(),
    createdAt: NOW.toISOString(),
  });
  assert.match(items[0]!.root as string, /^-----BEGIN CERTIFICATE-----\n/);
});

test('putIfAbsent on an empty table returns true and get gives the same DER back', async () => {
  const store = dynamoPmsCaStore(db.table);
  const ca = await ensurePmsCa({ ...deps(), store: { get: async () => undefined, putIfAbsent: async () => true } });
  assert.equal(await store.putIfAbsent(ca, NOW.toISOString()), true);
  const stored = await store.get();
  assert.ok(stored);
  assert.equal(Buffer.from(stored.root).equals(ca.root), true);
  assert.equal(Buffer.from(stored.issuing).equals(ca.issuing), true);
});

test('five concurrent first starts against DynamoDB end with one stored hierarchy, returned to all of them', async () => {
  const shared = deps();
  const results = await Promise.all(Array.from({ length: 5 }, () => ensurePmsCa({ ...shared, store: dynamoPmsCaStore(db.table) })));
  const stored = await dynamoPmsCaStore(db.table).get();
  assert.ok(stored);
  for (const result of results) assert.deepEqual(result, stored);
  assert.equal((await listTableItems(db.table)).length, 1);
  assert.equal(new X509Certificate(stored.issuing).verify(new X509Certificate(stored.root).publicKey), true);
});
