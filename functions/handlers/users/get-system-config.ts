import { isEsignetConfigured } from '../../adapters/esignet/esignet-settings.js';
import { systemConfig } from '../../domain/users/ui-settings.js';
import { apiHandler } from '../../http/api-handler.js';
import { userRoutes } from '../../routes/user-routes.js';

export const handler = apiHandler(userRoutes.getSystemConfig, async () => systemConfig({ oidcClientAvailable: isEsignetConfigured() }));
