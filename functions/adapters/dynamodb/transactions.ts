import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit.js';
import { ConcurrentModificationError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { indexKeys, keys } from './keys.js';
import { mergeCounterWrites } from './partition-counts.js';
import type { TransactItem } from './transact-item.js';

export type { TransactItem };

/** Which items of a cancelled transaction failed their condition (by position). */
export class TransactionRefused extends Error {
  constructor(readonly failedConditions: number[]) {
    super(`transaction refused at ${failedConditions.join(',')}`);
    this.name = 'TransactionRefused';
  }
}

/**
 * Writes all items or none. A failed condition surfaces as TransactionRefused naming the failing positions; a
 * transaction cancelled because another one was writing one of its items at the same moment (TransactionConflict)
 * as ConcurrentModificationError, so that the caller reads again and retries as after any lost race.
 */
export async function transactWrite(table: TableContext, items: TransactItem[]): Promise<void> {
  const merged = mergeCounterWrites(table, items);
  try {
    await table.client.send(new TransactWriteCommand({ TransactItems: merged.items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException || (error as { name?: string })?.name === 'TransactionCanceledException') {
      const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
      const failed = reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [merged.positions[index]!] : []));
      if (failed.length > 0) throw new TransactionRefused(failed);
      if (reasons.some((reason) => reason.Code === 'TransactionConflict')) throw new ConcurrentModificationError('an item written by a concurrent transaction');
    }
    throw error;
  }
}

/** The audit record that travels in the same transaction as the change it records. */
export function auditPut(table: TableContext, entry: AuditEntry): TransactItem {
  const id = randomUUID();
  return {
    Put: {
      TableName: table.tableName,
      Item: {
        ...keys.audit(entry.objectType, entry.objectId, entry.at, id),
        gsi1pk: indexKeys.auditDay(entry.at, id),
        gsi1sk: `${entry.at}#${id}`,
        entity: 'Audit',
        ...entry,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * Optimistic concurrency: stores `item` (which carries the next revision) only if the stored item still has
 * `expectedRevision`, i.e. nobody changed it since it was read.
 */
export function putIfUnchanged(table: TableContext, item: Record<string, unknown>, expectedRevision: number): TransactItem {
  return {
    Put: {
      TableName: table.tableName,
      Item: item,
      ConditionExpression: 'revision = :expectedRevision',
      ExpressionAttributeValues: { ':expectedRevision': expectedRevision },
    },
  };
}

/**
 * One conditional write (PutItem, UpdateItem, DeleteItem): true when it was made, false when its condition
 * failed. The error is matched by name too, as a second copy of the SDK throws its own class.
 */
export async function conditionalWrite(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as { name?: string })?.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
