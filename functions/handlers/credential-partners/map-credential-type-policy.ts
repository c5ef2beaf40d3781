import { credentialPartnerDeps } from '../../adapters/wiring.js';
import { mapCredentialTypePolicy } from '../../domain/credential-partners/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { credentialPartnerRoutes } from '../../routes/credential-partner-routes.js';

export const handler = apiHandler(credentialPartnerRoutes.mapCredentialTypePolicy, ({ caller, params }) =>
  mapCredentialTypePolicy(credentialPartnerDeps(), caller, params.partnerId!, params.credentialType!, params.policyName!),
);
