import { deviceDeps } from '../../adapters/wiring.js';
import { createDeviceLegacy } from '../../domain/devices/legacy-device-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { legacyDeviceRoutes } from '../../routes/legacy-device-routes.js';

export const handler = apiHandler(legacyDeviceRoutes.createDevice, ({ caller, body }) => createDeviceLegacy(deviceDeps(), caller, body));
