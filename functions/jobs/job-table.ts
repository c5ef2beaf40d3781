import { withOverride } from './schedule.js';
import type { ScheduledJobDefinition } from './scheduled-job.js';

/** Every scheduled job, once: the single source for CDK, the local scheduler and `npm run job`. */
export const SCHEDULED_JOBS: readonly ScheduledJobDefinition[] = [
  {
    name: 'expire-credentials',
    description: 'Switches off API keys, MISP licenses and SBIs (with their devices) whose validity ended before today (UTC)',
    schedule: { every: 'day', at: '00:30' },
    entry: 'functions/handlers/jobs/expire-credentials.ts',
  },
  {
    name: 'expiry-notifications',
    description: 'Notifies partners and partner admins 30, 15 and 10 to 0 days before a certificate, API key, MISP license or SBI expires',
    schedule: { every: 'day', at: '01:00' },
    entry: 'functions/handlers/jobs/expiry-notifications.ts',
  },
  {
    name: 'weekly-summary',
    description: 'Tells the partner admins what partners hold that expires within the coming week, even when nothing does',
    // MOSIP's bootstrap default: Saturdays at midnight.
    schedule: { every: 'week', on: 'SAT', at: '00:00' },
    entry: 'functions/handlers/jobs/weekly-summary.ts',
  },
  {
    name: 'count-partitions',
    description:
      'Starts the counters of list totals and dashboard counts on a table that had items before them, and checks each started one against a count (a difference is reported, never overwritten)',
    // Daily and after the night's jobs: each run reads every counted partition once.
    schedule: { every: 'day', at: '02:30' },
    entry: 'functions/handlers/jobs/count-partitions.ts',
  },
  {
    name: 'settle-oidc-clients',
    description: 'Sends OIDC client changes that eSignet never confirmed (it was down, or the call was cut) to eSignet again, then confirms or undoes them',
    // Hourly: a change eSignet never confirmed waits at most an hour (and the 5-minute grace) to be sent again.
    schedule: { every: 'hour', at: '07' },
    entry: 'functions/handlers/jobs/settle-oidc-clients.ts',
    esignet: 'registers',
  },
];

export function scheduledJob(name: string): ScheduledJobDefinition {
  const job = SCHEDULED_JOBS.find((candidate) => candidate.name === name);
  if (!job) throw new Error(`no scheduled job ${JSON.stringify(name)}; the jobs are ${SCHEDULED_JOBS.map((known) => known.name).join(', ')}`);
  return job;
}

/**
 * The jobs at the times an operator set (`{"expire-credentials": "03:00", "weekly-summary": "MON 07:00"}`, UTC;
 * CDK context `jobTimes`, locally `PMS_JOB_TIMES`), the others at their defaults. An unknown job name or a bad time
 * stops the synth or the start instead of silently keeping the default.
 */
export function scheduledJobsAt(times: unknown): ScheduledJobDefinition[] {
  const overrides = typeof times === 'string' ? (JSON.parse(times) as unknown) : (times ?? {});
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) throw new Error('job times must be an object of job name to time');
  for (const name of Object.keys(overrides)) scheduledJob(name);
  return SCHEDULED_JOBS.map((job) => {
    const time = (overrides as Record<string, unknown>)[job.name];
    if (time === undefined) return job;
    if (typeof time !== 'string') throw new Error(`the time of job ${job.name} must be a string`);
    return { ...job, schedule: withOverride(job.schedule, time) };
  });
}
