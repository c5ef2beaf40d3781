import { apiKeyDeps } from '../../adapters/wiring.js';
import { policyOfApiKey } from '../../domain/api-keys/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { apiKeyRoutes } from '../../routes/api-key-routes.js';

export const handler = apiHandler(apiKeyRoutes.getApiKeyPolicy, ({ params }) => policyOfApiKey(apiKeyDeps(), params.partnerId!, params.apikey!));
