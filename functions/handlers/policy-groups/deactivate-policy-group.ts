import { policyGroupDeps } from '../../adapters/wiring.js';
import { deactivatePolicyGroup } from '../../domain/policy-groups/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyGroupRoutes } from '../../routes/policy-group-routes.js';

export const handler = apiHandler(policyGroupRoutes.deactivatePolicyGroup, ({ principal, body, params }) =>
  deactivatePolicyGroup(policyGroupDeps(), principal.userId, params.policygroupId!, body.status),
);
