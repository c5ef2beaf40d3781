import { mispLicenseDeps } from '../../adapters/wiring.js';
import { changeMispLicenseStatus } from '../../domain/misp-licenses/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { mispLicenseRoutes } from '../../routes/misp-license-routes.js';

export const handler = apiHandler(mispLicenseRoutes.changeMispLicenseStatus, ({ caller, body }) => changeMispLicenseStatus(mispLicenseDeps(), caller, body));
