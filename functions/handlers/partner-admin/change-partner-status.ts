import { apiKeyDeps, mispLicenseDeps, partnerDeps, policyDeps } from '../../adapters/wiring.js';
import { changePartnerStatus } from '../../domain/partners/admin-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerAdminRoutes } from '../../routes/partner-admin-routes.js';

export const handler = apiHandler(partnerAdminRoutes.changePartnerStatus, ({ caller, params, body }) =>
  changePartnerStatus(
    { ...partnerDeps(), licenses: mispLicenseDeps().licenses, policies: policyDeps().policies, apiKeys: apiKeyDeps().apiKeys },
    caller,
    params.partnerId!,
    body.status,
  ),
);
