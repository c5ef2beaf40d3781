import { oidcClientDeps } from '../../adapters/oidc-client-wiring.js';
import { createClient } from '../../domain/oidc-clients/client-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { oidcClientRoutes } from '../../routes/oidc-client-routes.js';

export const handler = apiHandler(oidcClientRoutes.createOidcClient, ({ caller, body }) => createClient(oidcClientDeps(), caller, body, 'oidc'));
