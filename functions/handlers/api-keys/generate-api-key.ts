import { apiHandler } from '../../http/api-handler.js';
import { apiKeyRoutes } from '../../routes/api-key-routes.js';
import { generateApiKey } from '../../domain/api-keys/commands.js';
import { apiKeyDeps } from '../../adapters/wiring.js';

export const handler = apiHandler(apiKeyRoutes.generateApiKey, ({ caller, body, params }) => generateApiKey(apiKeyDeps(), caller, params.partnerId!, body));
