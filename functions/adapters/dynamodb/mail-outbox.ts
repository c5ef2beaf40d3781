import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OutgoingMail } from '../../domain/notifications/mail.js';
import type { MailOutbox } from '../../domain/notifications/mail-delivery.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { notificationKeys } from './keys.js';
import { auditPut, conditionalWrite, transactWrite } from './transactions.js';

interface StoredMail {
  mail: OutgoingMail;
  attempts?: number;
  nextAttemptAt?: string;
}

/** The mail items written by the notification transactions (notification-repository.ts#mailOutboxItem). */
export function dynamoMailOutbox(table: TableContext): MailOutbox & {
  /** Mails whose next attempt is due, oldest first (the local sender; on AWS the queue hands them out). */
  due(now: string, limit: number): Promise<{ notificationId: string; attempts: number }[]>;
  /** Counts a failed attempt and sets when the next one may run (the local sender's retry with backoff). */
  recordFailedAttempt(notificationId: string, nextAttemptAt: string): Promise<void>;
} {
  const key = notificationKeys.mail;
  return {
    async get(notificationId) {
      return (await getItem<StoredMail>(table, key(notificationId)))?.mail;
    },

    claim: (notificationId, now, until) =>
      conditionalWrite(
        table.client.send(
          new UpdateCommand({
            TableName: table.tableName,
            Key: key(notificationId),
            UpdateExpression: 'SET claimedUntil = :until',
            ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)',
            ExpressionAttributeValues: { ':until': until, ':now': now },
          }),
        ),
      ),

    // A mail settled meanwhile has nothing left to release.
    async release(notificationId) {
      await conditionalWrite(
        table.client.send(
          new UpdateCommand({
            TableName: table.tableName,
            Key: key(notificationId),
            UpdateExpression: 'REMOVE claimedUntil',
            ConditionExpression: 'attribute_exists(pk)',
          }),
        ),
      );
    },

    async settle(notificationId, audit) {
      await transactWrite(table, [{ Delete: { TableName: table.tableName, Key: key(notificationId) } }, auditPut(table, audit)]);
    },

    async due(now, limit) {
      const items = await queryPartition<StoredMail>(table, 'gsi1', notificationKeys.mailOutbox, { limit });
      return items
        .filter((item) => (item.nextAttemptAt ?? '') <= now)
        .map((item) => ({ notificationId: item.mail.notificationId, attempts: item.attempts ?? 0 }));
    },

    async recordFailedAttempt(notificationId, nextAttemptAt) {
      await conditionalWrite(
        table.client.send(
          new UpdateCommand({
            TableName: table.tableName,
            Key: key(notificationId),
            UpdateExpression: 'SET nextAttemptAt = :next ADD attempts :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':next': nextAttemptAt, ':one': 1 },
          }),
        ),
      );
    },
  };
}
