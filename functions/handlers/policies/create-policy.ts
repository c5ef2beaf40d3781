import { policyDeps } from '../../adapters/wiring.js';
import { createPolicy } from '../../domain/policies/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { policyRoutes } from '../../routes/policy-routes.js';

export const handler = apiHandler(policyRoutes.createPolicy, ({ principal, body }) => createPolicy(policyDeps(), principal.userId, body));
