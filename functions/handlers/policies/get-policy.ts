import { policyDeps } from '../../adapters/wiring.js';
import { getPolicy } from '../../domain/policies/queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRoutes } from '../../routes/policy-routes.js';

export const handler = apiHandler(policyRoutes.getPolicy, ({ params }) => getPolicy(policyDeps(), params.policyId!));
