import { apiHandler } from '../../http/api-handler.js';
import { mispLicenseRoutes } from '../../routes/misp-license-routes.js';
import { generateMispLicense } from '../../domain/misp-licenses/commands.js';
import { mispLicenseDeps } from '../../adapters/wiring.js';

export const handler = apiHandler(mispLicenseRoutes.generateMispLicense, ({ caller, body }) => generateMispLicense(mispLicenseDeps(), caller, body));
