import { policyDeps } from '../../adapters/wiring.js';
import { getPolicyForPartner } from '../../domain/policies/queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRoutes } from '../../routes/policy-routes.js';

export const handler = apiHandler(policyRoutes.getPolicyForPartner, ({ params }) => getPolicyForPartner(policyDeps(), params.policyId!, params.partnerId!));
