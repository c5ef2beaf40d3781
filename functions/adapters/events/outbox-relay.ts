import type { EventModel } from '../../domain/events/event-model.js';
import type { EventPublisher } from '../../domain/events/ports.js';
import type { TableContext } from '../dynamodb/client.js';
import { pendingOutboxEvents, removeOutboxEvent } from '../dynamodb/outbox.js';

/** How many stored events one relay pass forwards. */
const RELAY_BATCH = 100;

/**
 * Publishes stored events, then removes them. Delivery is at least once: a crash between the two steps
 * publishes again, and consumers de-duplicate on `event.id` (MOSIP's own WebSub delivery is at least once too;
 * docs/operations.md, "Events: at least once").
 */
export async function relayEvents(table: TableContext, publisher: EventPublisher, events: readonly EventModel[]): Promise<void> {
  if (events.length === 0) return;
  await publisher.publish(events);
  await Promise.all(events.map((event) => removeOutboxEvent(table, event.event.id)));
}

/**
 * Everything waiting in the outbox (local stand-in for the table stream; also a repair sweep), RELAY_BATCH events
 * at a time until the outbox is drained, so a backlog is not relayed only RELAY_BATCH a run; or until `deadline`
 * (epoch ms) has passed, leaving the rest to the next run. Stops too when a batch brings no event not relayed yet
 * in this run (an index that still shows removed events).
 */
export async function relayPendingEvents(table: TableContext, publisher: EventPublisher, deadline = Number.POSITIVE_INFINITY): Promise<number> {
  const relayed = new Set<string>();
  for (;;) {
    const events = await pendingOutboxEvents(table, RELAY_BATCH);
    const fresh = events.filter((event) => !relayed.has(event.event.id)).length;
    await relayEvents(table, publisher, events);
    for (const event of events) relayed.add(event.event.id);
    if (events.length < RELAY_BATCH || fresh === 0 || Date.now() >= deadline) return relayed.size;
  }
}
