import { loginDeps } from '../../adapters/login/login-wiring.js';
import { startLogin } from '../../domain/login/login-flow.js';
import { apiHandler } from '../../http/api-handler.js';
import { loginRoutes } from '../../routes/login-routes.js';

export const handler = apiHandler(loginRoutes.login, ({ params, query, cookies, origin, now }) =>
  startLogin(loginDeps(), { returnUrl: params.redirectURI, stateParam: query.state, cookies, origin, now }),
);
