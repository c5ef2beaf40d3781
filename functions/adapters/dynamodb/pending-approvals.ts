import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { PendingApprovals, PendingQueue } from '../../domain/partners/ports.js';
import type { TableContext } from './client.js';
import { indexKeys } from './keys.js';

/** Where each queue lives: a gsi2 status partition. */
const QUEUE_PARTITIONS: Record<PendingQueue, string> = {
  partnerPolicyRequests: indexKeys.requestsInStatus('InProgress'),
  sbis: indexKeys.sbisInStatus('pending_approval'),
  devices: indexKeys.devicesInStatus('pending_approval'),
  ftmChips: indexKeys.ftmChipsInStatus('pending_approval'),
};

/** Items in one gsi2 partition: `Select: COUNT` pages (1 MB of items each) summed, no item leaves the table. */
async function countGsi2Partition(table: TableContext, partitionValue: string): Promise<number> {
  let count = 0;
  let startKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
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

export function dynamoPendingApprovals(table: TableContext): PendingApprovals {
  return { count: (queue) => countGsi2Partition(table, QUEUE_PARTITIONS[queue]) };
}
