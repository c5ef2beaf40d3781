import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from './client.js';
import { withoutStorageAttributes } from './items.js';

/**
 * The items of one table partition whose sort key starts with `sortKeyPrefix`, in sort-key order, following
 * pagination up to `limit` items (the things one user or partner keeps side by side under its own key).
 */
export async function queryItemsWithPrefix<T>(table: TableContext, partitionKey: string, sortKeyPrefix: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  let startKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': partitionKey, ':prefix': sortKeyPrefix },
        Limit: limit - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) items.push(withoutStorageAttributes<T>(item));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < limit);
  return items;
}
