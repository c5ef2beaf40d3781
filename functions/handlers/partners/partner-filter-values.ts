import { partnerRepository } from '../../adapters/wiring.js';
import { partnerFilterValues } from '../../domain/partners/partner-search.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerRoutes } from '../../routes/partner-routes.js';

export const handler = apiHandler(partnerRoutes.partnerFilterValues, ({ caller, body }) => partnerFilterValues(partnerRepository(), caller, body));
