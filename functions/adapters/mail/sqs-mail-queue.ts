import { ChangeMessageVisibilityCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { MailQueue } from '../../mail/mail-queue.js';

/** The mail queue and its dead-letter queue, by URL. */
export function sqsMailQueue(queueUrl: string, deadLetterQueueUrl: string): MailQueue {
  const client = new SQSClient({});
  return {
    async delay(receiptHandle, seconds) {
      await client.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle, VisibilityTimeout: seconds }));
    },
    async deadLetter(body) {
      await client.send(new SendMessageCommand({ QueueUrl: deadLetterQueueUrl, MessageBody: body }));
    },
  };
}
