import { deviceTypeQueryDeps } from '../../adapters/wiring.js';
import { deviceTypeFilterValues } from '../../domain/device-types/queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { deviceTypeRoutes } from '../../routes/device-type-routes.js';

export const handler = apiHandler(deviceTypeRoutes.deviceTypeFilterValues, ({ body }) => deviceTypeFilterValues(deviceTypeQueryDeps(), body));
