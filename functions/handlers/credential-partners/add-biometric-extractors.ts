import { credentialPartnerDeps } from '../../adapters/wiring.js';
import { addBiometricExtractors } from '../../domain/credential-partners/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { credentialPartnerRoutes } from '../../routes/credential-partner-routes.js';

export const handler = apiHandler(credentialPartnerRoutes.addBiometricExtractors, ({ caller, params, body }) =>
  addBiometricExtractors(credentialPartnerDeps(), caller, params.partnerId!, params.policyId!, body),
);
