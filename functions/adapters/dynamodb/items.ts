import { BatchGetCommand, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from './client.js';
import type { ItemKey } from './keys.js';
import type { IndexName } from './table-schema.js';

/** Key and index attributes are storage detail: strip them before handing an item to the domain. */
const STORAGE_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'ttl'];

export function withoutStorageAttributes<T>(item: Record<string, unknown>): T {
  const copy = { ...item };
  for (const attribute of STORAGE_ATTRIBUTES) delete copy[attribute];
  return copy as T;
}

export async function getItem<T>(table: TableContext, key: ItemKey): Promise<T | undefined> {
  const { Item } = await table.client.send(new GetCommand({ TableName: table.tableName, Key: key }));
  return Item ? withoutStorageAttributes<T>(Item) : undefined;
}

/** The base table itself, or one of its indexes. */
export type KeySpace = IndexName | 'table';

function keyAttributes(space: KeySpace): { partition: string; sort: string } {
  return space === 'table' ? { partition: 'pk', sort: 'sk' } : { partition: `${space}pk`, sort: `${space}sk` };
}

/**
 * The items of one partition of the table or an index (optionally only sort keys starting with a prefix, or
 * between two values, both included), in sort-key order, following LastEvaluatedKey page after page: to the end
 * of the partition, or only the first `limit` items when a caller wants no more (a bounded read is explicit,
 * never a silent cap on a read that must be complete).
 */
export async function queryPartition<T>(
  table: TableContext,
  space: KeySpace,
  partitionValue: string,
  options: {
    limit?: number;
    sortKeyPrefix?: string;
    sortKeyBetween?: [string, string];
    ascending?: boolean;
    /** Start after this item (a LastEvaluatedKey) rather than at the partition's start. */
    startAfter?: QueryCommandInput['ExclusiveStartKey'];
  } = {},
): Promise<T[]> {
  const { partition, sort } = keyAttributes(space);
  const sortCondition = options.sortKeyPrefix
    ? { expression: ' AND begins_with(#sk, :prefix)', values: { ':prefix': options.sortKeyPrefix } }
    : options.sortKeyBetween
      ? { expression: ' AND #sk BETWEEN :from AND :until', values: { ':from': options.sortKeyBetween[0], ':until': options.sortKeyBetween[1] } }
      : undefined;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const items: T[] = [];
  let startKey = options.startAfter;
  do {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.tableName,
        ...(space === 'table' ? {} : { IndexName: space }),
        KeyConditionExpression: `#pk = :pk${sortCondition?.expression ?? ''}`,
        ExpressionAttributeNames: { '#pk': partition, ...(sortCondition ? { '#sk': sort } : {}) },
        ExpressionAttributeValues: { ':pk': partitionValue, ...sortCondition?.values },
        ScanIndexForward: options.ascending ?? true,
        ...(Number.isFinite(limit) ? { Limit: limit - items.length } : {}),
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) items.push(withoutStorageAttributes<T>(item));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < limit);
  return items;
}

/** DynamoDB's limit of keys in one BatchGetItem. */
const BATCH_GET_KEYS = 100;
/** Retries of keys DynamoDB left unprocessed (throttling), with exponential back-off. */
const BATCH_GET_RETRIES = 6;

/** The items that exist under these keys, in chunks of 100, retrying what DynamoDB leaves unprocessed. */
export async function batchGet<T>(table: TableContext, itemKeys: readonly ItemKey[]): Promise<T[]> {
  const chunks: ItemKey[][] = [];
  for (let start = 0; start < itemKeys.length; start += BATCH_GET_KEYS) chunks.push(itemKeys.slice(start, start + BATCH_GET_KEYS));
  const found = await Promise.all(chunks.map((chunk) => batchGetChunk<T>(table, chunk)));
  return found.flat();
}

async function batchGetChunk<T>(table: TableContext, chunk: readonly ItemKey[]): Promise<T[]> {
  const items: T[] = [];
  let pending: Record<string, unknown>[] = chunk.map((key) => ({ ...key }));
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > BATCH_GET_RETRIES) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    const { Responses, UnprocessedKeys } = await table.client.send(new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: pending } } }));
    for (const item of Responses?.[table.tableName] ?? []) items.push(withoutStorageAttributes<T>(item));
    pending = UnprocessedKeys?.[table.tableName]?.Keys ?? [];
  }
  return items;
}

/**
 * `take` items of one partition after the first `skip` in sort-key order (descending unless `ascending`): the
 * skipped ones are read with their sort key alone, so a deep page costs read capacity for the items it passes but
 * carries almost nothing back.
 */
export async function queryWindow<T>(
  table: TableContext,
  space: KeySpace,
  partitionValue: string,
  { ascending, skip, take }: { ascending: boolean; skip: number; take: number },
): Promise<T[]> {
  const { partition, sort } = keyAttributes(space);
  const base = {
    TableName: table.tableName,
    ...(space === 'table' ? {} : { IndexName: space }),
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeValues: { ':pk': partitionValue },
    ScanIndexForward: ascending,
  };
  let startKey: QueryCommandInput['ExclusiveStartKey'];
  let skipped = 0;
  while (skipped < skip) {
    const page = await table.client.send(
      new QueryCommand({
        ...base,
        ExpressionAttributeNames: { '#pk': partition, '#sk': sort, ...(space === 'table' ? {} : { '#tpk': 'pk', '#tsk': 'sk' }) },
        ProjectionExpression: space === 'table' ? '#pk, #sk' : '#pk, #sk, #tpk, #tsk',
        Limit: skip - skipped,
        ExclusiveStartKey: startKey,
      }),
    );
    skipped += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
    if (!startKey) return [];
  }
  return take > 0 ? queryPartition<T>(table, space, partitionValue, { limit: take, ascending, startAfter: startKey }) : [];
}

/** How many items one partition of the table or an index holds: Select COUNT pages (1 MB each) summed; no item leaves the table. */
export async function countPartition(table: TableContext, space: KeySpace, partitionValue: string): Promise<number> {
  const { partition } = keyAttributes(space);
  let count = 0;
  let startKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.tableName,
        ...(space === 'table' ? {} : { IndexName: space }),
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': partition },
        ExpressionAttributeValues: { ':pk': partitionValue },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}
