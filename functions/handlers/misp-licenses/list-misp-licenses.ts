import { mispLicenseDeps } from '../../adapters/wiring.js';
import { listMispLicenses } from '../../domain/misp-licenses/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { mispLicenseRoutes } from '../../routes/misp-license-routes.js';

export const handler = apiHandler(mispLicenseRoutes.listMispLicenses, ({ caller }) => listMispLicenses(mispLicenseDeps(), caller));
