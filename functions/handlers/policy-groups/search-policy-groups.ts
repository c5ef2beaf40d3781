import { apiHandler } from '../../http/api-handler.js';
import { policyGroupRoutes } from '../../routes/policy-group-routes.js';
import { searchPolicyGroups } from '../../domain/policy-groups/queries.js';
import { policyGroupDeps } from '../../adapters/wiring.js';

export const handler = apiHandler(policyGroupRoutes.searchPolicyGroups, ({ body }) => searchPolicyGroups(policyGroupDeps().groups, body));
