import { scheduledJobsAt } from '../functions/jobs/job-table.js';
import type { ScheduledJobDefinition } from '../functions/jobs/scheduled-job.js';
import { loadHandler } from './entry-modules.js';
import type { ScheduledJob } from './scheduler.js';

/** Runs a job's Lambda entry for `at`, as EventBridge Scheduler invokes it; answers the job's report. */
export async function runJobEntry(job: ScheduledJobDefinition, at: Date): Promise<unknown> {
  const handler = await loadHandler(job.entry);
  return handler({ at: at.toISOString() });
}

/** The jobs `npm start` runs: the job table's, at its times (or `PMS_JOB_TIMES`), calling the same entries. */
export function localScheduledJobs(env: NodeJS.ProcessEnv = process.env): ScheduledJob[] {
  return scheduledJobsAt(env.PMS_JOB_TIMES || undefined).map((job) => ({
    name: job.name,
    schedule: job.schedule,
    run: async (at) => void (await runJobEntry(job, at)),
  }));
}
