import { createHash, randomUUID } from 'node:crypto';
import { type JWK, type JWTPayload, SignJWT } from 'jose';
import type { IssuerConfig } from '../functions/auth/issuers.js';
import type { Role } from '../functions/auth/roles.js';
import { localUrl } from './ports.js';
import { loadOrCreateSigningKey, TOKEN_ALGORITHM } from './signing-key.js';

/** The API's id in Keycloak-shaped tokens (an audience mapper's job in a real realm; never "account"). */
export const LOCAL_AUDIENCE = 'pms-api';
/** The app client that "requested" local tokens: Keycloak `azp`, Cognito `client_id`. */
export const LOCAL_CLIENT_ID = 'pms-local-client';
const DEFAULT_LIFETIME_SECONDS = 3600;

export type TokenFlavor = IssuerConfig['flavor'];

export interface TokenRequest {
  user: string;
  roles: readonly Role[];
  flavor?: TokenFlavor;
  email?: string;
  /** The token's `sub` (default: the same for every token of the user); another value is another person with that name. */
  subject?: string;
  /** Negative values give a token that is already expired. */
  expiresInSeconds?: number;
}

export interface LocalIssuer {
  /** What PMS_TOKEN_ISSUERS holds for the local stack: one Keycloak-shaped and one Cognito-shaped issuer. */
  configs: IssuerConfig[];
  jwks: { keys: JWK[] };
  mintToken(request: TokenRequest): Promise<string>;
}

export function localIssuerConfigs(port: number): IssuerConfig[] {
  const base = localUrl(port);
  return [
    { flavor: 'keycloak', issuer: `${base}/realms/mosip`, audience: LOCAL_AUDIENCE },
    { flavor: 'cognito', issuer: `${base}/cognito`, clientIds: [LOCAL_CLIENT_ID] },
  ];
}

export async function createLocalIssuer(options: { dataDir: string; port: number }): Promise<LocalIssuer> {
  const key = await loadOrCreateSigningKey(options.dataDir);
  const configs = localIssuerConfigs(options.port);
  return {
    configs,
    jwks: { keys: [key.publicJwk] },
    async mintToken(request) {
      const flavor = request.flavor ?? 'keycloak';
      const config = configs.find((c) => c.flavor === flavor)!;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(flavor === 'keycloak' ? keycloakClaims(request) : cognitoClaims(request, now))
        .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid, typ: 'JWT' })
        .setIssuer(config.issuer)
        .setSubject(request.subject ?? stableSubject(request.user))
        .setIssuedAt(now)
        .setExpirationTime(now + (request.expiresInSeconds ?? DEFAULT_LIFETIME_SECONDS))
        .setJti(randomUUID())
        .sign(key.privateKey);
    },
  };
}

function keycloakClaims(request: TokenRequest): JWTPayload {
  return {
    aud: LOCAL_AUDIENCE,
    azp: LOCAL_CLIENT_ID,
    typ: 'Bearer',
    scope: 'openid profile email',
    preferred_username: request.user,
    realm_access: { roles: [...request.roles] },
    ...(request.email ? { email: request.email, email_verified: true } : {}),
  };
}

/** A Cognito access token: no `aud`, and no `cognito:groups` claim at all when the user is in no group. */
function cognitoClaims(request: TokenRequest, now: number): JWTPayload {
  return {
    client_id: LOCAL_CLIENT_ID,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: now,
    username: request.user,
    ...(request.roles.length > 0 ? { 'cognito:groups': [...request.roles] } : {}),
    // Real Cognito access tokens carry an email only when a pre-token-generation trigger adds it.
    ...(request.email ? { email: request.email } : {}),
  };
}

/** The same user gets the same `sub` in every token, as with a real identity provider. */
function stableSubject(user: string): string {
  const hex = createHash('sha256').update(`pms-local-user:${user}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
