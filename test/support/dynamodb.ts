import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createTableContext, type TableContext } from '../../functions/adapters/dynamodb/client.js';
import { startDynamoDbLocal } from '../../local/dynamodb.js';
import { LOCAL_AWS_ENV } from '../../local/handler-env.js';
import { ensureTable } from '../../local/table.js';
import { freePorts } from './free-ports.js';

export interface TestDynamoDb {
  table: TableContext;
  endpoint: string;
  stop(): Promise<void>;
}

/** Pointed at local engines only: nothing a test does can reach a real AWS account. */
export function useLocalAwsCredentials(): void {
  Object.assign(process.env, LOCAL_AWS_ENV);
}

/** An in-memory DynamoDB Local with the PMS table, for repository tests. Stop it in `after()`. */
export async function startDynamoDb(tableName = 'pms-test'): Promise<TestDynamoDb> {
  useLocalAwsCredentials();
  const [port] = await freePorts(1);
  const engine = await startDynamoDbLocal({ port: port! });
  try {
    await ensureTable(new DynamoDBClient({ endpoint: engine.endpoint }), tableName);
  } catch (error) {
    await engine.stop();
    throw error;
  }
  return { table: createTableContext(tableName, engine.endpoint), endpoint: engine.endpoint, stop: engine.stop };
}

/** Every item in the table. A Scan: for test assertions ("this request wrote nothing") only. */
export async function listTableItems(table: TableContext): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await table.client.send(new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

export async function countTableItems(table: TableContext): Promise<number> {
  return (await listTableItems(table)).length;
}

/** The same table, but every command sent through it is named in `sent` first (to prove what a path does). */
export function recordingTable(table: TableContext, sent: string[]): TableContext {
  return {
    tableName: table.tableName,
    client: new Proxy(table.client, {
      get(target, property, receiver) {
        if (property !== 'send') return Reflect.get(target, property, receiver);
        return (command: { constructor: { name: string } }) => {
          sent.push(command.constructor.name);
          return target.send(command as never);
        };
      },
    }),
  };
}
