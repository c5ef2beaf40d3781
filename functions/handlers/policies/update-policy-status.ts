import { policyDeps } from '../../adapters/wiring.js';
import { updatePolicyStatus } from '../../domain/policies/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRoutes } from '../../routes/policy-routes.js';

export const handler = apiHandler(policyRoutes.updatePolicyStatus, ({ body, params }) =>
  updatePolicyStatus(policyDeps(), params.policygroupId!, params.policyId!, body.status),
);
