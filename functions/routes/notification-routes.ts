import { NOTIFICATION_ERRORS } from '../errors/notification-errors.js';
import { dismissNotificationRequest, notificationListQuery, seenTimestampRequest } from '../schemas/notifications.js';
import { defineRoute } from './route.js';

const entry = (file: string) => `functions/handlers/notifications/${file}.ts`;
const partnerService = { domain: 'partner', service: 'partnermanager' } as const;

/** MOSIP's list, less SDK_PARTNER (no such role here), plus MISP_PARTNER, whose licenses are notified. */
const NOTIFICATION_ROLES = [
  'DEVICE_PROVIDER',
  'FTM_PROVIDER',
  'PARTNER_ADMIN',
  'AUTH_PARTNER',
  'ABIS_PARTNER',
  'CREDENTIAL_PARTNER',
  'ONLINE_VERIFICATION_PARTNER',
  'MISP_PARTNER',
] as const;
const SEEN_ROLES = [...NOTIFICATION_ROLES, 'POLICYMANAGER'] as const;

/** MOSIP NotificationsController and UserController's seen timestamp. */
export const notificationRoutes = {
  listNotifications: defineRoute({
    ...partnerService,
    operationId: 'listNotifications',
    summary: "The caller's portal notifications (expiry notices, weekly summaries), newest first, filtered and paged",
    method: 'GET',
    tableAccess: 'read',
    path: '/notifications',
    access: NOTIFICATION_ROLES,
    envelope: 'V2',
    apiId: 'mosip.pms.notifications.get',
    query: notificationListQuery,
    fallbackError: NOTIFICATION_ERRORS.FETCH_ALL_NOTIFICATIONS_ERROR,
    entry: entry('list-notifications'),
  }),
  dismissNotification: defineRoute({
    ...partnerService,
    operationId: 'dismissNotification',
    summary: "Dismiss one of the caller's notifications (for an admin notification: for that admin only)",
    method: 'PATCH',
    tableAccess: 'read-write',
    path: '/notifications/{notificationId}',
    access: NOTIFICATION_ROLES,
    envelope: 'V2',
    apiId: 'mosip.pms.dismiss.notification.patch',
    body: dismissNotificationRequest,
    example: { notificationStatus: 'DISMISSED' },
    fallbackError: NOTIFICATION_ERRORS.DISMISS_ERROR,
    entry: entry('dismiss-notification'),
  }),
  putNotificationsSeenTimestamp: defineRoute({
    ...partnerService,
    operationId: 'putNotificationsSeenTimestamp',
    summary: 'Store when the caller last opened the notifications ({userId}: the caller, or any partner-owning user for a partner admin)',
    method: 'PUT',
    tableAccess: 'read-write',
    path: '/users/{userId}/notifications-seen-timestamp',
    access: SEEN_ROLES,
    envelope: 'V2',
    apiId: 'mosip.pms.users.notifications.seen.timestamp.put',
    body: seenTimestampRequest,
    example: { notificationsSeenDtimes: '2026-12-03T10:00:00.000' },
    fallbackError: NOTIFICATION_ERRORS.UPDATE_SEEN_TIME_ERROR,
    entry: entry('put-seen-timestamp'),
  }),
  getNotificationsSeenTimestamp: defineRoute({
    ...partnerService,
    operationId: 'getNotificationsSeenTimestamp',
    summary: 'When the caller last opened the notifications ({userId}: the caller, or any partner-owning user for a partner admin)',
    method: 'GET',
    tableAccess: 'read',
    path: '/users/{userId}/notifications-seen-timestamp',
    access: SEEN_ROLES,
    envelope: 'V2',
    apiId: 'mosip.pms.users.notifications.seen.timestamp.get',
    fallbackError: NOTIFICATION_ERRORS.GET_SEEN_TIME_ERROR,
    entry: entry('get-seen-timestamp'),
  }),
};
