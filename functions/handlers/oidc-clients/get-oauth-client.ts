import { oidcClientDeps } from '../../adapters/oidc-client-wiring.js';
import { getClient } from '../../domain/oidc-clients/client-queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { oidcClientRoutes } from '../../routes/oidc-client-routes.js';

export const handler = apiHandler(oidcClientRoutes.getOauthClient, ({ caller, params }) => getClient(oidcClientDeps(), caller, params.clientId!));
