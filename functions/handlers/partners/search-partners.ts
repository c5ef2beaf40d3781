import { partnerDeps } from '../../adapters/wiring.js';
import { searchPartners } from '../../domain/partners/partner-search.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerRoutes } from '../../routes/partner-routes.js';

export const handler = apiHandler(partnerRoutes.searchPartners, ({ caller, body }) =>
  searchPartners(partnerDeps().partners, partnerDeps().personalData, caller, body),
);
