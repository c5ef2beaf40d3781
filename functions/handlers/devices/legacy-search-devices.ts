import { deviceDeps } from '../../adapters/wiring.js';
import { searchDevicesLegacy } from '../../domain/devices/legacy-device-search.js';
import { apiHandler } from '../../http/api-handler.js';
import { legacyDeviceRoutes } from '../../routes/legacy-device-routes.js';

export const handler = apiHandler(legacyDeviceRoutes.searchDevices, ({ caller, body }) => searchDevicesLegacy(deviceDeps(), caller, body));
