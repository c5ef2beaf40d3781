import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { EventPublisher } from '../../domain/events/ports.js';

/** Source of every PMS event on the bus; the detail type is MOSIP's topic name. */
export const EVENT_SOURCE = 'mosip.pms';
const PUT_EVENTS_LIMIT = 10;

export function eventBridgePublisher(eventBusName: string, client = new EventBridgeClient({})): EventPublisher {
  return {
    async publish(events) {
      for (let start = 0; start < events.length; start += PUT_EVENTS_LIMIT) {
        const batch = events.slice(start, start + PUT_EVENTS_LIMIT);
        const result = await client.send(
          new PutEventsCommand({
            Entries: batch.map((event) => ({
              EventBusName: eventBusName,
              Source: EVENT_SOURCE,
              DetailType: event.topic,
              Detail: JSON.stringify(event),
            })),
          }),
        );
        // A partly failed batch fails the relay, which leaves the events in the outbox to be sent again.
        if (result.FailedEntryCount) throw new Error(`${result.FailedEntryCount} of ${batch.length} events were not accepted by the bus`);
      }
    },
  };
}
