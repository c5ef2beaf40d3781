import { LOCAL_CLIENT_ID } from './issuer.js';
import { isLocalLoginRedirect } from './oidc-redirects.js';

/** The scopes the local realm knows; another is refused as Keycloak refuses a scope its client lacks. */
export const SUPPORTED_SCOPES = ['openid', 'profile', 'email'] as const;

/** A checked authorization-code request with PKCE S256. */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  scope: string;
  codeChallenge: string;
  nonce?: string;
  /** OpenID Connect's hint of who is signing in: the form pre-fills that remembered user. */
  loginHint?: string;
}

export type AuthorizationCheck =
  | { kind: 'valid'; request: AuthorizationRequest }
  /** Unknown client or redirect URI: the user is told, and never sent anywhere (RFC 6749 §4.1.2.1). */
  | { kind: 'untrusted'; reason: string }
  /** Any other fault goes back to the client's (checked) redirect URI. */
  | { kind: 'refused'; location: string };

// RFC 6749 Appendix A: state and nonce are VSCHARs, a scope token NQCHARs; RFC 7636 §4.2: an S256 challenge is 43 base64url characters.
const VISIBLE_TEXT = /^[\x20-\x7e]{1,512}$/;
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const USER_NAME = /^[a-zA-Z0-9._-]{1,64}$/;

/** Checks every parameter before anything is shown or remembered: the client and redirect URI first, as only a trusted URI may receive an error. */
export function checkAuthorizationRequest(params: URLSearchParams, apiPort: number): AuthorizationCheck {
  const clientId = single(params, 'client_id');
  if (clientId !== LOCAL_CLIENT_ID) return { kind: 'untrusted', reason: `client_id must be ${LOCAL_CLIENT_ID}, given once.` };
  const redirectUri = single(params, 'redirect_uri');
  if (redirectUri === undefined || !isLocalLoginRedirect(redirectUri, apiPort)) {
    return { kind: 'untrusted', reason: 'redirect_uri must be, given once, a URL under the local API’s /v1/partnermanager/login-redirect/.' };
  }

  const stateValue = single(params, 'state');
  const state = stateValue !== undefined && isVisibleText(stateValue) ? stateValue : undefined;
  const refuse = (error: string, description: string): AuthorizationCheck => ({
    kind: 'refused',
    location: withParameters(redirectUri, { error, error_description: description, ...(state === undefined ? {} : { state }) }),
  });
  const repeated = [...new Set(params.keys())].find((name) => KNOWN_PARAMETERS.has(name) && params.getAll(name).length > 1);
  if (repeated) return refuse('invalid_request', `${repeated} is given more than once`);
  if (state === undefined) return refuse('invalid_request', 'state is required: up to 512 visible ASCII characters');

  const responseType = params.get('response_type');
  if (!responseType) return refuse('invalid_request', 'response_type is required');
  if (responseType !== 'code') return refuse('unsupported_response_type', 'only response_type=code is supported');
  const responseMode = params.get('response_mode');
  if (responseMode !== null && responseMode !== 'query') return refuse('invalid_request', 'only response_mode=query is supported');

  const scope = params.get('scope');
  if (!scope) return refuse('invalid_request', 'scope is required');
  const scopes = scope.split(' ');
  if (!scopes.every((token) => SCOPE_TOKEN.test(token))) return refuse('invalid_request', 'scope must be scope tokens separated by single spaces');
  if (!scopes.includes('openid')) return refuse('invalid_scope', 'scope must include openid');
  const unknown = scopes.find((token) => !(SUPPORTED_SCOPES as readonly string[]).includes(token));
  if (unknown) return refuse('invalid_scope', `scope ${unknown} is not known here`);

  if (params.get('code_challenge_method') !== 'S256') return refuse('invalid_request', 'PKCE is required: code_challenge_method=S256');
  const codeChallenge = params.get('code_challenge');
  if (!codeChallenge || !S256_CHALLENGE.test(codeChallenge)) return refuse('invalid_request', 'code_challenge must be a base64url SHA-256 (43 characters)');

  const nonce = params.get('nonce');
  if (nonce !== null && !isVisibleText(nonce)) return refuse('invalid_request', 'nonce must be up to 512 visible ASCII characters');
  const loginHint = params.get('login_hint');
  if (loginHint !== null && !USER_NAME.test(loginHint)) return refuse('invalid_request', 'login_hint must be a user name');

  return {
    kind: 'valid',
    request: {
      clientId,
      redirectUri,
      state,
      scope: [...new Set(scopes)].join(' '),
      codeChallenge,
      ...(nonce === null ? {} : { nonce }),
      ...(loginHint === null ? {} : { loginHint }),
    },
  };
}

/** RFC 6749 Appendix A's VSCHARs, as state (and nonce) must be; bounded, since they travel in URLs. */
export function isVisibleText(value: string): boolean {
  return VISIBLE_TEXT.test(value);
}

/** The parameters the login form carries in hidden fields, to be checked again when it comes back. */
export function formParametersOf(request: AuthorizationRequest): Record<string, string> {
  return {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    state: request.state,
    scope: request.scope,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
  };
}

/** The redirect URI with the response's parameters added to whatever query it already has. */
export function withParameters(uri: string, parameters: Record<string, string>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(parameters)) url.searchParams.append(name, value);
  return url.href;
}

const KNOWN_PARAMETERS = new Set([
  'response_type',
  'response_mode',
  'client_id',
  'redirect_uri',
  'state',
  'scope',
  'code_challenge',
  'code_challenge_method',
  'nonce',
  'login_hint',
]);

function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}
