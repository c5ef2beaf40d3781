/**
 * How far a job that walks the expiry calendar got: a calendar position it has finished. Kept per job, so a run
 * that stops half-way (or a day the scheduler missed) is taken up where it ended, never skipped.
 */
export interface JobProgress {
  reached(job: string): Promise<string | undefined>;
  record(job: string, position: string): Promise<void>;
}
