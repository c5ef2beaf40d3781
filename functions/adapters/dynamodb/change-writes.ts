import type { Change } from '../../domain/ports.js';
import { InactivePartnerError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { type ItemKey, keys } from './keys.js';
import { countChanges } from './partition-counts.js';
import { putIfUnchanged, type TransactItem, TransactionRefused, transactWrite } from './transactions.js';

/**
 * The writes of one change set as a transaction, each with what its failed condition means, for repositories whose
 * items carry a revision and guard items (SBIs and devices, FTM chips).
 */
export interface Write {
  item: TransactItem;
  /** What a failed condition of this write means; undefined: the item changed since it was read. */
  refusal?: Error;
}

export function putNew(table: TableContext, item: Record<string, unknown>, refusal?: Error): Write {
  return { item: { Put: { TableName: table.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }, ...(refusal ? { refusal } : {}) };
}

/** An item at its next revision, or new; with `toItem` building its stored attributes. */
export function itemWrites<T extends { revision: number }>(
  table: TableContext,
  change: Change<T>,
  toItem: (value: T) => Record<string, unknown>,
  refusal: Error,
): Write[] {
  const next = toItem(change.previous ? { ...change.next, revision: change.previous.revision + 1 } : change.next);
  const counts = countChanges(table, next, change.previous && toItem(change.previous)).map((item) => ({ item }));
  if (!change.previous) return [putNew(table, next, refusal), ...counts];
  return [{ item: putIfUnchanged(table, next, change.previous.revision) }, ...counts];
}

/**
 * A uniqueness guard that follows its item: made with it, moved when its key changes, deleted when `guardOf` gives
 * none (an item that no longer holds its name).
 */
export function guardWrites<T extends { id: string }>(
  table: TableContext,
  change: Change<T>,
  guardOf: (value: T) => ItemKey | undefined,
  entity: string,
  refusal: Error,
): Write[] {
  const nextGuard = guardOf(change.next);
  const previousGuard = change.previous ? guardOf(change.previous) : undefined;
  if (previousGuard?.pk === nextGuard?.pk) return [];
  return [
    ...(previousGuard ? [{ item: { Delete: { TableName: table.tableName, Key: previousGuard } } }] : []),
    ...(nextGuard ? [putNew(table, { ...nextGuard, entity, ownerId: change.next.id }, refusal)] : []),
  ];
}

/** The partner must still be active (InactivePartnerError otherwise). */
export function activePartnerCheck(table: TableContext, partnerId: string): Write {
  return {
    item: {
      ConditionCheck: {
        TableName: table.tableName,
        Key: keys.partner(partnerId),
        ConditionExpression: 'isActive = :true',
        ExpressionAttributeValues: { ':true': true },
      },
    },
    refusal: new InactivePartnerError(partnerId),
  };
}

/** Writes all or nothing; a failed condition throws the first failing write's refusal, or `changed()` when it has none. */
export async function commitWrites(table: TableContext, writes: Write[], changed: () => Error): Promise<void> {
  try {
    await transactWrite(
      table,
      writes.map((write) => write.item),
    );
  } catch (error) {
    if (!(error instanceof TransactionRefused)) throw error;
    const refusal = error.failedConditions.map((index) => writes[index]?.refusal).find((candidate) => candidate !== undefined);
    throw refusal ?? changed();
  }
}
