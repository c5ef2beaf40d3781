import { type KeySwitchOffDeps, switchOffApiKey } from '../api-keys/switch-off.js';
import { awaitsExpiry } from '../devices/sbi.js';
import { type SbiExpiryDeps, switchOffExpiredSbi } from '../devices/sbi-expiry.js';
import { type LicenseExpiryDeps, switchOffExpiredLicense } from '../misp-licenses/switch-off.js';
import { calendarPages, type ExpiringItem, type ExpiryCalendar, type ExpiryKind, startOfUtcDay } from './expiry-calendar.js';
import type { JobProgress } from './job-progress.js';

export const EXPIRE_CREDENTIALS_JOB = 'expire-credentials';
/** Who the audit records name for what the scheduler changes. */
export const SCHEDULER_ACTOR = 'pms-scheduler';
const PAGE_SIZE = 100;

export interface ExpireCredentialsDeps extends KeySwitchOffDeps, LicenseExpiryDeps, SbiExpiryDeps {
  calendar: ExpiryCalendar;
  progress: JobProgress;
}

/**
 * The daily job that switches off what expired: API keys and MISP licenses become inactive, each with its audit
 * record and event; SBIs are deactivated (approved) or rejected (pending) with their devices. Per kind it takes what
 * expired before today (UTC) and after the previous run's end, page by page, recording how far it got, so missed
 * days are caught up and each item is read once. An item expiring today is left for tomorrow, since the expiry
 * notices still speak of it today; until then everything already treats it as expired (credentials.ts#isUsable,
 * sbi.ts#isExpired).
 */
export async function expireCredentials(deps: ExpireCredentialsDeps): Promise<{ read: number; switchedOff: number }> {
  const until = startOfUtcDay(deps.clock.now()).toISOString();
  const counts = [
    await switchOffExpired(
      deps,
      'apiKey',
      until,
      (key) => key.isActive,
      (key) => switchOffApiKey(deps, SCHEDULER_ACTOR, key.keyHash, 'expired'),
    ),
    await switchOffExpired(
      deps,
      'mispLicense',
      until,
      (license) => license.isActive,
      (license) => switchOffExpiredLicense(deps, SCHEDULER_ACTOR, license.keyHash),
    ),
    await switchOffExpired(deps, 'sbi', until, awaitsExpiry, (sbi) => switchOffExpiredSbi(deps, SCHEDULER_ACTOR, sbi.id)),
  ];
  return counts.reduce((total, kind) => ({ read: total.read + kind.read, switchedOff: total.switchedOff + kind.switchedOff }));
}

/**
 * One kind's calendar up to `until`. `stillOn` skips, without a read, what the calendar shows already switched off;
 * `switchOff` re-reads the item, since the index may lag.
 */
async function switchOffExpired<Kind extends ExpiryKind>(
  deps: ExpireCredentialsDeps,
  kind: Kind,
  until: string,
  stillOn: (item: ExpiringItem<Kind>) => boolean,
  switchOff: (item: ExpiringItem<Kind>) => Promise<boolean>,
) {
  const progressKey = `${EXPIRE_CREDENTIALS_JOB}#${kind}`;
  const counts = { read: 0, switchedOff: 0 };
  const reached = (await deps.progress.reached(progressKey)) ?? '';
  if (reached >= until) return counts;
  for await (const { items, next } of calendarPages(deps.calendar, kind, reached, until, PAGE_SIZE)) {
    const switched = await Promise.all(items.filter(stillOn).map(switchOff));
    counts.read += items.length;
    counts.switchedOff += switched.filter(Boolean).length;
    await deps.progress.record(progressKey, next ?? until);
  }
  return counts;
}
