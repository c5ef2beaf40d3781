import { policyRequestDeps } from '../../adapters/wiring.js';
import { decidePolicyRequest } from '../../domain/policy-requests/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRequestRoutes } from '../../routes/policy-request-routes.js';

export const handler = apiHandler(policyRequestRoutes.decidePolicyRequest, ({ caller, body, params }) =>
  decidePolicyRequest(policyRequestDeps(), caller, params.mappingkey!, body.status),
);
