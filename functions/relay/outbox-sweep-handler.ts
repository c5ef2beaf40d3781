import { tableContext } from '../adapters/dynamodb/client.js';
import { eventBridgePublisher } from '../adapters/events/eventbridge-publisher.js';
import { relayPendingEvents } from '../adapters/events/outbox-relay.js';
import { requiredEnv } from '../config/env.js';

const publisher = eventBridgePublisher(requiredEnv('EVENT_BUS_NAME'));

/** Scheduled repair pass: publishes whatever is still in the outbox (normally nothing). */
export async function handler(): Promise<{ relayed: number }> {
  return { relayed: await relayPendingEvents(tableContext(), publisher) };
}
