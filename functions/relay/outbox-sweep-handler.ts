import { tableContext } from '../adapters/dynamodb/client.js';
import { eventBridgePublisher } from '../adapters/events/eventbridge-publisher.js';
import { relayPendingEvents } from '../adapters/events/outbox-relay.js';
import { requiredEnv } from '../config/env.js';
import { count } from '../observability/metrics.js';
import { observedHandler } from '../observability/observed-handler.js';

const publisher = eventBridgePublisher(requiredEnv('EVENT_BUS_NAME'));
/** How long one run keeps relaying a backlog: well inside the function's 10 s timeout (lib/pms-function.ts). */
const SWEEP_BUDGET_MS = 6000;

/** Scheduled repair pass: publishes whatever is still in the outbox (normally nothing; a backlog for up to SWEEP_BUDGET_MS, the rest next run); counts `eventsSwept`. */
export const handler = observedHandler(async (): Promise<{ relayed: number }> => {
  const relayed = await relayPendingEvents(tableContext(), publisher, Date.now() + SWEEP_BUDGET_MS);
  count('eventsSwept', relayed);
  return { relayed };
});
