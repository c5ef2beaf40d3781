/** A job the deployed stack runs from an EventBridge Scheduler rule; locally it runs on a timer in-process. */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(now: Date): Promise<void>;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * Runs each job every `everyMs`. A run never overlaps the previous run of the same job, and a failing run is
 * reported and retried at the next tick, as a scheduled Lambda invocation would be.
 */
export function startScheduler(jobs: readonly ScheduledJob[], report: (message: string) => void = console.error): Scheduler {
  const running = new Map<string, Promise<void>>();
  const timers = jobs.map((job) =>
    setInterval(() => {
      if (running.has(job.name)) return;
      const run = job
        .run(new Date())
        .catch((error: unknown) => report(`scheduled job ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    }, job.everyMs),
  );
  return {
    async stop() {
      timers.forEach(clearInterval);
      await Promise.all(running.values());
    },
  };
}
