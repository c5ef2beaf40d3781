import { deviceDeps } from '../../adapters/wiring.js';
import { sbiFilterValues } from '../../domain/devices/legacy-sbi-search.js';
import { apiHandler } from '../../http/api-handler.js';
import { legacyDeviceRoutes } from '../../routes/legacy-device-routes.js';

export const handler = apiHandler(legacyDeviceRoutes.sbiFilterValues, ({ caller, body }) => sbiFilterValues(deviceDeps(), caller, body));
