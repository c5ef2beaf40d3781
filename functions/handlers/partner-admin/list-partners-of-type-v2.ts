import { partnerAdminDeps } from '../../adapters/wiring.js';
import { listPartnersOfTypeV2 } from '../../domain/partners/admin-queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerAdminRoutes } from '../../routes/partner-admin-routes.js';

export const handler = apiHandler(partnerAdminRoutes.listPartnersOfTypeV2, ({ query }) => listPartnersOfTypeV2(partnerAdminDeps(), query.partnerType));
