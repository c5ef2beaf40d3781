import { partnerAdminDeps } from '../../adapters/wiring.js';
import { listPartnersOfType } from '../../domain/partners/admin-queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerAdminRoutes } from '../../routes/partner-admin-routes.js';

export const handler = apiHandler(partnerAdminRoutes.listPartnersOfType, ({ query }) => listPartnersOfType(partnerAdminDeps(), query.partnerType));
