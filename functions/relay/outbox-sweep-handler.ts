import { tableContext } from '../adapters/dynamodb/client.js';
import { eventBridgePublisher } from '../adapters/events/eventbridge-publisher.js';
import { relayPendingEvents } from '../adapters/events/outbox-relay.js';
import { requiredEnv } from '../config/env.js';
import { count } from '../observability/metrics.js';
import { observedHandler } from '../observability/observed-handler.js';

const publisher = eventBridgePublisher(requiredEnv('EVENT_BUS_NAME'));

/** Scheduled repair pass: publishes whatever is still in the outbox (normally nothing); counts `eventsSwept`. */
export const handler = observedHandler(async (): Promise<{ relayed: number }> => {
  const relayed = await relayPendingEvents(tableContext(), publisher);
  count('eventsSwept', relayed);
  return { relayed };
});
