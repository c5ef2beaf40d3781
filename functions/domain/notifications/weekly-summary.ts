import { auditEntry } from '../audit.js';
import { SCHEDULER_ACTOR } from '../expiry/expire-credentials.js';
import { calendarPages, startOfUtcDay } from '../expiry/expiry-calendar.js';
import { daysUntil, type ExpiryNoticeDeps, mailFor, memoisedLookups } from './expiry-notices.js';
import { NOTICE_KINDS, type NoticeKind } from './notice-kinds.js';
import { NOTIFICATION_AUDIT_TYPE, type NotificationDetails, newNotification, notificationDetails } from './notification.js';

export const WEEKLY_SUMMARY_JOB = 'weekly-summary';
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_DAYS = 7;
const PAGE_SIZE = 100;
/** What a summary lists: what partners must renew (CA certificates have their own admin notices). */
const SUMMARISED: readonly NoticeKind['kind'][] = ['partnerCertificate', 'apiKey', 'mispLicense', 'sbi', 'ftmChip'];

/**
 * The weekly job: one WEEKLY_SUMMARY for the partner admins of everything partners hold that expires from today
 * to today + 7 days (partner certificates, API keys, MISP licenses, SBIs and FTM chip certificates of active partners),
 * made (and audited) even when nothing expires, once per run date whatever the number of runs.
 */
export async function sendWeeklySummary(deps: ExpiryNoticeDeps, kinds: readonly NoticeKind[] = NOTICE_KINDS) {
  const now = deps.clock.now();
  const today = startOfUtcDay(now);
  const until = new Date(today.getTime() + (WEEK_DAYS + 1) * DAY_MS).toISOString();
  const parts: NotificationDetails[] = [];
  const lookups = memoisedLookups(deps);
  let read = 0;
  for (const kind of kinds.filter((candidate) => SUMMARISED.includes(candidate.kind))) {
    for await (const { items } of calendarPages(deps.calendar, kind.kind, today.toISOString(), until, PAGE_SIZE)) {
      read += items.length;
      for (const item of items) {
        const notice = await kind.notice(item, lookups);
        if (notice) parts.push(notice.details(String(daysUntil(kind.expiresAt(item), today))));
      }
    }
  }
  const details = notificationDetails({
    certificateDetails: parts.flatMap((part) => part.certificateDetails),
    apiKeyDetails: parts.flatMap((part) => part.apiKeyDetails),
    mispLicenseDetails: parts.flatMap((part) => part.mispLicenseDetails),
    sbiDetails: parts.flatMap((part) => part.sbiDetails),
    ftmDetails: parts.flatMap((part) => part.ftmDetails),
  });
  const notification = newNotification(deps.ids.newId(), null, 'WEEKLY_SUMMARY', details, SCHEDULER_ACTOR, now);
  const audit = auditEntry(SCHEDULER_ACTOR, 'createNotification', NOTIFICATION_AUDIT_TYPE, notification.id, now, {
    module: WEEKLY_SUMMARY_JOB,
    eventType: 'WEEKLY_SUMMARY',
    itemCount: parts.length,
  });
  const created = await deps.notifications.createOnce(
    `${WEEKLY_SUMMARY_JOB}#${today.toISOString().slice(0, 10)}`,
    notification,
    audit,
    mailFor(deps, { partner: null }, notification),
  );
  return { read, listed: parts.length, created: created ? 1 : 0 };
}
