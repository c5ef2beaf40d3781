import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDeviceTypeCatalog, dynamoDeviceTypeMasterData } from '../../functions/adapters/dynamodb/device-type-catalog.js';
import { deviceTypeKeys } from '../../functions/adapters/dynamodb/keys.js';
import { loadDeviceTypeMasterData } from '../../functions/device-type-seed/load.js';
import { listTableItems, recordingTable, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';

let db: TestDynamoDb;

before(async () => {
  db = await startDynamoDb();
});
after(async () => {
  await db?.stop();
});

async function edit(key: { pk: string; sk: string }, change: Record<string, unknown>) {
  const names = Object.keys(change);
  await db.table.client.send(
    new UpdateCommand({
      TableName: db.table.tableName,
      Key: key,
      UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:v${i}`, change[name]])),
    }),
  );
}

test('the first load stores the nine shipped rows in the DEVICE_TYPES partition; loading again changes nothing', async () => {
  assert.deepEqual(await loadDeviceTypeMasterData(db.table), { added: 9 });
  const stored = await listTableItems(db.table);
  assert.equal(stored.length, 9);
  assert.ok(stored.every((item) => item.pk === deviceTypeKeys.partition));
  assert.deepEqual(stored.map((item) => item.sk).sort(), [
    'SUBTYPE#Face#Full%20face',
    'SUBTYPE#Finger#Single',
    'SUBTYPE#Finger#Slap',
    'SUBTYPE#Finger#Touchless',
    'SUBTYPE#Iris#Double',
    'SUBTYPE#Iris#Single',
    'TYPE#Face',
    'TYPE#Finger',
    'TYPE#Iris',
  ]);

  assert.deepEqual(await loadDeviceTypeMasterData(db.table), { added: 0 });
  assert.deepEqual(await listTableItems(db.table), stored);
});

test("a load never overwrites an operator's edit, and puts back only a row that was deleted", async () => {
  const doubleIris = deviceTypeKeys.deviceSubType('Iris', 'Double');
  await edit(doubleIris, { isActive: false, description: 'Dual iris', updBy: 'operator' });
  await db.table.client.send(
    new UpdateCommand({
      TableName: db.table.tableName,
      Key: deviceTypeKeys.deviceType('Face'),
      UpdateExpression: 'SET #n = :n',
      ExpressionAttributeNames: { '#n': 'name' },
      ExpressionAttributeValues: { ':n': 'Facial' },
    }),
  );
  const edited = await listTableItems(db.table);
  assert.deepEqual(await loadDeviceTypeMasterData(db.table), { added: 0 });
  assert.deepEqual(await listTableItems(db.table), edited);
  const item = edited.find((candidate) => candidate.sk === doubleIris.sk)!;
  assert.deepEqual([item.isActive, item.description, item.updBy], [false, 'Dual iris', 'operator']);

  // Removing a shipped row does not remove it for good (deactivating does): the next load stores it again.
  const slap = deviceTypeKeys.deviceSubType('Finger', 'Slap');
  await db.table.client.send(new DeleteCommand({ TableName: db.table.tableName, Key: slap }));
  assert.deepEqual(await loadDeviceTypeMasterData(db.table), { added: 1 });
  const reloaded = await listTableItems(db.table);
  const withoutCreation = ({ crDtimes: _, ...rest }: Record<string, unknown>) => rest;
  assert.deepEqual(reloaded.map(withoutCreation), edited.map(withoutCreation));
  assert.deepEqual(
    reloaded.filter((row) => row.sk !== slap.sk),
    edited.filter((row) => row.sk !== slap.sk),
  );
});

test('subTypeExists is one GetItem, true only for an active, undeleted subtype of that very type (codes compared exactly)', async () => {
  const sent: string[] = [];
  const catalog = dynamoDeviceTypeCatalog(recordingTable(db.table, sent));
  assert.equal(await catalog.subTypeExists('Finger', 'Slap'), true);
  assert.deepEqual(sent, ['GetCommand']);
  assert.equal(await catalog.subTypeExists('Face', 'Full face'), true);
  assert.equal(await catalog.subTypeExists('Iris', 'Double'), false, 'deactivated by the operator');
  assert.equal(await catalog.subTypeExists('Face', 'Slap'), false, 'a subtype of another type');
  assert.equal(await catalog.subTypeExists('finger', 'slap'), false);
  assert.equal(await catalog.subTypeExists('Finger', 'Pinky'), false);
  assert.equal(await catalog.subTypeExists('Finger#Slap', ''), false);
  await edit(deviceTypeKeys.deviceSubType('Finger', 'Touchless'), { isDeleted: true });
  assert.equal(await catalog.subTypeExists('Finger', 'Touchless'), false, 'soft-deleted');
});

test('the lists read the partition with one Query each, types apart from subtypes, without key attributes', async () => {
  const sent: string[] = [];
  const masterData = dynamoDeviceTypeMasterData(recordingTable(db.table, sent));
  const types = await masterData.deviceTypes();
  const subTypes = await masterData.deviceSubTypes();
  assert.deepEqual(sent, ['QueryCommand', 'QueryCommand']);
  assert.deepEqual(
    types.map((type) => type.code),
    ['Face', 'Finger', 'Iris'],
  );
  assert.equal(subTypes.length, 6);
  assert.ok(subTypes.every((subType) => !('pk' in subType) && !('entity' in subType) && typeof subType.deviceTypeCode === 'string'));
});
