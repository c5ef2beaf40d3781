import { deviceDeps } from '../../adapters/wiring.js';
import { devicesOfSbi } from '../../domain/devices/device-list.js';
import { apiHandler } from '../../http/api-handler.js';
import { deviceRoutes } from '../../routes/device-routes.js';

export const handler = apiHandler(deviceRoutes.listDevicesOfSbi, ({ caller, params }) => devicesOfSbi(deviceDeps(), caller, params.sbiId!));
