import { loginDeps } from '../../adapters/login/login-wiring.js';
import { finishLogin } from '../../domain/login/login-flow.js';
import { apiHandler } from '../../http/api-handler.js';
import { loginRoutes } from '../../routes/login-routes.js';

export const handler = apiHandler(loginRoutes.loginRedirect, ({ params, query, cookies, origin, now }) =>
  finishLogin(loginDeps(), { returnUrl: params.redirectURI, query, cookies, origin, now }),
);
