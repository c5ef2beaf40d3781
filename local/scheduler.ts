import { type JobSchedule, nextRunAfter } from '../functions/jobs/schedule.js';

/**
 * A job the local stack runs in-process: every `everyMs` (the outbox relay's poll), or at the times of a
 * schedule, as EventBridge Scheduler runs the deployed stack's jobs.
 */
export type ScheduledJob = { name: string; run(at: Date): Promise<void> } & ({ everyMs: number } | { schedule: JobSchedule });

export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * Runs each job at its times; a scheduled job is given the time it was due. A run never overlaps the previous run
 * of the same job, and a failing run is reported and retried at the next time, as a scheduled Lambda invocation
 * would be.
 */
export function startScheduler(jobs: readonly ScheduledJob[], report: (message: string) => void = console.error): Scheduler {
  const running = new Map<string, Promise<void>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const runOnce = (job: ScheduledJob, at: Date) => {
    if (running.has(job.name)) return;
    const run = job
      .run(at)
      .catch((error: unknown) => report(`scheduled job ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
  };

  const plan = (job: ScheduledJob) => {
    if (stopped) return;
    const now = new Date();
    const due = 'everyMs' in job ? new Date(now.getTime() + job.everyMs) : nextRunAfter(job.schedule, now);
    const timer = setTimeout(() => {
      runOnce(job, 'everyMs' in job ? new Date() : due);
      plan(job);
    }, due.getTime() - now.getTime());
    timers.set(job.name, timer);
  };

  jobs.forEach(plan);
  return {
    async stop() {
      stopped = true;
      timers.forEach(clearTimeout);
      await Promise.all(running.values());
    },
  };
}
