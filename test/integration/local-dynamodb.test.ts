import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb/table-schema.js';
import { LocalStackError } from '../../local/config.js';
import { assertJavaAvailable, javaMajorVersion } from '../../local/java.js';
import { isPortFree } from '../../local/ports.js';
import { ensureTable } from '../../local/table.js';
import { countTableItems, listTableItems, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';

describe('DynamoDB Local for tests', () => {
  let db: TestDynamoDb;
  let admin: DynamoDBClient;

  before(async () => {
    db = await startDynamoDb();
    admin = new DynamoDBClient({ endpoint: db.endpoint });
  });

  after(async () => {
    await db.stop();
  });

  it('creates the table with the key schema, indexes and TTL attribute of TABLE_SCHEMA', async () => {
    const { Table } = await admin.send(new DescribeTableCommand({ TableName: db.table.tableName }));
    assert.deepEqual(Table?.KeySchema, [
      { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = (Table?.GlobalSecondaryIndexes ?? [])
      .map((index) => ({ name: index.IndexName, keys: index.KeySchema?.map((key) => key.AttributeName) }))
      .sort((a, b) => a.name!.localeCompare(b.name!));
    assert.deepEqual(
      indexes,
      TABLE_SCHEMA.indexes.map((index) => ({ name: index.name, keys: [index.partitionKey, index.sortKey] })),
    );
    const ttl = await admin.send(new DescribeTimeToLiveCommand({ TableName: db.table.tableName }));
    assert.equal(ttl.TimeToLiveDescription?.AttributeName, TABLE_SCHEMA.timeToLive);
  });

  it('serves index queries, and the test helpers see every item', async () => {
    assert.equal(await countTableItems(db.table), 0);
    for (const id of ['b', 'a']) {
      await db.table.client.send(new PutCommand({ TableName: db.table.tableName, Item: { pk: `THING#${id}`, sk: 'THING', gsi1pk: 'THINGS', gsi1sk: id } }));
    }
    const { Items } = await db.table.client.send(
      new QueryCommand({
        TableName: db.table.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': 'THINGS' },
      }),
    );
    assert.deepEqual(
      Items?.map((item) => item.gsi1sk),
      ['a', 'b'],
    );
    assert.equal(await countTableItems(db.table), 2);
    assert.deepEqual((await listTableItems(db.table)).map((item) => item.pk).sort(), ['THING#a', 'THING#b']);
  });

  it('leaves an existing table and its items alone when asked to create it again', async () => {
    const itemsBefore = await countTableItems(db.table);
    assert.equal(await ensureTable(admin, db.table.tableName), 'existing');
    assert.equal(await countTableItems(db.table), itemsBefore);
  });

  it('frees its port when stopped', async () => {
    const other = await startDynamoDb();
    const port = Number(new URL(other.endpoint).port);
    assert.equal(await isPortFree(port), false);
    await other.stop();
    assert.equal(await isPortFree(port), true);
  });
});

describe('Java check', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pms-java-'));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function fakeJava(versionLine: string): string {
    const path = join(dir, `java-${Math.random().toString(36).slice(2)}`);
    writeFileSync(path, `#!/bin/sh\necho '${versionLine}' >&2\n`);
    chmodSync(path, 0o755);
    return path;
  }

  function oneLineProblem(command: string): string {
    try {
      assertJavaAvailable(command);
    } catch (error) {
      assert.ok(error instanceof LocalStackError);
      assert.doesNotMatch(error.message, /\n/);
      return error.message;
    }
    assert.fail(`${command} was accepted`);
  }

  it('says what to install when java is missing', () => {
    assert.match(oneLineProblem(join(dir, 'no-such-java')), /Java 17\+ is needed for DynamoDB Local.*apt-get install default-jre-headless/);
  });

  it('refuses Java older than 17, naming the version found', () => {
    assert.match(oneLineProblem(fakeJava('openjdk version "11.0.2" 2019-01-15')), /found 11/);
    assert.match(oneLineProblem(fakeJava('java version "1.8.0_292"')), /found 8/);
  });

  it('accepts Java 17 and later', () => {
    assert.doesNotThrow(() => assertJavaAvailable(fakeJava('openjdk version "17.0.15" 2025-04-15')));
    assert.doesNotThrow(() => assertJavaAvailable(fakeJava('openjdk version "21" 2023-09-19')));
  });

  it('reads the major version from both version schemes', () => {
    assert.equal(javaMajorVersion('java version "1.8.0_292"'), 8);
    assert.equal(javaMajorVersion('openjdk version "17.0.15" 2025-04-15'), 17);
    assert.equal(javaMajorVersion('no version here'), undefined);
  });
});
