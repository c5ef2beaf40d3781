import { apiKeyDeps } from '../../adapters/wiring.js';
import { generateApiKey } from '../../domain/api-keys/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { apiKeyRoutes } from '../../routes/api-key-routes.js';

export const handler = apiHandler(apiKeyRoutes.generateApiKey, ({ caller, body, params }) => generateApiKey(apiKeyDeps(), caller, params.partnerId!, body));
