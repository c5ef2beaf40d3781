import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { mailQueueDeps } from '../adapters/mail-wiring.js';
import { log } from '../http/logger.js';
import { handleMailMessages } from './mail-queue.js';

/** Sends the mail of each queued notification (mail-queue.ts); reports the messages to keep as batch item failures. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const { response, handled } = await handleMailMessages(mailQueueDeps(), event);
  for (const { messageId, notificationId, attempt } of handled) {
    log(attempt.outcome === 'dropped' || attempt.outcome === 'failed' ? 'ERROR' : 'INFO', 'mail delivery', { messageId, notificationId, ...attempt });
  }
  return response;
}
