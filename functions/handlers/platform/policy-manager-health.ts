import { apiHandler } from '../../http/api-handler.js';
import { platformRoutes } from '../../routes/platform-routes.js';
import { healthStatus } from './health-status.js';

export const handler = apiHandler(platformRoutes.policyManagerHealth, healthStatus);
