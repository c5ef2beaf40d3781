import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableContext } from '../../functions/adapters/dynamodb/client.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { defineRoute, type Route } from '../../functions/routes/route.js';
import type { TableAccess } from '../../functions/routes/table-access.js';
import { startApiServer } from '../../local/server.js';
import { actionsNeeded, enforceTableGrants, withTableGrant } from '../../local/table-grants.js';
import { listTableItems, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';
import { request } from '../support/http.js';

const TABLE = 't';
const put = () => new PutCommand({ TableName: TABLE, Item: { pk: 'a', sk: 'b' } });
const transaction = () =>
  new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: TABLE, Item: { pk: 'a', sk: 'b' } } },
      { ConditionCheck: { TableName: TABLE, Key: { pk: 'c', sk: 'd' }, ConditionExpression: 'attribute_exists(pk)' } },
    ],
  });

/** A guarded client whose commands never leave the process: a later middleware answers every one that gets past the guard. */
function offlineGuardedClient(): DynamoDBDocumentClient {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
  enforceTableGrants(client);
  enforceTableGrants(client);
  client.middlewareStack.add(() => async () => ({ output: { $metadata: {} }, response: {} }), { step: 'initialize', name: 'answerOffline', priority: 'low' });
  return client;
}

async function outcome(client: DynamoDBDocumentClient, access: TableAccess | null, command: object): Promise<string> {
  const send = () => client.send(command as never) as Promise<unknown>;
  try {
    await (access === null ? send() : withTableGrant('someOperation', access, send));
    return 'sent';
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe('the local table grant: what IAM would let an operation send', () => {
  test('each command needs its own action; a transaction needs the action of each of its items', () => {
    assert.deepEqual(actionsNeeded('PutItemCommand', {}), ['dynamodb:PutItem']);
    assert.deepEqual(actionsNeeded('QueryCommand', {}), ['dynamodb:Query']);
    assert.deepEqual(actionsNeeded('TransactWriteItemsCommand', transaction().input), ['dynamodb:PutItem', 'dynamodb:ConditionCheckItem']);
    assert.deepEqual(actionsNeeded('TransactGetItemsCommand', { TransactItems: [{ Get: {} }] }), ['dynamodb:GetItem']);
  });

  test('a read grant sends reads and refuses every write, transactions included, naming the operation and the action', async () => {
    const client = offlineGuardedClient();
    assert.equal(await outcome(client, 'read', new GetCommand({ TableName: TABLE, Key: { pk: 'a', sk: 'b' } })), 'sent');
    assert.equal(
      await outcome(client, 'read', new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'a' } })),
      'sent',
    );
    assert.equal(
      await outcome(client, 'read', put()),
      'AccessDeniedException: someOperation is not authorized to perform: dynamodb:PutItem (its route row declares dynamodb:GetItem, dynamodb:BatchGetItem, dynamodb:Query)',
    );
    assert.match(
      await outcome(
        client,
        'read',
        new UpdateCommand({ TableName: TABLE, Key: { pk: 'a', sk: 'b' }, UpdateExpression: 'SET x = :x', ExpressionAttributeValues: { ':x': 1 } }),
      ),
      /^AccessDeniedException: .*dynamodb:UpdateItem/,
    );
    assert.match(await outcome(client, 'read', transaction()), /^AccessDeniedException: .*dynamodb:PutItem, dynamodb:ConditionCheckItem \(/);
  });

  test('read-write sends writes and transactions; no grant has Scan; none refuses everything; outside a grant all pass', async () => {
    const client = offlineGuardedClient();
    assert.equal(await outcome(client, 'read-write', put()), 'sent');
    assert.equal(await outcome(client, 'read-write', transaction()), 'sent');
    for (const access of ['read', 'read-write'] as const) assert.match(await outcome(client, access, new ScanCommand({ TableName: TABLE })), /dynamodb:Scan/);
    assert.match(await outcome(client, 'none', new GetCommand({ TableName: TABLE, Key: { pk: 'a', sk: 'b' } })), /declares no table access/);
    assert.equal(await outcome(client, null, put()), 'sent');
  });

  test('a probe sends only a GetItem in the probe partition, as IAM confines it with dynamodb:LeadingKeys', async () => {
    const client = offlineGuardedClient();
    const probePartition = keys.healthProbe.pk;
    assert.equal(await outcome(client, 'probe', new GetCommand({ TableName: TABLE, Key: keys.healthProbe })), 'sent');
    assert.equal(await outcome(client, 'probe', new GetItemCommand({ TableName: TABLE, Key: { pk: { S: probePartition }, sk: { S: 'X' } } })), 'sent');
    assert.equal(
      await outcome(client, 'probe', new GetCommand({ TableName: TABLE, Key: { pk: 'PARTNER#1', sk: 'PARTNER' } })),
      `AccessDeniedException: someOperation is not authorized to touch partition PARTNER#1 (its route row confines it to ${probePartition})`,
    );
    const query = new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': probePartition } });
    assert.match(await outcome(client, 'probe', query), /^AccessDeniedException: .*dynamodb:Query \(its route row declares dynamodb:GetItem\)$/);
    assert.match(await outcome(client, 'probe', new PutCommand({ TableName: TABLE, Item: keys.healthProbe })), /dynamodb:PutItem/);
  });
});

describe('the local gateway runs each handler under its row’s table access', () => {
  let dynamoDb: TestDynamoDb;
  let baseUrl: string;
  let stopApi: () => Promise<void>;
  const route = (path: string, tableAccess: TableAccess): Route =>
    defineRoute({
      operationId: `writes${tableAccess}`,
      summary: 'test',
      domain: 'policy',
      service: 'policymanager',
      method: 'POST',
      tableAccess,
      path,
      access: 'PUBLIC',
      envelope: 'RAW',
      entry: 'test/support/table-writer-handler.ts',
    });

  before(async () => {
    dynamoDb = await startDynamoDb('grants');
    // The handler reads its table from the environment, as a Lambda function does.
    Object.assign(process.env, { TABLE_NAME: 'grants', DYNAMODB_ENDPOINT: dynamoDb.endpoint });
    const api = await startApiServer([route('/under-read', 'read'), route('/under-read-write', 'read-write')], 0, { tableClient: tableContext().client });
    baseUrl = api.url;
    stopApi = api.stop;
  });

  after(async () => {
    await stopApi?.();
    await dynamoDb?.stop();
  });

  test('a handler that writes under a read grant fails as on AWS and writes nothing; under read-write it writes', async () => {
    const refused = await request(baseUrl, 'POST', '/v1/policymanager/under-read');
    assert.equal(refused.status, 500);
    assert.deepEqual(await listTableItems(dynamoDb.table), []);

    const written = await request(baseUrl, 'POST', '/v1/policymanager/under-read-write');
    assert.equal(written.status, 201, written.text);
    assert.deepEqual(
      (await listTableItems(dynamoDb.table)).map((item) => item.pk),
      ['GRANT#/v1/policymanager/under-read-write'],
    );
  });
});
