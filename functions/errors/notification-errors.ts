import type { ErrorDefinition } from './pms-error.js';

/** MOSIP's PMS_NOTIFICATION_ERROR_* (partner-management-service ErrorCode), as the portal endpoints answer them. */
export const NOTIFICATION_ERRORS = {
  UPDATE_SEEN_TIME_ERROR: { code: 'PMS_NOTIFICATION_ERROR_001', message: 'Error while updating notifications seen date time' },
  INVALID_SEEN_TIMESTAMP: { code: 'PMS_NOTIFICATION_ERROR_002', message: 'Invalid notification seen timestamp' },
  USER_DETAILS_NOT_EXIST: { code: 'PMS_NOTIFICATION_ERROR_003', message: 'User details does not exist for the user.' },
  GET_SEEN_TIME_ERROR: { code: 'PMS_NOTIFICATION_ERROR_004', message: 'Error while fetching notifications seen date time' },
  FETCH_ALL_NOTIFICATIONS_ERROR: { code: 'PMS_NOTIFICATION_ERROR_005', message: 'Error while fetching notifications' },
  ADMIN_TYPES_ONLY_FOR_ADMINS: {
    code: 'PMS_NOTIFICATION_ERROR_006',
    message: 'Partner Admin will only get notifications for root/intermediate certificate expiry and the weekly summary.',
  },
  NOTIFICATION_NOT_EXISTS: { code: 'PMS_NOTIFICATION_ERROR_008', message: 'Notification does not exist.' },
  ALREADY_DISMISSED: { code: 'PMS_NOTIFICATION_ERROR_009', message: 'Notification has already been dismissed.' },
  DISMISS_ERROR: { code: 'PMS_NOTIFICATION_ERROR_010', message: 'Error while dismissing the notification.' },
  NOT_BELONGS_TO_PARTNER: { code: 'PMS_NOTIFICATION_ERROR_011', message: 'The notification does not belong to the partner.' },
  INVALID_STATUS: { code: 'PMS_NOTIFICATION_ERROR_012', message: 'Invalid notification status. Expected: DISMISSED.' },
  TYPE_NOT_SELECTED: { code: 'PMS_NOTIFICATION_ERROR_015', message: 'Notification type must be selected for filtering' },
  INVALID_DATE: { code: 'PMS_NOTIFICATION_ERROR_016', message: 'Please enter a valid date in the %s field.' },
  WEEKLY_TYPE_NOT_SELECTED: {
    code: 'PMS_NOTIFICATION_ERROR_017',
    message: "Filtering by createdFromDate / createdToDate is only available when 'weekly' is selected as the notificationType",
  },
  ONLY_ADMIN_MAY_DISMISS: { code: 'PMS_NOTIFICATION_ERROR_018', message: 'Partner Admin can only dismiss this notification' },
  STATUS_REQUIRED: { code: 'PMS_NOTIFICATION_ERROR_019', message: 'Notification status is required in the request' },
  PARTNER_NOT_ACTIVE: { code: 'PMS_PMP_016', message: 'Partner is not active.' },
} as const satisfies Record<string, ErrorDefinition>;
