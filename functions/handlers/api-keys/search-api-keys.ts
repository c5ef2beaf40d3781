import { apiKeyDeps } from '../../adapters/wiring.js';
import { searchApiKeys } from '../../domain/api-keys/legacy-search.js';
import { apiHandler } from '../../http/api-handler.js';
import { apiKeyRoutes } from '../../routes/api-key-routes.js';

export const handler = apiHandler(apiKeyRoutes.searchApiKeys, ({ caller, body }) => searchApiKeys(apiKeyDeps(), caller, body));
