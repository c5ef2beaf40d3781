/**
 * How long a mail is retried: the wait after failed attempt n is 2^n seconds, at most an hour, so an SES throttle
 * is retried within seconds and an outage of minutes or hours within the hour after it ends. After
 * MAX_MAIL_ATTEMPTS attempts (about 25 hours) the mail is dead-lettered: kept, audited as failed, and sent only
 * when an operator redrives it. The same policy on AWS (the queue message's visibility) and in `npm start`.
 */
export const MAX_MAIL_ATTEMPTS = 36;
const LONGEST_WAIT_SECONDS = 3600;

export function mailRetryDelaySeconds(failedAttempt: number): number {
  return Math.min(2 ** failedAttempt, LONGEST_WAIT_SECONDS);
}

/** Seconds from the first attempt to the last: what the queues' retention must outlast. */
export function mailRetrySpanSeconds(): number {
  let total = 0;
  for (let attempt = 1; attempt < MAX_MAIL_ATTEMPTS; attempt++) total += mailRetryDelaySeconds(attempt);
  return total;
}
