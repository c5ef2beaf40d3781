import { uiRequiredRoles } from '../../domain/users/ui-settings.js';
import { apiHandler } from '../../http/api-handler.js';
import { userRoutes } from '../../routes/user-routes.js';

export const handler = apiHandler(userRoutes.getUiRoles, async () => uiRequiredRoles());
