import { mispLicenseDeps } from '../../adapters/wiring.js';
import { generateMispLicense } from '../../domain/misp-licenses/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { mispLicenseRoutes } from '../../routes/misp-license-routes.js';

export const handler = apiHandler(mispLicenseRoutes.generateMispLicense, ({ caller, body }) => generateMispLicense(mispLicenseDeps(), caller, body));
