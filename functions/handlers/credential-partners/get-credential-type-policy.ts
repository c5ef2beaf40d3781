import { credentialPartnerDeps } from '../../adapters/wiring.js';
import { getCredentialTypePolicy } from '../../domain/credential-partners/queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { credentialPartnerRoutes } from '../../routes/credential-partner-routes.js';

export const handler = apiHandler(credentialPartnerRoutes.getCredentialTypePolicy, ({ caller, params }) =>
  getCredentialTypePolicy(credentialPartnerDeps(), caller, params.partnerId!, params.credentialType!),
);
