import { partnerDeps } from '../../adapters/wiring.js';
import { mapPartnerToPolicyGroup } from '../../domain/partners/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerRoutes } from '../../routes/partner-routes.js';

export const handler = apiHandler(partnerRoutes.mapPartnerPolicyGroup, ({ caller, params }) =>
  mapPartnerToPolicyGroup(partnerDeps(), caller, params.partnerId!, params.policygroupName!),
);
