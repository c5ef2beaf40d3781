import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { EventModel } from '../../domain/events/event-model.js';
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
        gsi1pk: indexKeys.outbox,
        gsi1sk: `${event.publishedOn}#${event.event.id}`,
        event,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function pendingOutboxEvents(table: TableContext, limit: number): Promise<EventModel[]> {
  const items = await queryPartition<{ event: EventModel }>(table, 'gsi1', indexKeys.outbox, { limit });
  return items.map((item) => item.event);
}

export async function removeOutboxEvent(table: TableContext, eventId: string): Promise<void> {
  await table.client.send(new DeleteCommand({ TableName: table.tableName, Key: keys.outboxEvent(eventId) }));
}
