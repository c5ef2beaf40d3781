import { getUiConfigValue } from '../../domain/policies/queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRoutes } from '../../routes/policy-routes.js';

export const handler = apiHandler(policyRoutes.getUiConfigValue, async ({ params }) => getUiConfigValue(params.key!));
