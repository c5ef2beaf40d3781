import { auditEntry, auditFailure } from '../audit.js';
import { SCHEDULER_ACTOR } from '../expiry/expire-credentials.js';
import { calendarPages, type ExpiryCalendar, startOfUtcDay } from '../expiry/expiry-calendar.js';
import { mailLanguage, type OutgoingMail } from './mail.js';
import { NOTICE_KINDS, type Notice, type NoticeKind, type NoticeLookups } from './notice-kinds.js';
import { NOTIFICATION_AUDIT_TYPE, NOTIFICATION_RETENTION_DAYS, type Notification, newNotification } from './notification.js';
import type { NotificationJobDeps } from './ports.js';

export const EXPIRY_NOTIFICATIONS_JOB = 'expiry-notifications';
const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 100;

/** Days before expiry at which a notice is due (MOSIP's `…expiry.periods` default): 30, 15, then daily from 10. */
export const NOTICE_DAYS = [30, 15, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0] as const;
const HORIZON_DAYS = NOTICE_DAYS[0];

/** Whole UTC calendar days from `today` to the day of `expiresAt` (0: it expires today). */
export function daysUntil(expiresAt: string, today: Date): number {
  return Math.round((startOfUtcDay(new Date(expiresAt)).getTime() - startOfUtcDay(today).getTime()) / DAY_MS);
}

/**
 * The notice due with `daysLeft` days to go: the nearest threshold not below it. A run on day 14 whose day-15
 * run was missed still finds the 15-day notice due (MOSIP matches the exact day and loses it); the marker of each
 * (item, threshold) keeps a notice from being given twice.
 */
export function dueThreshold(daysLeft: number): number | undefined {
  if (daysLeft < 0 || daysLeft > HORIZON_DAYS) return undefined;
  return Math.min(...NOTICE_DAYS.filter((threshold) => threshold >= daysLeft));
}

export type ExpiryNoticeDeps = NotificationJobDeps & NoticeLookups & { calendar: ExpiryCalendar };

/**
 * The daily job: for each kind that is notified, read only what expires from today to today + 30 days from its
 * calendar, and give each item the notice now due, once: a portal notification for the owning partner (or every
 * partner admin), its audit record and its mail, in one transaction guarded by the notice's marker. A failing
 * item is audited as a failure and the others go on; the run then fails, so the scheduler retries it, and the
 * retry gives only the notices still missing.
 */
export async function sendExpiryNotices(deps: ExpiryNoticeDeps, kinds: readonly NoticeKind[] = NOTICE_KINDS) {
  const now = deps.clock.now();
  const today = startOfUtcDay(now);
  const until = new Date(today.getTime() + (HORIZON_DAYS + 1) * DAY_MS).toISOString();
  const report = { read: 0, created: 0, alreadyGiven: 0, failed: 0 };
  const run = { ...deps, ...memoisedLookups(deps) };
  for (const kind of kinds) {
    for await (const { items } of calendarPages(deps.calendar, kind.kind, today.toISOString(), until, PAGE_SIZE)) {
      report.read += items.length;
      for (const outcome of await Promise.all(items.map((item) => noticeFor(run, kind, item, today, now)))) {
        if (outcome !== 'none') report[outcome]++;
      }
    }
  }
  if (report.failed > 0) throw new Error(`${report.failed} expiry notices failed (audited); the rest were given: ${JSON.stringify(report)}`);
  return report;
}

/** Within one run, each partner, policy and group is read once, however many items name it. */
export function memoisedLookups(lookups: NoticeLookups): NoticeLookups {
  const memo = <T>(read: (id: string) => Promise<T>) => {
    const seen = new Map<string, Promise<T>>();
    return (id: string) => {
      let found = seen.get(id);
      if (!found) {
        found = read(id);
        seen.set(id, found);
      }
      return found;
    };
  };
  return {
    partners: { getPartner: memo((id) => lookups.partners.getPartner(id)) },
    policies: { getPolicy: memo((id) => lookups.policies.getPolicy(id)) },
    groups: { getGroup: memo((id) => lookups.groups.getGroup(id)) },
  };
}

async function noticeFor(
  deps: ExpiryNoticeDeps,
  kind: NoticeKind,
  item: unknown,
  today: Date,
  now: Date,
): Promise<'created' | 'alreadyGiven' | 'failed' | 'none'> {
  const expiresAt = kind.expiresAt(item);
  const daysLeft = daysUntil(expiresAt, today);
  const threshold = dueThreshold(daysLeft);
  if (threshold === undefined) return 'none';
  let notice: Notice | null = null;
  try {
    notice = await kind.notice(item, deps);
    if (!notice) return 'none';
    const notification = newNotification(deps.ids.newId(), notice.partner?.id ?? null, notice.type, notice.details(String(threshold)), SCHEDULER_ACTOR, now);
    const audit = auditEntry(SCHEDULER_ACTOR, 'createNotification', NOTIFICATION_AUDIT_TYPE, notification.id, now, {
      module: EXPIRY_NOTIFICATIONS_JOB,
      eventType: notice.type,
      itemKind: kind.kind,
      itemId: notice.itemId,
      threshold,
    });
    const marker = {
      kind: kind.kind,
      itemId: notice.itemId,
      threshold,
      keepUntil: new Date(Date.parse(expiresAt) + NOTIFICATION_RETENTION_DAYS * DAY_MS).toISOString(),
    };
    const created = await deps.notifications.createNotice(marker, notification, audit, mailFor(deps, notice, notification, daysLeft));
    return created ? 'created' : 'alreadyGiven';
  } catch (error) {
    const details = { module: EXPIRY_NOTIFICATIONS_JOB, itemKind: kind.kind, threshold, reason: error instanceof Error ? error.name : 'unknown' };
    await deps.notifications.recordFailure(
      auditFailure(SCHEDULER_ACTOR, 'createNotification', NOTIFICATION_AUDIT_TYPE, notice?.itemId ?? kind.itemId(item), now, details),
    );
    return 'failed';
  }
}

/**
 * The partner's registered address and language, or the admins' distribution list; none when mails are off, or
 * for admins without a list.
 */
export function mailFor(
  deps: Pick<NotificationJobDeps, 'mail'>,
  notice: Pick<Notice, 'partner'>,
  notification: Notification,
  daysLeft?: number,
): OutgoingMail | null {
  if (!deps.mail) return null;
  const adminList = deps.mail.adminList;
  const recipient = notice.partner
    ? { to: notice.partner.emailId, language: notice.partner.langCode, name: notice.partner.id }
    : adminList && { to: adminList.to, language: adminList.language, name: 'Partner Admin' };
  if (!recipient) return null;
  return {
    notificationId: notification.id,
    to: recipient.to,
    language: mailLanguage(recipient.language),
    notificationType: notification.notificationType,
    recipientName: recipient.name,
    details: notification.details,
    ...(daysLeft === undefined ? {} : { daysLeft }),
    createdAt: notification.crDtimes,
  };
}
