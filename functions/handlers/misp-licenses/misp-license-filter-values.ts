import { mispLicenseDeps } from '../../adapters/wiring.js';
import { mispLicenseFilterValues } from '../../domain/misp-licenses/legacy-search.js';
import { apiHandler } from '../../http/api-handler.js';
import { mispLicenseRoutes } from '../../routes/misp-license-routes.js';

export const handler = apiHandler(mispLicenseRoutes.mispLicenseFilterValues, ({ caller, body }) => mispLicenseFilterValues(mispLicenseDeps(), caller, body));
