import { apiHandler } from '../../http/api-handler.js';
import { partnerRoutes } from '../../routes/partner-routes.js';
import { searchPartners } from '../../domain/partners/partner-search.js';
import { partnerDeps } from '../../adapters/wiring.js';

export const handler = apiHandler(partnerRoutes.searchPartners, ({ caller, body }) => searchPartners(partnerDeps().partners, caller, body));
