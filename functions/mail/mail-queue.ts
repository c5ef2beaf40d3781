import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { deliverMail, type MailAttempt, type MailDeliveryDeps } from '../domain/notifications/mail-delivery.js';

/** The queue message: which notification's mail to send (never the address or the content). */
export interface MailQueueMessage {
  notificationId: string;
}

export function parseMailQueueMessage(body: string): MailQueueMessage | undefined {
  try {
    const parsed = JSON.parse(body) as { notificationId?: unknown };
    return typeof parsed.notificationId === 'string' && /^[0-9a-f-]{36}$/i.test(parsed.notificationId) ? { notificationId: parsed.notificationId } : undefined;
  } catch {
    return undefined;
  }
}

/** What the sender does to a queue message besides letting it go (sent) or leaving it (failed). */
export interface MailQueue {
  /** Hides the message until the mail's next attempt is due. */
  delay(receiptHandle: string, seconds: number): Promise<void>;
  /** Puts the message in the dead-letter queue, for an operator to redrive. */
  deadLetter(body: string): Promise<void>;
}

export interface MailQueueDeps {
  delivery: MailDeliveryDeps;
  queue: MailQueue;
}

export interface HandledMessage {
  messageId: string;
  notificationId?: string;
  attempt: MailAttempt | { outcome: 'dropped' } | { outcome: 'failed'; reason: string };
}

/**
 * One attempt per queued mail. The message is let go once the mail is sent (or was already), or once it is in
 * the dead-letter queue; it is reported failed, hence kept, while the mail waits for its next attempt (hidden until
 * then) or another attempt holds it. A failure of the table or the queue itself leaves the message to the queue's
 * visibility timeout.
 */
export async function handleMailMessages(deps: MailQueueDeps, event: SQSEvent): Promise<{ response: SQSBatchResponse; handled: HandledMessage[] }> {
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  const handled: HandledMessage[] = [];
  for (const record of event.Records) {
    const message = parseMailQueueMessage(record.body);
    if (!message) {
      handled.push({ messageId: record.messageId, attempt: { outcome: 'dropped' } });
      continue;
    }
    try {
      const attempt = await deliverMail(deps.delivery, message.notificationId);
      if (attempt.outcome === 'retry' || attempt.outcome === 'not-due') await deps.queue.delay(record.receiptHandle, attempt.retryInSeconds);
      if (attempt.outcome === 'dead-lettered') await deps.queue.deadLetter(record.body);
      if (attempt.outcome === 'retry' || attempt.outcome === 'not-due' || attempt.outcome === 'busy') failures.push({ itemIdentifier: record.messageId });
      handled.push({ messageId: record.messageId, notificationId: message.notificationId, attempt });
    } catch (error) {
      failures.push({ itemIdentifier: record.messageId });
      handled.push({
        messageId: record.messageId,
        notificationId: message.notificationId,
        attempt: { outcome: 'failed', reason: error instanceof Error ? error.name : 'unknown' },
      });
    }
  }
  return { response: { batchItemFailures: failures }, handled };
}
