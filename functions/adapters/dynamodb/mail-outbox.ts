import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit.js';
import type { OutgoingMail } from '../../domain/notifications/mail.js';
import type { MailOutbox } from '../../domain/notifications/mail-delivery.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { notificationKeys } from './keys.js';
import { auditPut, conditionalWrite, TransactionRefused, transactWrite } from './transactions.js';

interface StoredMail {
  mail: OutgoingMail;
  attempts?: number;
  nextAttemptAt?: string;
  deadLetteredAt?: string;
}

/** A dead-lettered mail as an operator lists it: no address, no content. */
export interface DeadLetteredMail {
  notificationId: string;
  notificationType: string;
  attempts: number;
  deadLetteredAt: string;
}

/** What `npm start`'s sender and `npm run mail` need beyond the mail sender's port (on AWS the queues do this). */
export interface LocalMailOutbox extends MailOutbox {
  /** Mails whose next attempt is due at `now`, soonest first. */
  due(now: string, limit: number): Promise<{ notificationId: string }[]>;
  /** Every dead-lettered mail, oldest first: what `npm run mail -- list` shows and `redrive` (without ids) redrives. */
  deadLettered(): Promise<DeadLetteredMail[]>;
  /** Makes a dead-lettered mail due at `now` for a new round of attempts; false if it is not dead-lettered. */
  redrive(notificationId: string, now: string): Promise<boolean>;
  /** Removes a dead-lettered mail with `audit`; false if it is not dead-lettered. */
  giveUp(notificationId: string, audit: AuditEntry): Promise<boolean>;
}

/** The gsi1 key values that place a mail in the MAIL_OUTBOX or MAIL_DEAD_LETTERS partition at `at`. */
const onIndex = (partition: string, at: string, notificationId: string) => ({
  ':partition': partition,
  ':sort': notificationKeys.mailSortKey(at, notificationId),
});
/** Below every mail sort key, new mails' included (keys.ts). */
const FIRST_MAIL_SORT_KEY = '0';

/** The mail items written by the notification transactions (notification-repository.ts#mailOutboxItem). */
export function dynamoMailOutbox(table: TableContext): LocalMailOutbox {
  const key = notificationKeys.mail;
  const update = (notificationId: string, expression: string, values: Record<string, unknown> = {}, condition = 'attribute_exists(pk)') =>
    new UpdateCommand({
      TableName: table.tableName,
      Key: key(notificationId),
      UpdateExpression: expression,
      ConditionExpression: condition,
      ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
    });

  return {
    async get(notificationId) {
      const stored = await getItem<StoredMail>(table, key(notificationId));
      if (!stored) return undefined;
      const { mail, attempts = 0, nextAttemptAt, deadLetteredAt } = stored;
      return { mail, attempts, ...(nextAttemptAt ? { nextAttemptAt } : {}), deadLettered: deadLetteredAt !== undefined };
    },

    claim: (notificationId, now, until) =>
      conditionalWrite(
        table.client.send(
          update(
            notificationId,
            'SET claimedUntil = :until',
            { ':until': until, ':now': now },
            'attribute_exists(pk) AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)',
          ),
        ),
      ),

    // A mail settled meanwhile has nothing left to retry.
    async retryLater(notificationId, attempts, nextAttemptAt) {
      await conditionalWrite(
        table.client.send(
          update(notificationId, 'SET attempts = :attempts, nextAttemptAt = :next, gsi1pk = :partition, gsi1sk = :sort REMOVE claimedUntil, deadLetteredAt', {
            ':attempts': attempts,
            ':next': nextAttemptAt,
            ...onIndex(notificationKeys.mailOutbox, nextAttemptAt, notificationId),
          }),
        ),
      );
    },

    async deadLetter(notificationId, attempts, audit) {
      const values = { ':attempts': attempts, ':at': audit.at, ...onIndex(notificationKeys.mailDeadLetters, audit.at, notificationId) };
      await transactWrite(table, [
        {
          Update: {
            TableName: table.tableName,
            Key: key(notificationId),
            UpdateExpression: 'SET attempts = :attempts, deadLetteredAt = :at, gsi1pk = :partition, gsi1sk = :sort REMOVE claimedUntil, nextAttemptAt',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: values,
          },
        },
        auditPut(table, audit),
      ]);
    },

    async settle(notificationId, audit) {
      await transactWrite(table, [{ Delete: { TableName: table.tableName, Key: key(notificationId) } }, auditPut(table, audit)]);
    },

    async due(now, limit) {
      const items = await queryPartition<StoredMail>(table, 'gsi1', notificationKeys.mailOutbox, {
        limit,
        sortKeyBetween: [FIRST_MAIL_SORT_KEY, notificationKeys.lastMailSortKeyAt(now)],
      });
      return items.map((item) => ({ notificationId: item.mail.notificationId }));
    },

    async deadLettered() {
      const items = await queryPartition<StoredMail>(table, 'gsi1', notificationKeys.mailDeadLetters);
      return items.map((item) => ({
        notificationId: item.mail.notificationId,
        notificationType: item.mail.notificationType,
        attempts: item.attempts ?? 0,
        deadLetteredAt: item.deadLetteredAt ?? '',
      }));
    },

    redrive: (notificationId, now) =>
      conditionalWrite(
        table.client.send(
          update(
            notificationId,
            'SET attempts = :none, nextAttemptAt = :now, gsi1pk = :partition, gsi1sk = :sort REMOVE deadLetteredAt',
            { ':none': 0, ':now': now, ...onIndex(notificationKeys.mailOutbox, now, notificationId) },
            'attribute_exists(deadLetteredAt)',
          ),
        ),
      ),

    async giveUp(notificationId, audit) {
      try {
        await transactWrite(table, [
          { Delete: { TableName: table.tableName, Key: key(notificationId), ConditionExpression: 'attribute_exists(deadLetteredAt)' } },
          auditPut(table, audit),
        ]);
        return true;
      } catch (error) {
        if (error instanceof TransactionRefused) return false;
        throw error;
      }
    },
  };
}
