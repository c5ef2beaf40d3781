import { portalNotificationDeps } from '../../adapters/wiring.js';
import { listNotifications } from '../../domain/notifications/portal.js';
import { apiHandler } from '../../http/api-handler.js';
import { notificationRoutes } from '../../routes/notification-routes.js';

export const handler = apiHandler(notificationRoutes.listNotifications, ({ caller, query }) => listNotifications(portalNotificationDeps(), caller, query));
