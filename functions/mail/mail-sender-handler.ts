import type { SQSEvent } from 'aws-lambda';
import { mailDeliveryDeps } from '../adapters/mail-wiring.js';
import { deliverMail } from '../domain/notifications/mail-delivery.js';
import { log } from '../http/logger.js';
import { MAX_MAIL_ATTEMPTS, parseMailQueueMessage } from './mail-queue.js';

/**
 * Sends the mail of each queued notification (batch size 1). A failure is thrown, so the queue redelivers it
 * after its visibility timeout; the last attempt audits the failure and the queue moves the message to its
 * dead-letter queue.
 */
export async function handler(event: SQSEvent): Promise<void> {
  for (const record of event.Records) {
    const message = parseMailQueueMessage(record.body);
    if (!message) {
      log('ERROR', 'mail queue message dropped: not a notification id', { messageId: record.messageId });
      continue;
    }
    const attempt = Number(record.attributes.ApproximateReceiveCount);
    const outcome = await deliverMail(mailDeliveryDeps(), message.notificationId, { number: attempt, last: attempt >= MAX_MAIL_ATTEMPTS });
    log('INFO', 'mail delivery', { notificationId: message.notificationId, attempt, outcome });
  }
}
