import { legacyRequestDeps } from '../../adapters/wiring.js';
import { allApiKeyRequests } from '../../domain/policy-requests/legacy-requests.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRequestRoutes } from '../../routes/policy-request-routes.js';

export const handler = apiHandler(policyRequestRoutes.listAllApiKeyRequests, () => allApiKeyRequests(legacyRequestDeps()));
