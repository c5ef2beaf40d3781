import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { TOKEN_COOKIE } from '../../auth/token-source.js';
import { LOGIN_ERRORS } from '../../errors/login-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import { HttpReply, setCookie } from '../../http/http-reply.js';
import { SERVICE_PREFIXES } from '../../routes/route.js';
import { IdentityProviderRefusal, type LoginDeps } from './ports.js';
import { allowedReturnUrl } from './return-url.js';

/** `state` binds the login to this browser (MOSIP's name); the verifier is PKCE's. */
const STATE_COOKIE = 'state';
const VERIFIER_COOKIE = 'pkce_verifier';
const REDIRECT_PATH = `${SERVICE_PREFIXES.partnermanager}/login-redirect`;
/** How long a started login may take at the identity provider. */
const LOGIN_WINDOW_SECONDS = 600;
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface LoginRequest {
  /** MOSIP's `{redirectURI}`: the portal's URL, base64. */
  returnUrl: string | undefined;
  cookies: Record<string, string>;
  origin: string;
  now: Date;
}

/**
 * `GET /login/{redirectURI}` (LoginController#login): the state the portal chose (its cookie, else `?state=`, a
 * canonical UUID), the return URL checked against the allow-list before anything else happens, then a redirect to
 * the provider's authorization endpoint with PKCE (S256), the state and the PKCE verifier kept in HttpOnly cookies.
 */
export async function startLogin(deps: LoginDeps, request: LoginRequest & { stateParam: string | undefined }): Promise<HttpReply> {
  const state = request.cookies[STATE_COOKIE] || request.stateParam;
  if (!state) throw new PmsError(LOGIN_ERRORS.STATE_MISSING);
  if (!CANONICAL_UUID.test(state)) throw new PmsError(LOGIN_ERRORS.STATE_NOT_UUID);
  allowedReturnUrl(request.returnUrl, deps.settings.allowedUrls);
  const verifier = deps.newCodeVerifier();
  const authorization = new URL((await deps.provider.endpoints()).authorization);
  const query = {
    client_id: deps.settings.clientId,
    redirect_uri: redirectUri(deps, request),
    state,
    response_type: 'code',
    scope: deps.settings.scope,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(query)) authorization.searchParams.set(name, value);
  const secure = isHttps(deps, request);
  return HttpReply.redirect(authorization.toString(), [
    setCookie(STATE_COOKIE, state, { maxAgeSeconds: LOGIN_WINDOW_SECONDS, path: '/', secure }),
    setCookie(VERIFIER_COOKIE, verifier, { maxAgeSeconds: LOGIN_WINDOW_SECONDS, path: REDIRECT_PATH, secure }),
  ]);
}

/**
 * `GET /login-redirect/{redirectURI}` (LoginController#loginRedirect): the provider's answer. The return URL is
 * checked first; a provider error goes back to the portal as `?error=`; otherwise the state must be this browser's,
 * the code is exchanged with the PKCE verifier, and the access token must pass our own verification before it is
 * set as the `Authorization` cookie (HttpOnly, SameSite=Lax, Secure on https, for the token's remaining lifetime).
 */
export async function finishLogin(
  deps: LoginDeps,
  request: LoginRequest & { query: { state?: string | undefined; code?: string | undefined; error?: string | undefined } },
): Promise<HttpReply> {
  const returnUrl = allowedReturnUrl(request.returnUrl, deps.settings.allowedUrls);
  const secure = isHttps(deps, request);
  const spent = [expired(STATE_COOKIE, '/', secure), expired(VERIFIER_COOKIE, REDIRECT_PATH, secure)];
  const { state, code, error } = request.query;
  // MOSIP appends the error to the URL as it is, after any fragment, where the portal's hash router reads it.
  if (error) return HttpReply.redirect(`${returnUrl}?error=${encodeURIComponent(error)}`, spent);
  const verifier = request.cookies[VERIFIER_COOKIE];
  if (!state || request.cookies[STATE_COOKIE] !== state || !verifier) throw new PmsError(LOGIN_ERRORS.STATE_MISMATCH);
  if (!code) throw new PmsError(LOGIN_ERRORS.TOKEN_EXCHANGE_FAILED, ' code is missing');
  const { accessToken } = await deps.provider
    .exchangeCode({ code, redirectUri: redirectUri(deps, request), codeVerifier: verifier })
    .catch((cause: unknown) => {
      if (cause instanceof IdentityProviderRefusal) throw new PmsError(LOGIN_ERRORS.TOKEN_EXCHANGE_FAILED, ` ${cause.message}`);
      throw cause;
    });
  if (!(await deps.verifyToken(accessToken))) throw new PmsError(LOGIN_ERRORS.INVALID_TOKEN);
  const lifetime = (decodeJwt(accessToken).exp ?? 0) - request.now.getTime() / 1000;
  return HttpReply.redirect(returnUrl, [setCookie(TOKEN_COOKIE, accessToken, { maxAgeSeconds: lifetime, path: '/', secure }), ...spent]);
}

/**
 * `GET /logout/user?redirecturi=` (LoginController#logoutUser): the return URL must be allowed; the token cookie is
 * expired here (the browser never shows it to the provider), then the provider's end-session endpoint ends its own
 * session and sends the browser back, or, for a provider without one, the browser goes straight back.
 */
export async function logoutUser(deps: LoginDeps, request: LoginRequest): Promise<HttpReply> {
  const returnUrl = allowedReturnUrl(request.returnUrl, deps.settings.allowedUrls);
  const secure = isHttps(deps, request);
  const endSession = (await deps.provider.endpoints()).endSession;
  const location = endSession ? withQuery(withQuery(endSession, 'post_logout_redirect_uri', returnUrl), 'client_id', deps.settings.clientId) : returnUrl;
  return HttpReply.redirect(location, [expired(TOKEN_COOKIE, '/', secure), expired(STATE_COOKIE, '/', secure)]);
}

/** The provider sends the browser back here, to the same return URL segment (registered with the provider as a pattern). */
function redirectUri(deps: LoginDeps, request: LoginRequest): string {
  return `${publicOrigin(deps, request)}${REDIRECT_PATH}/${request.returnUrl}`;
}

function publicOrigin(deps: LoginDeps, request: LoginRequest): string {
  return (deps.settings.publicUrl ?? request.origin).replace(/\/+$/, '');
}

function isHttps(deps: LoginDeps, request: LoginRequest): boolean {
  return publicOrigin(deps, request).startsWith('https:');
}

function expired(name: string, path: string, secure: boolean): string {
  return setCookie(name, '', { maxAgeSeconds: 0, path, secure });
}

function withQuery(url: string, name: string, value: string): string {
  const target = new URL(url);
  target.searchParams.append(name, value);
  return target.toString();
}
