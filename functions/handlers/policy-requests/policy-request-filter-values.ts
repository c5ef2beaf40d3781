import { policyRequestListDeps } from '../../adapters/wiring.js';
import { policyRequestFilterValues } from '../../domain/policy-requests/legacy-search.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRequestRoutes } from '../../routes/policy-request-routes.js';

export const handler = apiHandler(policyRequestRoutes.policyRequestFilterValues, ({ caller, body }) =>
  policyRequestFilterValues(policyRequestListDeps(), caller, body),
);
