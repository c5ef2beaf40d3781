import { type AuditEntry, auditEntry, auditFailure } from '../audit.js';
import type { PersonalDataProtector } from '../personal-data/personal-data.js';
import type { Clock } from '../ports.js';
import type { OutgoingMail } from './mail.js';
import { MAX_MAIL_ATTEMPTS, mailRetryDelaySeconds } from './mail-retry.js';
import { renderMail } from './mail-templates.js';
import { NOTIFICATION_AUDIT_TYPE } from './notification.js';

/** Who the audit records name for what the mail sender does. */
export const MAILER_ACTOR = 'pms-mailer';
/** How long one attempt holds a mail: longer than a send may take, so two senders never send it together. */
const LEASE_MS = 2 * 60 * 1000;

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** A mail not yet sent: its failed attempts in the current round, when the next is due, whether the round gave up. */
export interface WaitingMail {
  mail: OutgoingMail;
  attempts: number;
  nextAttemptAt?: string;
  deadLettered: boolean;
}

/** The mails waiting beside their notifications (written in the notification's transaction). */
export interface MailOutbox {
  get(notificationId: string): Promise<WaitingMail | undefined>;
  /** Takes the mail for one attempt until `until`; false while another attempt holds it. */
  claim(notificationId: string, now: string, until: string): Promise<boolean>;
  /** Counts a failed attempt, sets when the next may run and gives the mail back. */
  retryLater(notificationId: string, attempts: number, nextAttemptAt: string): Promise<void>;
  /** After the last attempt: keeps the mail, out of the retries, and writes `audit`, in one transaction. */
  deadLetter(notificationId: string, attempts: number, audit: AuditEntry): Promise<void>;
  /** Removes the mail and writes `audit` in one transaction: sent, or given up by an operator. */
  settle(notificationId: string, audit: AuditEntry): Promise<void>;
}

export interface MailDeliveryDeps {
  outbox: MailOutbox;
  mailer: Mailer;
  personalData: Pick<PersonalDataProtector, 'reveal'>;
  clock: Clock;
}

/** What one attempt came to; `retry` and `dead-lettered` name the error (never the address). */
export type MailAttempt =
  | { outcome: 'sent'; attempt: number }
  | { outcome: 'gone' }
  | { outcome: 'busy' }
  | { outcome: 'not-due'; retryInSeconds: number }
  | { outcome: 'retry'; attempt: number; retryInSeconds: number; reason: string }
  | { outcome: 'dead-lettered'; attempt: number; reason: string };

/**
 * One attempt to send the mail of a notification. A mail already sent is not sent again, one held by another
 * attempt is left to it, and one whose next attempt is not due yet (a message delivered early) waits. A failed
 * attempt is counted on the mail with the time of the next one (mail-retry.ts); the last one dead-letters the
 * mail with a failure audit record. A dead-lettered mail attempted again has been redriven by an operator and
 * starts a new round. Sending and removing the mail are two steps: only a crash between them can send a mail twice.
 */
export async function deliverMail(deps: MailDeliveryDeps, notificationId: string): Promise<MailAttempt> {
  const waiting = await deps.outbox.get(notificationId);
  if (!waiting) return { outcome: 'gone' };
  const now = deps.clock.now();
  const waitMs = waiting.deadLettered || !waiting.nextAttemptAt ? 0 : Date.parse(waiting.nextAttemptAt) - now.getTime();
  if (waitMs > 0) return { outcome: 'not-due', retryInSeconds: Math.ceil(waitMs / 1000) };
  if (!(await deps.outbox.claim(notificationId, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString()))) return { outcome: 'busy' };
  const attempt = (waiting.deadLettered ? 0 : waiting.attempts) + 1;
  const { mail } = waiting;
  const facts = { module: 'mail', eventType: mail.notificationType, language: mail.language, attempt };
  try {
    const to = typeof mail.to === 'string' ? mail.to : await deps.personalData.reveal(mail.to);
    await deps.mailer.send({ to, ...renderMail(mail) });
  } catch (error) {
    const reason = error instanceof Error ? error.name : 'unknown';
    if (attempt >= MAX_MAIL_ATTEMPTS) {
      const audit = auditFailure(MAILER_ACTOR, 'sendEmail', NOTIFICATION_AUDIT_TYPE, notificationId, deps.clock.now(), { ...facts, reason });
      await deps.outbox.deadLetter(notificationId, attempt, audit);
      return { outcome: 'dead-lettered', attempt, reason };
    }
    const retryInSeconds = mailRetryDelaySeconds(attempt);
    await deps.outbox.retryLater(notificationId, attempt, new Date(deps.clock.now().getTime() + retryInSeconds * 1000).toISOString());
    return { outcome: 'retry', attempt, retryInSeconds, reason };
  }
  await deps.outbox.settle(notificationId, auditEntry(MAILER_ACTOR, 'sendEmail', NOTIFICATION_AUDIT_TYPE, notificationId, deps.clock.now(), facts));
  return { outcome: 'sent', attempt };
}
