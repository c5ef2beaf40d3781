import { deviceDeps } from '../../adapters/wiring.js';
import { deactivateSbi } from '../../domain/devices/sbi-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { deviceRoutes } from '../../routes/device-routes.js';

export const handler = apiHandler(deviceRoutes.deactivateSbi, ({ caller, params, body }) => deactivateSbi(deviceDeps(), caller, params.sbiId!, body));
