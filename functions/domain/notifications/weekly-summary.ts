import { auditEntry } from '../audit.js';
import { startOfUtcDay, type ExpiryCalendar } from '../expiry/expiry-calendar.js';
import { SCHEDULER_ACTOR } from '../expiry/expire-credentials.js';
import { daysUntil, mailFor, memoisedLookups } from './expiry-notices.js';
import { NOTICE_KINDS, type NoticeKind, type NoticeLookups } from './notice-kinds.js';
import { NOTIFICATION_AUDIT_TYPE, notificationDetails, type Notification, type NotificationDetails } from './notification.js';
import type { NotificationJobDeps } from './ports.js';

export const WEEKLY_SUMMARY_JOB = 'weekly-summary';
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_DAYS = 7;
const PAGE_SIZE = 100;
/** What a summary lists: what partners must renew (CA certificates have their own admin notices). */
const SUMMARISED: readonly NoticeKind['kind'][] = ['partnerCertificate', 'apiKey', 'mispLicense'];

export type WeeklySummaryDeps = NotificationJobDeps & NoticeLookups & { calendar: ExpiryCalendar };

/**
 * The weekly job: one WEEKLY_SUMMARY for the partner admins of everything partners hold that expires from today
 * to today + 7 days (partner certificates, API keys, MISP licenses of active partners), made (and audited) even
 * when nothing expires, once per run date whatever the number of runs.
 */
export async function sendWeeklySummary(deps: WeeklySummaryDeps, kinds: readonly NoticeKind[] = NOTICE_KINDS) {
  const now = deps.clock.now();
  const today = startOfUtcDay(now);
  const until = new Date(today.getTime() + (WEEK_DAYS + 1) * DAY_MS).toISOString();
  const parts: NotificationDetails[] = [];
  const lookups = memoisedLookups(deps);
  let read = 0;
  for (const kind of kinds.filter((candidate) => SUMMARISED.includes(candidate.kind))) {
    let after = today.toISOString();
    for (;;) {
      const { items, next } = await deps.calendar.page(kind.kind, after, until, PAGE_SIZE);
      read += items.length;
      for (const item of items) {
        const notice = await kind.notice(item, lookups);
        if (notice) parts.push(notice.details(String(daysUntil(kind.expiresAt(item), today))));
      }
      if (next === null) break;
      after = next;
    }
  }
  const details = notificationDetails({
    certificateDetails: parts.flatMap((part) => part.certificateDetails),
    apiKeyDetails: parts.flatMap((part) => part.apiKeyDetails),
    mispLicenseDetails: parts.flatMap((part) => part.mispLicenseDetails),
  });
  const notification: Notification = {
    id: deps.ids.newId(),
    partnerId: null,
    notificationType: 'WEEKLY_SUMMARY',
    notificationStatus: 'ACTIVE',
    details,
    crBy: SCHEDULER_ACTOR,
    crDtimes: now.toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
  const audit = auditEntry(SCHEDULER_ACTOR, 'createNotification', NOTIFICATION_AUDIT_TYPE, notification.id, now, { module: WEEKLY_SUMMARY_JOB, eventType: 'WEEKLY_SUMMARY', itemCount: parts.length });
  const created = await deps.notifications.createOnce(`${WEEKLY_SUMMARY_JOB}#${today.toISOString().slice(0, 10)}`, notification, audit, mailFor(deps, { partner: null }, notification));
  return { read, listed: parts.length, created: created ? 1 : 0 };
}
