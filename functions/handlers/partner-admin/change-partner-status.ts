import { apiHandler } from '../../http/api-handler.js';
import { partnerAdminRoutes } from '../../routes/partner-admin-routes.js';
import { changePartnerStatus } from '../../domain/partners/admin-commands.js';
import { partnerAdminDeps } from '../../adapters/wiring.js';

export const handler = apiHandler(partnerAdminRoutes.changePartnerStatus, ({ caller, params, body }) =>
  changePartnerStatus(partnerAdminDeps(), caller, params.partnerId!, body.status),
);
