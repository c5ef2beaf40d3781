import { portalNotificationDeps } from '../../adapters/wiring.js';
import { dismissNotification } from '../../domain/notifications/portal.js';
import { apiHandler } from '../../http/api-handler.js';
import { notificationRoutes } from '../../routes/notification-routes.js';

export const handler = apiHandler(notificationRoutes.dismissNotification, ({ caller, params, body }) =>
  dismissNotification(portalNotificationDeps(), caller, params.notificationId!, body),
);
