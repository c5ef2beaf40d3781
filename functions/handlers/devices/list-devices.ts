import { deviceDeps } from '../../adapters/wiring.js';
import { listDevices } from '../../domain/devices/device-list.js';
import { apiHandler } from '../../http/api-handler.js';
import { deviceRoutes } from '../../routes/device-routes.js';

export const handler = apiHandler(deviceRoutes.listDevices, ({ query }) => listDevices(deviceDeps(), query));
