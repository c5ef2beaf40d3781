import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { EventModel } from '../../domain/events/event-model.js';
import { compareText } from '../../domain/search/v2-lists.js';
import type { TableContext } from './client.js';
import { queryPartition } from './items.js';
import { indexKeys, keys } from './keys.js';
import type { TransactItem } from './transactions.js';

/**
 * Transactional outbox: an event is stored in the same transaction as the change it announces, so a change is
 * never published without being stored, nor stored without being published. The relay publishes and removes it.
 */
export function outboxPut(table: TableContext, event: EventModel): TransactItem {
  return {
    Put: {
      TableName: table.tableName,
      Item: {
        ...keys.outboxEvent(event.event.id),
        entity: 'OutboxEvent',
        gsi1pk: indexKeys.outbox(event.event.id),
        gsi1sk: `${event.publishedOn}#${event.event.id}`,
        event,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The oldest `limit` events waiting, from every outbox shard (each read only as far as `limit`), oldest first. */
export async function pendingOutboxEvents(table: TableContext, limit: number): Promise<EventModel[]> {
  const shards = await Promise.all(indexKeys.outboxShards().map((partition) => queryPartition<{ event: EventModel }>(table, 'gsi1', partition, { limit })));
  const order = (event: EventModel) => `${event.publishedOn}#${event.event.id}`;
  return shards
    .flat()
    .map((item) => item.event)
    .sort((a, b) => compareText(order(a), order(b)))
    .slice(0, limit);
}

export async function removeOutboxEvent(table: TableContext, eventId: string): Promise<void> {
  await table.client.send(new DeleteCommand({ TableName: table.tableName, Key: keys.outboxEvent(eventId) }));
}
