import { searchPartnerTypes } from '../../domain/partners/partner-search.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerRoutes } from '../../routes/partner-routes.js';

export const handler = apiHandler(partnerRoutes.searchPartnerTypes, async ({ body }) => searchPartnerTypes(body));
