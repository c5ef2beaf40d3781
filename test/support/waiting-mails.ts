import { randomUUID } from 'node:crypto';
import type { TableContext } from '../../functions/adapters/dynamodb/client.js';
import { dynamoNotificationRepository } from '../../functions/adapters/dynamodb/notification-repository.js';
import { auditEntry } from '../../functions/domain/audit.js';
import { mailFor } from '../../functions/domain/notifications/expiry-notices.js';
import type { Mailer, MailMessage } from '../../functions/domain/notifications/mail-delivery.js';
import { type Notification, notificationDetails } from '../../functions/domain/notifications/notification.js';
import type { SealedText } from '../../functions/domain/personal-data/personal-data.js';
import { listTableItems } from './dynamodb.js';
import { sealed } from './personal-data.js';

/**
 * A partner's API key expiry notification with its mail (to `to`, in French), stored as the expiry job stores it;
 * the address sealed with the tests' key, or with `seal` (the local stack's key, for its sender).
 */
export async function storeNotificationWithMail(
  table: TableContext,
  to: string,
  now: Date,
  seal: (text: string) => Promise<SealedText> = async (text) => sealed(text),
): Promise<string> {
  const notification: Notification = {
    id: randomUUID(),
    partnerId: 'bank-1',
    notificationType: 'API_KEY_EXPIRY',
    notificationStatus: 'ACTIVE',
    details: notificationDetails({
      apiKeyDetails: [
        { apiKeyName: 'Teller', partnerId: 'bank-1', expiryDateTime: '2027-01-10T00:00:00.000Z', expiryPeriod: '9', policyGroup: 'Banks', policyName: 'KYC' },
      ],
    }),
    crBy: 'pms-scheduler',
    crDtimes: now.toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
  const mail = mailFor({ mail: { adminList: null } }, { partner: { id: 'bank-1', emailId: await seal(to), langCode: 'fra' } as never }, notification);
  const created = await dynamoNotificationRepository(table).createNotice(
    { kind: 'apiKey', itemId: notification.id, threshold: 9, keepUntil: '2028-03-01T00:00:00.000Z' },
    notification,
    auditEntry('pms-scheduler', 'createNotification', 'Notification', notification.id, now),
    mail,
  );
  if (!created) throw new Error('the notice was not stored');
  return notification.id;
}

/** A mailer that fails while `down` (as SES throttling or unreachable), then sends; records what it sent. */
export function switchableMailer(down = true): Mailer & { down: boolean; sent: MailMessage[]; calls: number } {
  const mailer = {
    down,
    sent: [] as MailMessage[],
    calls: 0,
    async send(message: MailMessage) {
      mailer.calls++;
      if (mailer.down) throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
      mailer.sent.push(message);
    },
  };
  return mailer;
}

/** The mail item of a notification, while it waits. */
export async function mailItem(table: TableContext, notificationId: string): Promise<Record<string, unknown> | undefined> {
  return (await listTableItems(table)).find((item) => item.pk === `MAIL#${notificationId}`);
}

/** The sender's audit records of a notification's mail: [outcome, attempt, action]. */
export async function mailAudits(table: TableContext, notificationId: string): Promise<[string, number | undefined, string][]> {
  return (await listTableItems(table))
    .filter((item) => item.pk === `AUDIT#Notification#${notificationId}` && String(item.action).endsWith('Email'))
    .map((item) => [String(item.outcome), (item.details as { attempt?: number } | undefined)?.attempt, String(item.action)]);
}
