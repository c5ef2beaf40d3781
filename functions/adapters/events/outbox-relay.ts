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

/** One pass over everything waiting in the outbox (local stand-in for the table stream; also a repair sweep). */
export async function relayPendingEvents(table: TableContext, publisher: EventPublisher): Promise<number> {
  const events = await pendingOutboxEvents(table, RELAY_BATCH);
  await relayEvents(table, publisher, events);
  return events.length;
}
