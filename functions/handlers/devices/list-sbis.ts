import { deviceDeps } from '../../adapters/wiring.js';
import { listSbis } from '../../domain/devices/sbi-list.js';
import { apiHandler } from '../../http/api-handler.js';
import { deviceRoutes } from '../../routes/device-routes.js';

export const handler = apiHandler(deviceRoutes.listSbis, ({ caller, query }) => listSbis(deviceDeps(), caller, query));
