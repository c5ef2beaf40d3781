import type { ScheduledJob } from './scheduler.js';

/** The jobs `npm start` runs: one per EventBridge Scheduler rule of the deployed stack, calling the same handler. */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [];
