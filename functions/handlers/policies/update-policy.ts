import { policyDeps } from '../../adapters/wiring.js';
import { updatePolicy } from '../../domain/policies/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRoutes } from '../../routes/policy-routes.js';

export const handler = apiHandler(policyRoutes.updatePolicy, ({ principal, body, params }) =>
  updatePolicy(policyDeps(), principal.userId, params.policyId!, body),
);
