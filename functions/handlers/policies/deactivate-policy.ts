import { policyDeps } from '../../adapters/wiring.js';
import { deactivatePolicy } from '../../domain/policies/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRoutes } from '../../routes/policy-routes.js';

export const handler = apiHandler(policyRoutes.deactivatePolicy, ({ principal, body, params }) =>
  deactivatePolicy(policyDeps(), principal.userId, params.policyId!, body.status),
);
