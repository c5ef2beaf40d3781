import { deviceDeps } from '../../adapters/wiring.js';
import { deactivateDevice } from '../../domain/devices/device-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { deviceRoutes } from '../../routes/device-routes.js';

export const handler = apiHandler(deviceRoutes.deactivateDevice, ({ caller, params, body }) => deactivateDevice(deviceDeps(), caller, params.deviceId!, body));
