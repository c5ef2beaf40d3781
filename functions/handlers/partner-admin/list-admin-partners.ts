import { partnerAdminDeps } from '../../adapters/wiring.js';
import { listAdminPartners } from '../../domain/partners/admin-queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerAdminRoutes } from '../../routes/partner-admin-routes.js';

export const handler = apiHandler(partnerAdminRoutes.listAdminPartners, ({ query }) => listAdminPartners(partnerAdminDeps(), query));
