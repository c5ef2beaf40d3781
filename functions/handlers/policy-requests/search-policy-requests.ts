import { policyRequestListDeps } from '../../adapters/wiring.js';
import { searchPolicyRequests } from '../../domain/policy-requests/legacy-search.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRequestRoutes } from '../../routes/policy-request-routes.js';

export const handler = apiHandler(policyRequestRoutes.searchPolicyRequests, ({ caller, body }) => searchPolicyRequests(policyRequestListDeps(), caller, body));
