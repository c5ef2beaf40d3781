import { apiKeyDeps } from '../../adapters/wiring.js';
import { listApiKeys } from '../../domain/api-keys/list.js';
import { apiHandler } from '../../http/api-handler.js';
import { apiKeyRoutes } from '../../routes/api-key-routes.js';

export const handler = apiHandler(apiKeyRoutes.listApiKeys, ({ caller, query }) => listApiKeys(apiKeyDeps(), caller, query));
