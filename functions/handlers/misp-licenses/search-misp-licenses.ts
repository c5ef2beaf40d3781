import { mispLicenseDeps } from '../../adapters/wiring.js';
import { searchMispLicenses } from '../../domain/misp-licenses/legacy-search.js';
import { apiHandler } from '../../http/api-handler.js';
import { mispLicenseRoutes } from '../../routes/misp-license-routes.js';

export const handler = apiHandler(mispLicenseRoutes.searchMispLicenses, ({ caller, body }) => searchMispLicenses(mispLicenseDeps(), caller, body));
