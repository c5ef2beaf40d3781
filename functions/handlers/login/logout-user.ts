import { loginDeps } from '../../adapters/login/login-wiring.js';
import { logoutUser } from '../../domain/login/login-flow.js';
import { apiHandler } from '../../http/api-handler.js';
import { loginRoutes } from '../../routes/login-routes.js';

export const handler = apiHandler(loginRoutes.logoutUser, ({ query, cookies, origin, now }) =>
  logoutUser(loginDeps(), { returnUrl: query.redirecturi, cookies, origin, now }),
);
