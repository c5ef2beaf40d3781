import { policyRequestListDeps } from '../../adapters/wiring.js';
import { partnersV3 } from '../../domain/policy-requests/partner-picker.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRequestRoutes } from '../../routes/policy-request-routes.js';

export const handler = apiHandler(policyRequestRoutes.partnersV3, ({ caller, query }) => partnersV3(policyRequestListDeps(), caller, query));
