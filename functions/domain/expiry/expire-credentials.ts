import { type KeySwitchOffDeps, switchOffApiKey } from '../api-keys/switch-off.js';
import { type LicenseExpiryDeps, switchOffExpiredLicense } from '../misp-licenses/switch-off.js';
import { calendarPages, type ExpiringItem, type ExpiryCalendar, startOfUtcDay } from './expiry-calendar.js';
import type { JobProgress } from './job-progress.js';

export const EXPIRE_CREDENTIALS_JOB = 'expire-credentials';
/** Who the audit records name for what the scheduler changes. */
export const SCHEDULER_ACTOR = 'pms-scheduler';
const PAGE_SIZE = 100;

export interface ExpireCredentialsDeps extends KeySwitchOffDeps, LicenseExpiryDeps {
  calendar: ExpiryCalendar;
  progress: JobProgress;
}

/**
 * The daily job that marks API keys and MISP licenses whose validity ended as inactive, each with its audit
 * record and event. Per kind it takes what expired before today (UTC) and after the previous run's end, page by
 * page, recording how far it got, so missed days are caught up and each item is read once. An item expiring
 * today is left for tomorrow, since the expiry notices still speak of it today; until then everything already
 * treats it as inactive (credentials.ts#isUsable).
 */
export async function expireCredentials(deps: ExpireCredentialsDeps): Promise<{ read: number; switchedOff: number }> {
  const until = startOfUtcDay(deps.clock.now()).toISOString();
  const keys = await switchOffExpired(deps, 'apiKey', until, (key) => switchOffApiKey(deps, SCHEDULER_ACTOR, key.keyHash, 'expired'));
  const licenses = await switchOffExpired(deps, 'mispLicense', until, (license) => switchOffExpiredLicense(deps, SCHEDULER_ACTOR, license.keyHash));
  return { read: keys.read + licenses.read, switchedOff: keys.switchedOff + licenses.switchedOff };
}

async function switchOffExpired<Kind extends 'apiKey' | 'mispLicense'>(
  deps: ExpireCredentialsDeps,
  kind: Kind,
  until: string,
  switchOff: (item: ExpiringItem<Kind>) => Promise<boolean>,
) {
  const progressKey = `${EXPIRE_CREDENTIALS_JOB}#${kind}`;
  const counts = { read: 0, switchedOff: 0 };
  const reached = (await deps.progress.reached(progressKey)) ?? '';
  if (reached >= until) return counts;
  for await (const { items, next } of calendarPages(deps.calendar, kind, reached, until, PAGE_SIZE)) {
    const switched = await Promise.all(items.filter((item) => item.isActive).map(switchOff));
    counts.read += items.length;
    counts.switchedOff += switched.filter(Boolean).length;
    await deps.progress.record(progressKey, next ?? until);
  }
  return counts;
}
