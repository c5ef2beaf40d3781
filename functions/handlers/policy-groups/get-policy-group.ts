import { policyGroupDeps } from '../../adapters/wiring.js';
import { getPolicyGroup } from '../../domain/policy-groups/queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyGroupRoutes } from '../../routes/policy-group-routes.js';

export const handler = apiHandler(policyGroupRoutes.getPolicyGroup, ({ params }) => getPolicyGroup(policyGroupDeps().groups, params.policygroupId!));
