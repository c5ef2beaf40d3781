import type { PersonalDataUse } from '../routes/personal-data-access.js';
import type { EsignetUse } from '../routes/route.js';
import type { JobSchedule } from './schedule.js';

/**
 * One row of the job table: CDK makes a Lambda and an EventBridge Scheduler schedule of it, `npm start` runs it
 * on the local scheduler, and `npm run job -- <name>` runs it by hand. Every job is safe to run twice for the
 * same time: a scheduler retry or a hand-run repeats nothing.
 */
export interface ScheduledJobDefinition {
  /** Kebab-case; names the schedule, the function and the `npm run job` argument. */
  name: string;
  description: string;
  schedule: JobSchedule;
  /** Lambda entry file, relative to the repository root. */
  entry: string;
  /** What the job does with personal data (absent: nothing); its KMS grant, as on a route row. */
  personalData?: readonly PersonalDataUse[];
  /** The job registers OIDC clients in eSignet: the eSignet settings and its client secret, as on a route row. */
  esignet?: EsignetUse;
}

/**
 * What a scheduled invocation carries: the time it was scheduled for (EventBridge Scheduler's
 * `<aws.scheduler.scheduled-time>`), so a retried run works on the same day as the first attempt; `npm run job
 * -- --at` sets it to simulate a date.
 */
export interface ScheduledJobEvent {
  at?: string;
}

/** What a run reports (logged and returned): counts only, never an item's content. */
export type JobReport = Record<string, number>;
