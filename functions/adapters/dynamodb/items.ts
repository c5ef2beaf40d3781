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
  options: { limit?: number; sortKeyPrefix?: string; sortKeyBetween?: [string, string]; ascending?: boolean } = {},
): Promise<T[]> {
  const { partition, sort } = keyAttributes(space);
  const sortCondition = options.sortKeyPrefix
    ? { expression: ' AND begins_with(#sk, :prefix)', values: { ':prefix': options.sortKeyPrefix } }
    : options.sortKeyBetween
      ? { expression: ' AND #sk BETWEEN :from AND :until', values: { ':from': options.sortKeyBetween[0], ':until': options.sortKeyBetween[1] } }
      : undefined;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const items: T[] = [];
  let startKey: QueryCommandInput['ExclusiveStartKey'];
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
