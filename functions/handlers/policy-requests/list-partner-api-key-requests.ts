import { legacyRequestDeps } from '../../adapters/wiring.js';
import { apiKeyRequestsOfPartner } from '../../domain/policy-requests/legacy-requests.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRequestRoutes } from '../../routes/policy-request-routes.js';

export const handler = apiHandler(policyRequestRoutes.listPartnerApiKeyRequests, ({ caller, params }) =>
  apiKeyRequestsOfPartner(legacyRequestDeps(), caller, params.partnerId!),
);
