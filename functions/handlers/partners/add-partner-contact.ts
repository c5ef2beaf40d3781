import { partnerDeps } from '../../adapters/wiring.js';
import { addPartnerContact } from '../../domain/partners/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerRoutes } from '../../routes/partner-routes.js';

export const handler = apiHandler(partnerRoutes.addPartnerContact, ({ caller, body, params }) =>
  addPartnerContact(partnerDeps(), caller, params.partnerId!, body),
);
