import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../../functions/adapters/dynamodb/client.js';

const BATCH = 25;
const WRITERS = 8;

/**
 * Writes `total` items made one at a time by `itemAt(index)` with BatchWriteItem (25 per call, 8 calls in flight),
 * retrying what DynamoDB leaves unprocessed, so a million items never sit in memory at once: the tests' and the
 * bench's seeding. With a `label`, progress goes to stderr (a bench's stdout is its report) at each tenth.
 */
export async function bulkWrite(table: TableContext, total: number, itemAt: (index: number) => Record<string, unknown>, label?: string): Promise<void> {
  const batches = Math.ceil(total / BATCH);
  const tenth = Math.max(1, Math.ceil(batches / 10));
  const started = performance.now();
  let next = 0;
  let written = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < batches) {
        const batch = next++;
        let pending = Array.from({ length: Math.min(BATCH, total - batch * BATCH) }, (_, offset) => ({ PutRequest: { Item: itemAt(batch * BATCH + offset) } }));
        while (pending.length > 0) {
          const result = await table.client.send(new BatchWriteCommand({ RequestItems: { [table.tableName]: pending } }));
          pending = (result.UnprocessedItems?.[table.tableName] ?? []) as typeof pending;
        }
        written += 1;
        if (label !== undefined && (written % tenth === 0 || written === batches)) {
          const seconds = ((performance.now() - started) / 1000).toFixed(0);
          process.stderr.write(`bench: ${label}: ${Math.min(written * BATCH, total)} of ${total} written (${seconds} s)\n`);
        }
      }
    }),
  );
}

/** Every item of `items`, written with bulkWrite. */
export function writeItems(table: TableContext, items: readonly Record<string, unknown>[]): Promise<void> {
  return bulkWrite(table, items.length, (index) => items[index]!);
}
