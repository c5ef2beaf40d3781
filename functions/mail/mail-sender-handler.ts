import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { mailQueueDeps } from '../adapters/mail-wiring.js';
import { log } from '../observability/logger.js';
import { count } from '../observability/metrics.js';
import { observedHandler } from '../observability/observed-handler.js';
import { handleMailMessages } from './mail-queue.js';

const FAILED = new Set(['dropped', 'failed', 'dead-lettered']);

/**
 * Sends the mail of each queued notification (mail-queue.ts); reports the messages to keep as batch item failures.
 * Counts `mailsSent` and `mailsFailed` (dropped, failed or dead-lettered; a retry is neither yet).
 */
export const handler = observedHandler(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const { response, handled } = await handleMailMessages(mailQueueDeps(), event);
  for (const { messageId, notificationId, attempt } of handled) {
    log(attempt.outcome === 'dropped' || attempt.outcome === 'failed' ? 'ERROR' : 'INFO', 'mail delivery', { messageId, notificationId, ...attempt });
  }
  count('mailsSent', handled.filter(({ attempt }) => attempt.outcome === 'sent').length);
  count('mailsFailed', handled.filter(({ attempt }) => FAILED.has(attempt.outcome)).length);
  return response;
});
