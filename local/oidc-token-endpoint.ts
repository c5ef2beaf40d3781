import { createHash, timingSafeEqual } from 'node:crypto';
import { LOCAL_CLIENT_ID, LOCAL_TOKEN_LIFETIME_SECONDS, type LocalIssuer } from './issuer.js';
import type { LocalUser } from './oidc-profile.js';
import type { SingleUseStore } from './oidc-single-use.js';

/** What an authorization code stands for, fixed when the user signed in. */
export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  nonce?: string;
  user: LocalUser;
}

export interface TokenEndpointRequest {
  contentType: string | undefined;
  authorization: string | undefined;
  /** The form body; undefined when it was too large to read. */
  body: string | undefined;
}

export interface EndpointResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface TokenEndpointPorts {
  issuer: LocalIssuer;
  clientSecret: string;
  codes: SingleUseStore<CodeGrant>;
}

// RFC 7636 §4.1: 43 to 128 unreserved characters.
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/**
 * The authorization-code grant (RFC 6749 §4.1.3, PKCE RFC 7636 §4.6), refused with §5.2's errors. The code is taken
 * (so it can never be used again) only once the client is authenticated and the request is complete, and before
 * anything about it is compared.
 */
export async function exchangeCode(request: TokenEndpointRequest, ports: TokenEndpointPorts): Promise<EndpointResponse> {
  if (request.body === undefined) return refusal(400, 'invalid_request', 'the request is too large');
  if (request.contentType?.split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded') {
    return refusal(400, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(request.body);
  const repeated = [...new Set(form.keys())].find((name) => form.getAll(name).length > 1);
  if (repeated) return refusal(400, 'invalid_request', `${repeated} is given more than once`);

  const client = authenticatedClient(form, request.authorization, ports.clientSecret);
  if (client.refusal) return client.refusal;

  const grantType = form.get('grant_type');
  if (!grantType) return refusal(400, 'invalid_request', 'grant_type is required');
  if (grantType !== 'authorization_code') return refusal(400, 'unsupported_grant_type', 'only authorization_code is supported');
  const code = form.get('code');
  const redirectUri = form.get('redirect_uri');
  const verifier = form.get('code_verifier');
  if (!code || !redirectUri) return refusal(400, 'invalid_request', 'code and redirect_uri are required');
  if (!verifier || !CODE_VERIFIER.test(verifier)) return refusal(400, 'invalid_request', 'code_verifier is required: 43 to 128 unreserved characters');

  const grant = ports.codes.take(code);
  if (!grant || grant.clientId !== client.id) return refusal(400, 'invalid_grant', 'the code is unknown, expired or already used');
  if (grant.redirectUri !== redirectUri) return refusal(400, 'invalid_grant', 'redirect_uri differs from the authorization request’s');
  if (!sameText(s256(verifier), grant.codeChallenge)) return refusal(400, 'invalid_grant', 'code_verifier does not match the code_challenge');

  const { roles, ...profile } = grant.user;
  const accessToken = await ports.issuer.mintToken({ ...profile, roles, scope: grant.scope, expiresInSeconds: LOCAL_TOKEN_LIFETIME_SECONDS });
  const idToken = await ports.issuer.mintIdToken({ ...profile, ...(grant.nonce === undefined ? {} : { nonce: grant.nonce }) });
  return {
    status: 200,
    headers: { 'content-type': 'application/json', ...NO_STORE },
    body: JSON.stringify({ access_token: accessToken, token_type: 'Bearer', expires_in: LOCAL_TOKEN_LIFETIME_SECONDS, id_token: idToken, scope: grant.scope }),
  };
}

type ClientCheck = { id: string; refusal?: undefined } | { refusal: EndpointResponse };

/** client_secret_basic (RFC 6749 §2.3.1: both parts form-encoded) or client_secret_post, never both. */
function authenticatedClient(form: URLSearchParams, authorization: string | undefined, secret: string): ClientCheck {
  const basic = authorization?.match(/^basic\s+(\S+)$/i)?.[1];
  if (authorization !== undefined && basic === undefined) return { refusal: unauthenticated('only Basic client authentication is accepted in Authorization') };
  if (basic !== undefined && form.has('client_secret')) {
    return { refusal: refusal(400, 'invalid_request', 'use one client authentication method, not client_secret_basic and client_secret_post') };
  }
  const presented = basic === undefined ? postedCredentials(form) : basicCredentials(basic);
  if (!presented) return { refusal: unauthenticated('client authentication is required') };
  const bodyClientId = form.get('client_id');
  const known = presented.id === LOCAL_CLIENT_ID && (bodyClientId === null || bodyClientId === presented.id) && sameText(presented.secret, secret);
  return known ? { id: presented.id } : { refusal: unauthenticated('the client is unknown or its secret is wrong') };
}

function postedCredentials(form: URLSearchParams): { id: string; secret: string } | undefined {
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? { id, secret } : undefined;
}

function basicCredentials(encoded: string): { id: string; secret: string } | undefined {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    const formDecode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
    return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** Compared in constant time, over digests so that the lengths do not tell either. */
function sameText(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function unauthenticated(description: string): EndpointResponse {
  const response = refusal(401, 'invalid_client', description);
  return { ...response, headers: { ...response.headers, 'www-authenticate': 'Basic realm="mosip"' } };
}

function refusal(status: 400 | 401, error: string, description: string): EndpointResponse {
  return { status, headers: { 'content-type': 'application/json', ...NO_STORE }, body: JSON.stringify({ error, error_description: description }) };
}
