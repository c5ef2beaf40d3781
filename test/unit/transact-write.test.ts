import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { TableContext } from '../../functions/adapters/dynamodb/client.js';
import { countChanges } from '../../functions/adapters/dynamodb/partition-counts.js';
import { type TransactItem, TransactionRefused, transactWrite } from '../../functions/adapters/dynamodb/transactions.js';
import { ConcurrentModificationError } from '../../functions/errors/pms-error.js';

/** A table whose every command is cancelled with these reasons, as DynamoDB cancels a transaction. */
function cancelling(codes: string[]): TableContext {
  const error = new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });
  return { tableName: 'pms-unit', client: { send: async () => Promise.reject(error) } as never };
}

const put = (pk: string, extra: Record<string, unknown> = {}): TransactItem => ({ Put: { TableName: 'pms-unit', Item: { pk, sk: 'ITEM', ...extra } } });

test('a failed condition is TransactionRefused naming its positions, even next to a conflict', async () => {
  const refused = await transactWrite(cancelling(['None', 'ConditionalCheckFailed', 'TransactionConflict']), [put('A'), put('B'), put('C')]).catch(
    (error: unknown) => error,
  );
  assert.ok(refused instanceof TransactionRefused);
  assert.deepEqual(refused.failedConditions, [1]);
});

test("counter writes go last when sent, and a failed condition is still named at the caller's position", async () => {
  let sent: TransactItem[] = [];
  const error = new TransactionCanceledException({
    message: 'cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
  });
  const table: TableContext = {
    tableName: 'pms-unit',
    client: {
      send: async (command: { input: { TransactItems: TransactItem[] } }) => {
        sent = command.input.TransactItems;
        return Promise.reject(error);
      },
    } as never,
  };
  const joining = { pk: 'SBI#1', sk: 'SBI', gsi2pk: 'SBIS#pending_approval' };
  const counter = countChanges(table, joining, undefined);
  assert.equal(counter.length, 1);
  const refused = await transactWrite(table, [put('A'), ...counter, put('B')]).catch((caught: unknown) => caught);
  assert.deepEqual(
    sent.map((item) => (item.Put ? String(item.Put.Item?.pk) : String(item.Update?.Key?.pk))),
    ['A', 'B', 'COUNT#gsi2#SBIS#pending_approval'],
  );
  assert.ok(refused instanceof TransactionRefused);
  assert.deepEqual(refused.failedConditions, [2], 'B was the third item the caller gave');
});

test('a transaction cancelled by a concurrent one (TransactionConflict) is a ConcurrentModificationError, which the domain retries', async () => {
  const conflict = await transactWrite(cancelling(['None', 'TransactionConflict']), [put('A'), put('B')]).catch((error: unknown) => error);
  assert.ok(conflict instanceof ConcurrentModificationError, String(conflict));
});

test('any other cancellation passes through as it came', async () => {
  const other = await transactWrite(cancelling(['ValidationError']), [put('A')]).catch((error: unknown) => error);
  assert.ok(other instanceof TransactionCanceledException);
});
