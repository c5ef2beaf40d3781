import { policyDeps } from '../../adapters/wiring.js';
import { publishPolicy } from '../../domain/policies/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRoutes } from '../../routes/policy-routes.js';

export const handler = apiHandler(policyRoutes.publishPolicy, ({ principal, params }) =>
  publishPolicy(policyDeps(), principal.userId, params.policyId!, params.policygroupId!),
);
