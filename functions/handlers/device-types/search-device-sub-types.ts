import { deviceTypeQueryDeps } from '../../adapters/wiring.js';
import { searchDeviceSubTypes } from '../../domain/device-types/queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { deviceTypeRoutes } from '../../routes/device-type-routes.js';

export const handler = apiHandler(deviceTypeRoutes.searchDeviceSubTypes, ({ body }) => searchDeviceSubTypes(deviceTypeQueryDeps(), body));
