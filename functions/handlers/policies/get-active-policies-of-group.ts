import { policyDeps } from '../../adapters/wiring.js';
import { getActivePoliciesOfGroup } from '../../domain/policies/queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRoutes } from '../../routes/policy-routes.js';

export const handler = apiHandler(policyRoutes.getActivePoliciesOfGroup, ({ params }) => getActivePoliciesOfGroup(policyDeps(), params.groupName!));
