import type { Clock } from '../domain/ports.js';
import { log, logger } from '../observability/logger.js';
import { count, metrics } from '../observability/metrics.js';
import { observedHandler } from '../observability/observed-handler.js';
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
 * The Lambda entry of a scheduled job: runs it on a clock set to its scheduled time, logs the counts and publishes
 * each as a metric (dimension `job`: the items it read, switched off, sent...). A failure is thrown, so EventBridge
 * Scheduler retries the invocation and, past its retries, hands it to the dead-letter queue.
 */
export function scheduledJobHandler(name: string, run: (clock: Clock) => Promise<JobReport>) {
  return observedHandler(async (event: ScheduledJobEvent | undefined): Promise<JobReport> => {
    logger.appendKeys({ job: name });
    metrics.addDimension('job', name);
    const at = runTime(event);
    try {
      const report = await run(clockStartingAt(at));
      log('INFO', 'scheduled job finished', { at: at.toISOString(), ...report });
      for (const [items, value] of Object.entries(report)) count(items, value);
      return report;
    } catch (error) {
      log('ERROR', 'scheduled job failed', { at: at.toISOString(), error: error instanceof Error ? error.name : 'unknown' });
      count('jobFailures');
      throw error;
    }
  });
}
