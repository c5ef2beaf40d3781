import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
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

/** Every item of one index partition, following pagination; `limit` bounds what one request may read. */
export async function queryPartition<T>(
  table: TableContext,
  index: IndexName,
  partitionValue: string,
  options: { limit: number; sortKeyPrefix?: string; ascending?: boolean },
): Promise<T[]> {
  const items: T[] = [];
  let startKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: index,
        KeyConditionExpression: options.sortKeyPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': `${index}pk`, ...(options.sortKeyPrefix ? { '#sk': `${index}sk` } : {}) },
        ExpressionAttributeValues: { ':pk': partitionValue, ...(options.sortKeyPrefix ? { ':prefix': options.sortKeyPrefix } : {}) },
        ScanIndexForward: options.ascending ?? true,
        Limit: options.limit - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) items.push(withoutStorageAttributes<T>(item));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < options.limit);
  return items;
}
