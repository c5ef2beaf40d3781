import { partnerDeps } from '../../adapters/wiring.js';
import { registerPartner } from '../../domain/partners/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerRoutes } from '../../routes/partner-routes.js';

export const handler = apiHandler(partnerRoutes.registerPartnerV2, ({ caller, body }) => registerPartner(partnerDeps(), caller, body));
