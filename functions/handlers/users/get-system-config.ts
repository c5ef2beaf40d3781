import { apiHandler } from '../../http/api-handler.js';
import { userRoutes } from '../../routes/user-routes.js';
import { systemConfig } from '../../domain/users/ui-settings.js';

export const handler = apiHandler(userRoutes.getSystemConfig, async () => systemConfig());
