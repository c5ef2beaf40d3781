import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { TableContext } from '../../functions/adapters/dynamodb/client.js';
import { TransactionRefused, transactWrite } from '../../functions/adapters/dynamodb/transactions.js';
import { ConcurrentModificationError } from '../../functions/errors/pms-error.js';

/** A table whose every command is cancelled with these reasons, as DynamoDB cancels a transaction. */
function cancelling(codes: string[]): TableContext {
  const error = new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });
  return { tableName: 'pms-unit', client: { send: async () => Promise.reject(error) } as never };
}

test('a failed condition is TransactionRefused naming its positions, even next to a conflict', async () => {
  const refused = await transactWrite(cancelling(['None', 'ConditionalCheckFailed', 'TransactionConflict']), []).catch((error: unknown) => error);
  assert.ok(refused instanceof TransactionRefused);
  assert.deepEqual(refused.failedConditions, [1]);
});

test('a transaction cancelled by a concurrent one (TransactionConflict) is a ConcurrentModificationError, which the domain retries', async () => {
  const conflict = await transactWrite(cancelling(['None', 'TransactionConflict']), []).catch((error: unknown) => error);
  assert.ok(conflict instanceof ConcurrentModificationError, String(conflict));
});

test('any other cancellation passes through as it came', async () => {
  const other = await transactWrite(cancelling(['ValidationError']), []).catch((error: unknown) => error);
  assert.ok(other instanceof TransactionCanceledException);
});
