import { apiKeyDeps } from '../../adapters/wiring.js';
import { repointApiKey } from '../../domain/api-keys/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { apiKeyRoutes } from '../../routes/api-key-routes.js';

export const handler = apiHandler(apiKeyRoutes.repointApiKey, ({ caller, body, params }) =>
  repointApiKey(apiKeyDeps(), caller, params.partnerId!, params.apikey!, body),
);
