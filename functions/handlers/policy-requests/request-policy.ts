import { policyRequestDeps } from '../../adapters/wiring.js';
import { requestPolicy } from '../../domain/policy-requests/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRequestRoutes } from '../../routes/policy-request-routes.js';

export const handler = apiHandler(policyRequestRoutes.requestPolicy, ({ caller, body, params }) =>
  requestPolicy(policyRequestDeps(), caller, params.partnerId!, body),
);
