import { type AuditEntry, auditEntry, auditFailure } from '../audit.js';
import type { PersonalDataProtector } from '../personal-data/personal-data.js';
import type { Clock } from '../ports.js';
import type { OutgoingMail } from './mail.js';
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

/** The mails waiting beside their notifications (written in the notification's transaction). */
export interface MailOutbox {
  get(notificationId: string): Promise<OutgoingMail | undefined>;
  /** Takes the mail for one attempt until `until`; false while another attempt holds it. */
  claim(notificationId: string, now: string, until: string): Promise<boolean>;
  /** Gives the mail back after a failed attempt, so the next attempt may take it at once. */
  release(notificationId: string): Promise<void>;
  /** Removes the mail and writes `audit` in one transaction: sent, or given up. */
  settle(notificationId: string, audit: AuditEntry): Promise<void>;
}

export interface MailDeliveryDeps {
  outbox: MailOutbox;
  mailer: Mailer;
  personalData: Pick<PersonalDataProtector, 'reveal'>;
  clock: Clock;
}

/** Another attempt holds the mail: try again later (the queue redelivers). */
export class MailBusyError extends Error {
  constructor(notificationId: string) {
    super(`mail ${notificationId} is being sent by another attempt`);
    this.name = 'MailBusyError';
  }
}

/**
 * One attempt to send the mail of a notification. A mail already settled is not sent again; one held by another
 * attempt is left to it. A failed attempt is thrown for the queue to retry, and the last one gives the mail up
 * with a failure audit record (the queue then moves the message to its dead-letter queue). Sending and removing
 * the mail are two steps: only a crash between them can send a mail twice.
 */
export async function deliverMail(deps: MailDeliveryDeps, notificationId: string, attempt: { number: number; last: boolean }): Promise<'sent' | 'gone'> {
  const mail = await deps.outbox.get(notificationId);
  if (!mail) return 'gone';
  const now = deps.clock.now();
  if (!(await deps.outbox.claim(notificationId, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString()))) throw new MailBusyError(notificationId);
  const facts = { module: 'mail', eventType: mail.notificationType, language: mail.language, attempt: attempt.number };
  try {
    const to = typeof mail.to === 'string' ? mail.to : await deps.personalData.reveal(mail.to);
    await deps.mailer.send({ to, ...renderMail(mail) });
  } catch (error) {
    if (attempt.last) {
      await deps.outbox.settle(
        notificationId,
        auditFailure(MAILER_ACTOR, 'sendEmail', NOTIFICATION_AUDIT_TYPE, notificationId, deps.clock.now(), {
          ...facts,
          reason: error instanceof Error ? error.name : 'unknown',
        }),
      );
    } else {
      await deps.outbox.release(notificationId);
    }
    throw error;
  }
  await deps.outbox.settle(notificationId, auditEntry(MAILER_ACTOR, 'sendEmail', NOTIFICATION_AUDIT_TYPE, notificationId, deps.clock.now(), facts));
  return 'sent';
}
