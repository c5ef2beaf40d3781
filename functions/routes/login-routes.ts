import { loginQuery, loginRedirectQuery, logoutQuery } from '../schemas/login.js';
import { defineRoute } from './route.js';

const entry = (file: string) => `functions/handlers/login/${file}.ts`;

/**
 * MOSIP's authorization-code proxy on the partner manager (mosip-openid-bridge LoginController), which MOSIP's partner
 * portal logs in through. `{redirectURI+}` takes the rest of the path: the portal's base64 URL may contain `/`.
 */
export const loginRoutes = {
  login: defineRoute({
    operationId: 'login',
    summary: "Start a browser login at the identity provider; the portal's URL is base64 in the path",
    domain: 'platform',
    service: 'partnermanager',
    method: 'GET',
    tableAccess: 'none',
    path: '/login/{redirectURI+}',
    access: 'PUBLIC',
    envelope: 'V1',
    query: loginQuery,
    login: { clientSecret: false },
    entry: entry('login'),
  }),
  loginRedirect: defineRoute({
    operationId: 'loginRedirect',
    summary: "The identity provider's answer: exchange the code, set the Authorization cookie, return to the portal",
    domain: 'platform',
    service: 'partnermanager',
    method: 'GET',
    tableAccess: 'none',
    path: '/login-redirect/{redirectURI+}',
    access: 'PUBLIC',
    envelope: 'V1',
    query: loginRedirectQuery,
    login: { clientSecret: true },
    entry: entry('login-redirect'),
  }),
  validateToken: defineRoute({
    operationId: 'validateToken',
    summary: 'The signed-in user, their roles and token, as MOSIP answers it (the portal route guard)',
    domain: 'platform',
    service: 'partnermanager',
    method: 'GET',
    tableAccess: 'none',
    path: '/authorize/admin/validateToken',
    access: 'AUTHENTICATED',
    envelope: 'V1',
    entry: entry('validate-token'),
  }),
  logoutUser: defineRoute({
    operationId: 'logoutUser',
    summary: 'Sign out: expire the Authorization cookie and end the identity-provider session',
    domain: 'platform',
    service: 'partnermanager',
    method: 'GET',
    tableAccess: 'none',
    path: '/logout/user',
    access: 'PUBLIC',
    envelope: 'V1',
    query: logoutQuery,
    login: { clientSecret: false },
    entry: entry('logout-user'),
  }),
};
