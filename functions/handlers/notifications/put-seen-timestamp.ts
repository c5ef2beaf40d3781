import { portalNotificationDeps } from '../../adapters/wiring.js';
import { putSeenTimestamp } from '../../domain/notifications/portal.js';
import { apiHandler } from '../../http/api-handler.js';
import { notificationRoutes } from '../../routes/notification-routes.js';

export const handler = apiHandler(notificationRoutes.putNotificationsSeenTimestamp, ({ caller, params, body }) =>
  putSeenTimestamp(portalNotificationDeps(), caller, params.userId!, body),
);
