import { deviceDeps } from '../../adapters/wiring.js';
import { updateDeviceLegacy } from '../../domain/devices/legacy-device-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { legacyDeviceRoutes } from '../../routes/legacy-device-routes.js';

export const handler = apiHandler(legacyDeviceRoutes.updateDevice, ({ caller, body }) => updateDeviceLegacy(deviceDeps(), caller, body));
