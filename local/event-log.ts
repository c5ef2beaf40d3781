import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The local stand-in for the EventBridge bus: one JSON line per event, appended, never rewritten. */
export interface LoggedEvent {
  time: string;
  [field: string]: unknown;
}

export function eventLogPath(dataDir: string): string {
  return join(dataDir, 'events.jsonl');
}

export function publishEvent(path: string, event: Record<string, unknown>, now = new Date()): void {
  mkdirSync(dirname(path), { recursive: true });
  // One append per event, so concurrent writers interleave whole lines.
  appendFileSync(path, `${JSON.stringify({ time: now.toISOString(), ...event })}\n`);
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
