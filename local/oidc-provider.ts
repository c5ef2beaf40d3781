import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwksUriOf } from '../functions/auth/issuers.js';
import { type Clock, systemClock } from '../functions/domain/ports.js';
import { LOCAL_CLIENT_ID, type LocalIssuer } from './issuer.js';
import {
  type AuthorizationRequest,
  checkAuthorizationRequest,
  formParametersOf,
  isVisibleText,
  SUPPORTED_SCOPES,
  withParameters,
} from './oidc-authorization-request.js';
import { errorPage, loginFormPage, PAGE_HEADERS, signedOutPage } from './oidc-pages.js';
import { draftOf, type FieldErrors, type LocalUserDraft, localUserFromForm } from './oidc-profile.js';
import { isLocalLogoutRedirect } from './oidc-redirects.js';
import { singleUseStore } from './oidc-single-use.js';
import { type CodeGrant, type EndpointResponse, exchangeCode } from './oidc-token-endpoint.js';
import { rememberedUsers } from './oidc-users.js';

export interface AuthorizationServerOptions {
  /** The local API's port: the only place a login or logout may send the browser back to. */
  apiPort: number;
  clientSecret: string;
  /** Where the users who signed in are remembered. */
  dataDir: string;
  clock?: Clock;
}

export interface OidcProvider {
  serves(path: string): boolean;
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void>;
}

const CODE_LIFETIME_MS = 60_000;
const FORM_LIFETIME_MS = 10 * 60_000;
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The Keycloak-shaped issuer as a development OpenID provider: discovery, a login form instead of passwords, the
 * authorization-code flow with PKCE S256 for the one local client, and an end-session endpoint with nothing to end.
 */
export function createOidcProvider(issuer: LocalIssuer, options: AuthorizationServerOptions): OidcProvider {
  const config = issuer.configs.find((c) => c.flavor === 'keycloak')!;
  const endpoints = {
    discovery: `${config.issuer}/.well-known/openid-configuration`,
    authorization: `${config.issuer}/protocol/openid-connect/auth`,
    token: `${config.issuer}/protocol/openid-connect/token`,
    endSession: `${config.issuer}/protocol/openid-connect/logout`,
  };
  const discovery = JSON.stringify({
    issuer: config.issuer,
    authorization_endpoint: endpoints.authorization,
    token_endpoint: endpoints.token,
    end_session_endpoint: endpoints.endSession,
    jwks_uri: jwksUriOf(config),
    scopes_supported: SUPPORTED_SCOPES,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    id_token_signing_alg_values_supported: ['RS256'],
  });
  const clock = options.clock ?? systemClock;
  const codes = singleUseStore<CodeGrant>(CODE_LIFETIME_MS, clock);
  // Each form shown gets a value bound to its request; a page elsewhere cannot read it, so cannot post the form.
  const formTokens = singleUseStore<string>(FORM_LIFETIME_MS, clock);
  const users = rememberedUsers(options.dataDir);

  async function showForm(request: AuthorizationRequest, draft: LocalUserDraft, errors: FieldErrors = {}, notice?: string): Promise<EndpointResponse> {
    const parameters = formParametersOf(request);
    const remembered = (await users.list()).map(({ user }) => ({
      user,
      href: `${endpoints.authorization}?${new URLSearchParams({ ...parameters, login_hint: user })}`,
    }));
    const view = {
      action: endpoints.authorization,
      hidden: { ...parameters, form_token: formTokens.issue(JSON.stringify(parameters)) },
      draft,
      errors,
      remembered,
      ...(notice ? { notice } : {}),
    };
    return { status: Object.keys(errors).length || notice ? 400 : 200, headers: PAGE_HEADERS, body: loginFormPage(view) };
  }

  async function authorize(params: URLSearchParams, submitted: boolean): Promise<EndpointResponse> {
    const check = checkAuthorizationRequest(params, options.apiPort);
    if (check.kind === 'untrusted') return { status: 400, headers: PAGE_HEADERS, body: errorPage('Sign-in refused', check.reason) };
    if (check.kind === 'refused') return redirect(check.location);
    const { request } = check;
    if (!submitted) {
      // Only a named user is pre-filled: a form filled with the last user's roles would hand them to whoever is typed in.
      const hint = request.loginHint;
      const prefill = hint === undefined ? undefined : (await users.list()).find((entry) => entry.user === hint);
      return showForm(request, prefill ? draftOf(prefill) : { roles: [], ...(hint === undefined ? {} : { user: hint }) });
    }
    const entered = localUserFromForm(params);
    const draft = 'user' in entered ? draftOf(entered.user) : entered.draft;
    const formToken = params.getAll('form_token');
    if (formToken.length !== 1 || formTokens.take(formToken[0]!) !== JSON.stringify(formParametersOf(request))) {
      return showForm(request, draft, {}, 'This form has expired or was sent already: check the values and sign in again.');
    }
    if (!('user' in entered)) return showForm(request, draft, entered.errors);
    await users.remember(entered.user);
    const code = codes.issue({
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      scope: request.scope,
      ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
      user: entered.user,
    });
    return redirect(withParameters(request.redirectUri, { code, state: request.state }));
  }

  function endSession(params: URLSearchParams): EndpointResponse {
    const target = params.get('post_logout_redirect_uri');
    const clientId = params.get('client_id');
    const state = params.get('state');
    const repeated = ['post_logout_redirect_uri', 'client_id', 'state'].some((name) => params.getAll(name).length > 1);
    if (
      target !== null &&
      !repeated &&
      isLocalLogoutRedirect(target, options.apiPort) &&
      (clientId === null || clientId === LOCAL_CLIENT_ID) &&
      (state === null || isVisibleText(state))
    ) {
      return redirect(state === null ? target : withParameters(target, { state }));
    }
    const note = target === null ? undefined : 'The address to return to was not followed: only the local API and the portal it serves are allowed.';
    return { status: 200, headers: PAGE_HEADERS, body: signedOutPage(note) };
  }

  const routes: Record<string, Partial<Record<string, (request: IncomingMessage, url: URL) => Promise<EndpointResponse> | EndpointResponse>>> = {
    [new URL(endpoints.discovery).pathname]: {
      GET: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: discovery }),
    },
    [new URL(endpoints.authorization).pathname]: {
      GET: (_request, url) => authorize(url.searchParams, false),
      POST: async (request) => {
        const form = await readForm(request);
        if (typeof form === 'string')
          return { status: form === 'too large' ? 413 : 400, headers: PAGE_HEADERS, body: errorPage('Sign-in refused', `The form is ${form}.`) };
        return authorize(form, true);
      },
    },
    [new URL(endpoints.token).pathname]: {
      POST: async (request) =>
        exchangeCode(
          { contentType: request.headers['content-type'], authorization: request.headers.authorization, body: await readBody(request) },
          { issuer, clientSecret: options.clientSecret, codes },
        ),
    },
    [new URL(endpoints.endSession).pathname]: {
      GET: (_request, url) => endSession(url.searchParams),
    },
  };

  return {
    serves: (path) => path in routes,
    async handle(request, response, url) {
      const methods = routes[url.pathname]!;
      const handler = methods[request.method ?? ''];
      const answer: EndpointResponse = handler
        ? await handler(request, url)
        : { status: 405, headers: { allow: Object.keys(methods).join(', '), 'content-type': 'application/json' }, body: '{"error":"method not allowed"}' };
      response.writeHead(answer.status, answer.headers).end(answer.body);
    },
  };
}

function redirect(location: string): EndpointResponse {
  return { status: 302, headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }, body: '' };
}

/** The login form's fields, or why there are none. */
async function readForm(request: IncomingMessage): Promise<URLSearchParams | 'too large' | 'not form-encoded'> {
  const body = await readBody(request);
  if (body === undefined) return 'too large';
  if (request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded') return 'not form-encoded';
  return new URLSearchParams(body);
}

/** The body as text, or undefined beyond MAX_BODY_BYTES (read to the end all the same, so the answer reaches the client). */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : undefined;
}
