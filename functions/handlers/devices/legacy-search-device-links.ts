import { deviceDeps } from '../../adapters/wiring.js';
import { searchDeviceSbiLinks } from '../../domain/devices/legacy-sbi-search.js';
import { apiHandler } from '../../http/api-handler.js';
import { legacyDeviceRoutes } from '../../routes/legacy-device-routes.js';

export const handler = apiHandler(legacyDeviceRoutes.searchDeviceSbiLinks, ({ caller, body }) => searchDeviceSbiLinks(deviceDeps(), caller, body));
