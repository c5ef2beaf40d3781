import { deviceDeps } from '../../adapters/wiring.js';
import { decideDeviceLegacy } from '../../domain/devices/legacy-device-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { legacyDeviceRoutes } from '../../routes/legacy-device-routes.js';

export const handler = apiHandler(legacyDeviceRoutes.decideDeviceLegacy, ({ caller, body }) => decideDeviceLegacy(deviceDeps(), caller, body));
