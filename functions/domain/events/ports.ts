import type { EventModel } from './event-model.js';

/** Where committed events go: the partner-event bus (EventBridge) or, locally, the event log. */
export interface EventPublisher {
  publish(events: readonly EventModel[]): Promise<void>;
}
