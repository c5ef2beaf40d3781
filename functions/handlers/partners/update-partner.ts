import { partnerDeps } from '../../adapters/wiring.js';
import { updatePartnerProfile } from '../../domain/partners/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerRoutes } from '../../routes/partner-routes.js';

export const handler = apiHandler(partnerRoutes.updatePartner, ({ caller, body, params }) =>
  updatePartnerProfile(partnerDeps(), caller, params.partnerId!, body),
);
