import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EventModel } from '../functions/domain/events/event-model.js';

/**
 * The local stand-in for the EventBridge bus as a de-duplicating consumer sees it: one JSON line per event,
 * appended, never rewritten, and each event id at most once. The relay delivers at least once (it publishes again
 * when it dies between publishing and removing an event), so the log drops what it already holds, as every
 * consumer of the deployed bus is asked to (docs/operations.md, "Events: at least once").
 */
export interface LoggedEvent {
  time: string;
  [field: string]: unknown;
}

export interface EventLog {
  /** Appends the event unless its `event.id` is already in the log; true when it was appended. */
  append(event: EventModel, now?: Date): boolean;
}

export function eventLogPath(dataDir: string): string {
  return join(dataDir, 'events.jsonl');
}

/**
 * The log at `path`, knowing the ids already in it. Only one process writes a log (the stack's relay), so the ids
 * are read once here and then kept in memory; a relay started again after a crash reads them again.
 */
export function openEventLog(path: string): EventLog {
  const logged = new Set(readEvents(path).map(loggedEventId));
  return {
    append(event, now = new Date()) {
      if (logged.has(event.event.id)) return false;
      mkdirSync(dirname(path), { recursive: true });
      // One append per event, so a reader never sees half of several events.
      appendFileSync(path, `${JSON.stringify({ time: now.toISOString(), ...event })}\n`);
      logged.add(event.event.id);
      return true;
    },
  };
}

export function readEvents(path: string): LoggedEvent[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LoggedEvent);
}

function loggedEventId(logged: LoggedEvent): unknown {
  return (logged.event as EventModel['event'] | undefined)?.id;
}
