import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { listTableItems } from './dynamodb.js';
import type { LocalStack } from './local-stack.js';

/** The table once the local relay has forwarded every committed event (outbox items are transient). */
export async function settledItems(stack: LocalStack): Promise<Record<string, unknown>[]> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const items = await listTableItems(stack.table);
    if (!items.some((item) => item.entity === 'OutboxEvent')) return items;
    await sleep(100);
  }
  throw new Error('the outbox did not drain within 10 s');
}

/**
 * Runs `action` and proves it changed nothing: the same table afterwards (but items `ignored` says may change),
 * and no event published.
 */
export async function withoutChanges<T>(
  stack: LocalStack,
  what: string,
  action: () => Promise<T>,
  ignored: (item: Record<string, unknown>) => boolean = () => false,
): Promise<T> {
  const kept = async () => (await settledItems(stack)).filter((item) => !ignored(item));
  const before = await kept();
  const eventsBefore = stack.events().length;
  const result = await action();
  assert.deepEqual(await kept(), before, `${what} wrote something`);
  assert.equal(stack.events().length, eventsBefore, `${what} published an event`);
  return result;
}
