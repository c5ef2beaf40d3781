import type { Clock } from '../domain/ports.js';
import { log } from '../http/logger.js';
import type { JobReport, ScheduledJobEvent } from './scheduled-job.js';

/** The instant a run works for: the scheduled time it was given, or now. A malformed time stops the run. */
export function runTime(event: ScheduledJobEvent | undefined, now = new Date()): Date {
  if (event?.at === undefined) return now;
  const at = new Date(event.at);
  if (typeof event.at !== 'string' || Number.isNaN(at.getTime()))
    throw new Error(`a scheduled job's "at" must be an ISO-8601 instant, not ${JSON.stringify(event.at)}`);
  return at;
}

/** A clock that reads `at` when the run starts and moves on with real time, so a simulated day keeps its order. */
export function clockStartingAt(at: Date): Clock {
  const offset = at.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/**
 * The Lambda entry of a scheduled job: runs it on a clock set to its scheduled time and logs the counts. A failure
 * is thrown, so EventBridge Scheduler retries the invocation and, past its retries, hands it to the dead-letter
 * queue.
 */
export function scheduledJobHandler(name: string, run: (clock: Clock) => Promise<JobReport>) {
  return async (event?: ScheduledJobEvent): Promise<JobReport> => {
    const at = runTime(event);
    try {
      const report = await run(clockStartingAt(at));
      log('INFO', 'scheduled job finished', { job: name, at: at.toISOString(), ...report });
      return report;
    } catch (error) {
      log('ERROR', 'scheduled job failed', { job: name, at: at.toISOString(), error: error instanceof Error ? error.name : 'unknown' });
      throw error;
    }
  };
}
