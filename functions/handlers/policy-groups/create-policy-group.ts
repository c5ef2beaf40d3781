import { policyGroupDeps } from '../../adapters/wiring.js';
import { createPolicyGroup } from '../../domain/policy-groups/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyGroupRoutes } from '../../routes/policy-group-routes.js';

export const handler = apiHandler(policyGroupRoutes.createPolicyGroup, ({ principal, body }) => createPolicyGroup(policyGroupDeps(), principal.userId, body));
