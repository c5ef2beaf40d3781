import { apiHandler } from '../../http/api-handler.js';
import { policyRequestRoutes } from '../../routes/policy-request-routes.js';
import { requestPolicy } from '../../domain/policy-requests/commands.js';
import { policyRequestDeps } from '../../adapters/wiring.js';

export const handler = apiHandler(policyRequestRoutes.requestPolicy, ({ caller, body, params }) =>
  requestPolicy(policyRequestDeps(), caller, params.partnerId!, body),
);
