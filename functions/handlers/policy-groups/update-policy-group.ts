import { apiHandler } from '../../http/api-handler.js';
import { policyGroupRoutes } from '../../routes/policy-group-routes.js';
import { updatePolicyGroup } from '../../domain/policy-groups/commands.js';
import { policyGroupDeps } from '../../adapters/wiring.js';

export const handler = apiHandler(policyGroupRoutes.updatePolicyGroup, ({ principal, body, params }) =>
  updatePolicyGroup(policyGroupDeps(), principal.userId, params.policygroupId!, body),
);
