import { createTableContext } from '../functions/adapters/dynamodb/client.js';
import { relayPendingEvents } from '../functions/adapters/events/outbox-relay.js';
import type { EventPublisher } from '../functions/domain/events/ports.js';
import { openEventLog } from './event-log.js';
import { type Scheduler, startScheduler } from './scheduler.js';

/** How often the local relay looks for committed events; stands in for the table stream of the deployed stack. */
const RELAY_EVERY_MS = 200;

/** The event log as the partner-event bus: each event one line, in MOSIP's EventModel shape, each event id once. */
export function eventLogPublisher(path: string): EventPublisher {
  const log = openEventLog(path);
  return {
    async publish(events) {
      for (const event of events) log.append(event);
    },
  };
}

export function startOutboxRelay(options: { endpoint: string; tableName: string; eventLogPath: string }): Scheduler {
  const table = createTableContext(options.tableName, options.endpoint);
  const publisher = eventLogPublisher(options.eventLogPath);
  return startScheduler([{ name: 'outbox-relay', everyMs: RELAY_EVERY_MS, run: async () => void (await relayPendingEvents(table, publisher)) }]);
}
