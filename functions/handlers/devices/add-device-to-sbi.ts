import { deviceDeps } from '../../adapters/wiring.js';
import { addDeviceToSbi } from '../../domain/devices/device-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { deviceRoutes } from '../../routes/device-routes.js';

export const handler = apiHandler(deviceRoutes.addDeviceToSbi, ({ caller, params, body }) => addDeviceToSbi(deviceDeps(), caller, params.sbiId!, body));
