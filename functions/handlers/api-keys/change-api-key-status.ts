import { apiKeyDeps } from '../../adapters/wiring.js';
import { changeApiKeyStatus } from '../../domain/api-keys/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { apiKeyRoutes } from '../../routes/api-key-routes.js';

export const handler = apiHandler(apiKeyRoutes.changeApiKeyStatus, ({ caller, body, params }) =>
  changeApiKeyStatus(apiKeyDeps(), caller, params.partnerId!, params.policyId!, body),
);
