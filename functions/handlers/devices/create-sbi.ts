import { deviceDeps } from '../../adapters/wiring.js';
import { createSbi } from '../../domain/devices/sbi-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { deviceRoutes } from '../../routes/device-routes.js';

export const handler = apiHandler(deviceRoutes.createSbi, ({ caller, body }) => createSbi(deviceDeps(), caller, body));
