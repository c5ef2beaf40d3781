import { policyRequestListDeps } from '../../adapters/wiring.js';
import { listPolicyRequests } from '../../domain/policy-requests/request-list-queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRequestRoutes } from '../../routes/policy-request-routes.js';

export const handler = apiHandler(policyRequestRoutes.listPolicyRequests, ({ caller, query }) => listPolicyRequests(policyRequestListDeps(), caller, query));
