import { partnerDeps } from '../../adapters/wiring.js';
import { getPartner } from '../../domain/partners/queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerRoutes } from '../../routes/partner-routes.js';

export const handler = apiHandler(partnerRoutes.getPartner, ({ caller, params }) => getPartner(partnerDeps(), caller, params.partnerId!));
