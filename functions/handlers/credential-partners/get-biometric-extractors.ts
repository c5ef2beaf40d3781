import { credentialPartnerDeps } from '../../adapters/wiring.js';
import { getBiometricExtractors } from '../../domain/credential-partners/queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { credentialPartnerRoutes } from '../../routes/credential-partner-routes.js';

export const handler = apiHandler(credentialPartnerRoutes.getBiometricExtractors, ({ caller, params }) =>
  getBiometricExtractors(credentialPartnerDeps(), caller, params.partnerId!, params.policyId!),
);
