import { deviceDeps } from '../../adapters/wiring.js';
import { deviceFilterValues } from '../../domain/devices/legacy-device-search.js';
import { apiHandler } from '../../http/api-handler.js';
import { legacyDeviceRoutes } from '../../routes/legacy-device-routes.js';

export const handler = apiHandler(legacyDeviceRoutes.deviceFilterValues, ({ caller, body }) => deviceFilterValues(deviceDeps(), caller, body));
