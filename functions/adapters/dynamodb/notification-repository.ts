import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OutgoingMail } from '../../domain/notifications/mail.js';
import { NOTIFICATION_RETENTION_DAYS, type Notification } from '../../domain/notifications/notification.js';
import type { NotificationRepository, SeenTimestamps } from '../../domain/notifications/ports.js';
import { ConcurrentModificationError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { keys, notificationKeys, userPartition } from './keys.js';
import { auditPut, putIfUnchanged, type TransactItem, TransactionRefused, transactWrite } from './transactions.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** DynamoDB TTL: epoch seconds. */
function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/** Notifications vanish 60 days after creation (TTL deletion is lazy, so reads also skip older ones). */
function expiresWithNotification(notification: Pick<Notification, 'crDtimes'>): number {
  return epochSeconds(notification.crDtimes) + (NOTIFICATION_RETENTION_DAYS * DAY_MS) / 1000;
}

function notificationItem(notification: Notification): Record<string, unknown> {
  return {
    ...notificationKeys.notification(notification.id),
    entity: 'Notification',
    gsi1pk: notification.partnerId === null ? notificationKeys.ofAdmins : notificationKeys.ofPartner(notification.partnerId),
    gsi1sk: `${notification.crDtimes}#${notification.id}`,
    ttl: expiresWithNotification(notification),
    ...notification,
  };
}

/** The mail waits in the table beside its notification until it is sent (then the sender deletes it). */
export function mailOutboxItem(mail: OutgoingMail): Record<string, unknown> {
  return {
    ...notificationKeys.mail(mail.notificationId),
    entity: 'MailOutbox',
    gsi1pk: notificationKeys.mailOutbox,
    gsi1sk: notificationKeys.newMailSortKey(mail.createdAt, mail.notificationId),
    mail,
  };
}

function absentPut(table: TableContext, item: Record<string, unknown>): TransactItem {
  return { Put: { TableName: table.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/**
 * A notification is one item, listed per partner or for the admins on gsi1; a notice's marker, the
 * notification, its audit record and its mail are written together, so a notice is given once and never without
 * its record or its mail.
 */
export function dynamoNotificationRepository(table: TableContext): NotificationRepository {
  async function createGuarded(guard: Record<string, unknown>, notification: Notification, audit: Parameters<typeof auditPut>[1], mail: OutgoingMail | null) {
    try {
      await transactWrite(table, [
        absentPut(table, guard),
        absentPut(table, notificationItem(notification)),
        auditPut(table, audit),
        ...(mail ? [absentPut(table, mailOutboxItem(mail))] : []),
      ]);
      return true;
    } catch (error) {
      if (error instanceof TransactionRefused && error.failedConditions.includes(0)) return false;
      throw error;
    }
  }

  /**
   * One notification partition, newest first, from `from` on (TTL deletion lags, so the key condition skips what
   * has expired but is still stored): all of it, since the list filters by type, status and details in memory and
   * its total must count every match. `~` sorts after every `<crDtimes>#<id>`.
   */
  function listed(partition: string, from: string): Promise<Notification[]> {
    return queryPartition<Notification>(table, 'gsi1', partition, { sortKeyBetween: [from, '~'], ascending: false });
  }

  return {
    createNotice: (marker, notification, audit, mail) =>
      createGuarded(
        {
          ...notificationKeys.noticeMarker(marker.kind, marker.itemId, marker.threshold),
          entity: 'NoticeMarker',
          notificationId: notification.id,
          ttl: epochSeconds(marker.keepUntil),
        },
        notification,
        audit,
        mail,
      ),

    createOnce: (key, notification, audit, mail) =>
      createGuarded(
        { ...notificationKeys.noticeOnce(key), entity: 'NoticeMarker', notificationId: notification.id, ttl: expiresWithNotification(notification) },
        notification,
        audit,
        mail,
      ),

    get: (id) => getItem<Notification>(table, notificationKeys.notification(id)),

    ofPartner: (partnerId, from) => listed(notificationKeys.ofPartner(partnerId), from),

    ofAdmins: (from) => listed(notificationKeys.ofAdmins, from),

    // All of them (they expire with their notifications): a missing one would show a dismissed notification as ACTIVE.
    async dismissedBy(userId) {
      const items = await queryPartition<{ notificationId: string }>(table, 'table', userPartition(userId), {
        sortKeyPrefix: notificationKeys.dismissalsPrefix,
      });
      return new Set(items.map((item) => item.notificationId));
    },

    async dismissPartnerNotification(next, previous, audit) {
      try {
        await transactWrite(table, [
          putIfUnchanged(table, notificationItem({ ...next, revision: previous.revision + 1 }), previous.revision),
          auditPut(table, audit),
        ]);
      } catch (error) {
        if (error instanceof TransactionRefused) throw new ConcurrentModificationError(`notification ${next.id}`);
        throw error;
      }
    },

    async dismissForAdmin(userId, notification, audit) {
      const dismissal = {
        ...notificationKeys.dismissal(userId, notification.id),
        entity: 'NotificationDismissal',
        notificationId: notification.id,
        ttl: expiresWithNotification(notification),
      };
      try {
        await transactWrite(table, [absentPut(table, dismissal), auditPut(table, audit)]);
      } catch (error) {
        if (error instanceof TransactionRefused) throw new ConcurrentModificationError(`notification ${notification.id} for ${userId}`);
        throw error;
      }
    },

    async recordFailure(audit) {
      await table.client.send(new PutCommand(auditPut(table, audit).Put!));
    },
  };
}

/** One item per user beside their consent and partner links; either makes the user's details exist. */
export function dynamoSeenTimestamps(table: TableContext): SeenTimestamps {
  return {
    async get(userId) {
      const [seen, consent] = await Promise.all([
        getItem<{ seenAt: string }>(table, notificationKeys.seenTimestamp(userId)),
        getItem<object>(table, keys.userConsent(userId)),
      ]);
      if (seen) return { seenAt: seen.seenAt };
      return consent ? { seenAt: null } : undefined;
    },
    async put(userId, seenAt) {
      await table.client.send(
        new PutCommand({ TableName: table.tableName, Item: { ...notificationKeys.seenTimestamp(userId), entity: 'NotificationsSeen', seenAt } }),
      );
    },
  };
}
