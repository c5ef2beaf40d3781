import { policyGroupDeps } from '../../adapters/wiring.js';
import { updatePolicyGroup } from '../../domain/policy-groups/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyGroupRoutes } from '../../routes/policy-group-routes.js';

export const handler = apiHandler(policyGroupRoutes.updatePolicyGroup, ({ principal, body, params }) =>
  updatePolicyGroup(policyGroupDeps(), principal.userId, params.policygroupId!, body),
);
