import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { tableContext } from '../adapters/dynamodb/client.js';
import { eventBridgePublisher } from '../adapters/events/eventbridge-publisher.js';
import { relayEvents } from '../adapters/events/outbox-relay.js';
import { requiredEnv } from '../config/env.js';
import type { EventModel } from '../domain/events/event-model.js';
import { count } from '../observability/metrics.js';
import { observedHandler } from '../observability/observed-handler.js';

const publisher = eventBridgePublisher(requiredEnv('EVENT_BUS_NAME'));

/** Table stream → partner-event bus. The stream's filter hands over only inserted outbox items. */
export const handler = observedHandler(async (stream: DynamoDBStreamEvent): Promise<void> => {
  const events = stream.Records.flatMap((record) => {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !image) return [];
    const item = unmarshall(image as Record<string, AttributeValue>) as { entity?: string; event?: EventModel };
    return item.entity === 'OutboxEvent' && item.event ? [item.event] : [];
  });
  await relayEvents(tableContext(), publisher, events);
  count('eventsRelayed', events.length);
});
