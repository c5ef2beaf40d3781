import { deviceDeps } from '../../adapters/wiring.js';
import { updateSbiLegacy } from '../../domain/devices/legacy-sbi-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { legacyDeviceRoutes } from '../../routes/legacy-device-routes.js';

export const handler = apiHandler(legacyDeviceRoutes.updateSbi, ({ caller, body }) => updateSbiLegacy(deviceDeps(), caller, body));
