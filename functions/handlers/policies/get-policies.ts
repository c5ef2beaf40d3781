import { policyDeps } from '../../adapters/wiring.js';
import { getAllPolicies } from '../../domain/policies/queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRoutes } from '../../routes/policy-routes.js';

export const handler = apiHandler(policyRoutes.getPolicies, () => getAllPolicies(policyDeps()));
