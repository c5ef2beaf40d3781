import { apiHandler } from '../../http/api-handler.js';
import { policyGroupRoutes } from '../../routes/policy-group-routes.js';
import { deactivatePolicyGroup } from '../../domain/policy-groups/commands.js';
import { policyGroupDeps } from '../../adapters/wiring.js';

export const handler = apiHandler(policyGroupRoutes.deactivatePolicyGroup, ({ principal, body, params }) =>
  deactivatePolicyGroup(policyGroupDeps(), principal.userId, params.policygroupId!, body.status),
);
