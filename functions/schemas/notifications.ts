import * as z from 'zod/mini';
import { PARTNER_DOMAINS } from '../domain/certificates/partner-domains.js';
import { DISMISSED, NOTIFICATION_STATUSES } from '../domain/notifications/notification.js';
import { TYPES_BY_FILTER } from '../domain/notifications/portal.js';
import { allowedWords, queryWord } from './documented.js';
import { queryValue } from './list-query.js';

/** Query string of `GET /notifications`; every value is checked by the operation, in MOSIP's order. */
export const notificationListQuery = z.object({
  notificationStatus: queryWord(NOTIFICATION_STATUSES, 'Any case'),
  notificationType: queryWord(Object.keys(TYPES_BY_FILTER), 'Any case; absent: every type the caller sees'),
  pageNo: queryValue,
  pageSize: queryValue,
  certificateId: queryValue,
  expiryDate: queryValue,
  issuedBy: queryValue,
  issuedTo: queryValue,
  partnerDomain: queryWord(PARTNER_DOMAINS, 'Any case'),
  createdFromDate: queryValue,
  createdToDate: queryValue,
});

/** MOSIP's body has no @Valid: a missing or other status is answered by the operation (…_019, …_012). */
export const dismissNotificationRequest = z.object({ notificationStatus: allowedWords(z.optional(z.nullable(z.string())), [DISMISSED], 'Exactly') });

/** A null or missing timestamp is answered by the operation (PMS_NOTIFICATION_ERROR_002). */
export const seenTimestampRequest = z.object({ notificationsSeenDtimes: z.optional(z.nullable(z.string())) });
