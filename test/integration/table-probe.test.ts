import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createTableContext } from '../../functions/adapters/dynamodb/client.js';
import { dynamoTableProbe } from '../../functions/adapters/dynamodb/table-probe.js';
import { closeServer, LOCAL_HOST, listen, localUrl } from '../../local/ports.js';
import { startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';
import { freePorts } from '../support/free-ports.js';

const TIMEOUT_MS = 500;

async function outcome(endpoint: string): Promise<{ answered: boolean; error?: string; ms: number }> {
  const started = Date.now();
  try {
    await dynamoTableProbe(createTableContext('pms-test', endpoint), TIMEOUT_MS).probe();
    return { answered: true, ms: Date.now() - started };
  } catch (error) {
    return { answered: false, error: (error as Error).name, ms: Date.now() - started };
  }
}

describe('the table probe: one GetItem that ends within its timeout, whatever the table does', () => {
  let dynamoDb: TestDynamoDb;

  before(async () => {
    dynamoDb = await startDynamoDb();
  });

  after(async () => {
    await dynamoDb?.stop();
  });

  test('a table that answers passes, though the probe item does not exist', async () => {
    assert.deepEqual((await outcome(dynamoDb.endpoint)).answered, true);
  });

  test('no table there (connection refused) fails well within the timeout', async () => {
    const [port] = await freePorts(1);
    const refused = await outcome(localUrl(port!));
    assert.equal(refused.answered, false);
    assert.ok(refused.ms < TIMEOUT_MS + 200, `${refused.ms} ms`);
  });

  test('a table that accepts the connection and never answers fails at the timeout, not after the SDK retries', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    const [port] = await freePorts(1);
    await listen(silent, port!, LOCAL_HOST);
    try {
      const hung = await outcome(localUrl(port!));
      assert.equal(hung.answered, false);
      assert.equal(hung.error, 'AbortError');
      assert.ok(hung.ms >= TIMEOUT_MS && hung.ms < TIMEOUT_MS + 500, `${hung.ms} ms`);
    } finally {
      for (const socket of sockets) socket.destroy();
      await closeServer(silent);
    }
  });
});
