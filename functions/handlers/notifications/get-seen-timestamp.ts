import { portalNotificationDeps } from '../../adapters/wiring.js';
import { getSeenTimestamp } from '../../domain/notifications/portal.js';
import { apiHandler } from '../../http/api-handler.js';
import { notificationRoutes } from '../../routes/notification-routes.js';

export const handler = apiHandler(notificationRoutes.getNotificationsSeenTimestamp, ({ caller, params }) =>
  getSeenTimestamp(portalNotificationDeps(), caller, params.userId!),
);
