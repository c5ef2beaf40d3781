import { apiHandler } from '../../http/api-handler.js';
import { credentialPartnerRoutes } from '../../routes/credential-partner-routes.js';
import { getCredentialTypePolicy } from '../../domain/credential-partners/queries.js';
import { credentialPartnerDeps } from '../../adapters/wiring.js';

export const handler = apiHandler(credentialPartnerRoutes.getCredentialTypePolicy, ({ caller, params }) =>
  getCredentialTypePolicy(credentialPartnerDeps(), caller, params.partnerId!, params.credentialType!),
);
