import { deviceDeps } from '../../adapters/wiring.js';
import { decideDevice } from '../../domain/devices/device-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { deviceRoutes } from '../../routes/device-routes.js';

export const handler = apiHandler(deviceRoutes.decideDevice, ({ caller, params, body }) => decideDevice(deviceDeps(), caller, params.id!, body));
