import { deviceDeps } from '../../adapters/wiring.js';
import { decideSbi } from '../../domain/devices/sbi-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { deviceRoutes } from '../../routes/device-routes.js';

export const handler = apiHandler(deviceRoutes.decideSbi, ({ caller, body }) => decideSbi(deviceDeps(), caller, body));
