import { policyDeps } from '../../adapters/wiring.js';
import { clonePolicy } from '../../domain/policies/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRoutes } from '../../routes/policy-routes.js';

export const handler = apiHandler(policyRoutes.clonePolicy, ({ principal, body, params }) =>
  clonePolicy(policyDeps(), principal.userId, params.policyId!, body),
);
