import { apiHandler } from '../../http/api-handler.js';
import { partnerRoutes } from '../../routes/partner-routes.js';
import { addPartnerContact } from '../../domain/partners/commands.js';
import { partnerDeps } from '../../adapters/wiring.js';

export const handler = apiHandler(partnerRoutes.addPartnerContact, ({ caller, body, params }) =>
  addPartnerContact(partnerDeps(), caller, params.partnerId!, body),
);
