import { mispLicenseDeps } from '../../adapters/wiring.js';
import { regenerateMispLicense } from '../../domain/misp-licenses/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { mispLicenseRoutes } from '../../routes/misp-license-routes.js';

export const handler = apiHandler(mispLicenseRoutes.regenerateMispLicense, ({ caller, params, query }) =>
  regenerateMispLicense(mispLicenseDeps(), caller, params.mispId!, query),
);
