import { deviceDeps } from '../../adapters/wiring.js';
import { mapDeviceToSbi } from '../../domain/devices/legacy-sbi-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { legacyDeviceRoutes } from '../../routes/legacy-device-routes.js';

export const handler = apiHandler(legacyDeviceRoutes.mapDeviceToSbi, ({ caller, body }) => mapDeviceToSbi(deviceDeps(), caller, body));
