import { oidcClientDeps } from '../../adapters/oidc-client-wiring.js';
import { updateClient } from '../../domain/oidc-clients/client-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { oidcClientRoutes } from '../../routes/oidc-client-routes.js';

export const handler = apiHandler(oidcClientRoutes.updateOauthClient, ({ caller, params, body }) =>
  updateClient(oidcClientDeps(), caller, params.clientId!, body, 'oauth'),
);
