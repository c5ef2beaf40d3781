import { createHash, randomUUID } from 'node:crypto';
import { type JWK, type JWTPayload, SignJWT } from 'jose';
import type { IssuerConfig } from '../functions/auth/issuers.js';
import type { Role } from '../functions/auth/roles.js';
import type { PartnerType } from '../functions/domain/partners/partner-types.js';
import { localUrl } from './ports.js';
import { loadOrCreateSigningKey, TOKEN_ALGORITHM } from './signing-key.js';

/** The API's id in Keycloak-shaped tokens (an audience mapper's job in a real realm; never "account"). */
export const LOCAL_AUDIENCE = 'pms-api';
/** The app client that "requested" local tokens: Keycloak `azp`, Cognito `client_id`; the login's OIDC client. */
export const LOCAL_CLIENT_ID = 'pms-local-client';
export const LOCAL_TOKEN_LIFETIME_SECONDS = 3600;
const DEFAULT_SCOPE = 'openid profile email';

export type TokenFlavor = IssuerConfig['flavor'];

/** The user attributes MOSIP's realm maps into its tokens and MOSIP's portal shows (pmp-ui-v2 HttpService.js). */
export interface UserProfile {
  givenName?: string;
  familyName?: string;
  organizationName?: string;
  address?: string;
  phoneNumber?: string;
  partnerType?: PartnerType;
  /** MOSIP's three-letter language code (eng, ara, fra); also the token's `locale`, which the portal reads as one. */
  langCode?: string;
}

export interface TokenRequest extends UserProfile {
  user: string;
  roles: readonly Role[];
  flavor?: TokenFlavor;
  email?: string;
  /** The token's `sub` (default: the same for every token of the user); another value is another person with that name. */
  subject?: string;
  /** Negative values give a token that is already expired. */
  expiresInSeconds?: number;
  /** Keycloak flavour: the granted scopes (default `openid profile email`). */
  scope?: string;
}

/** A Keycloak ID token for the login's client: who signed in, never a key to the API. */
export interface IdTokenRequest extends Omit<TokenRequest, 'flavor' | 'roles' | 'scope'> {
  /** Echoed from the authorization request, as OpenID Connect requires. */
  nonce?: string;
}

export interface LocalIssuer {
  /** What PMS_TOKEN_ISSUERS holds for the local stack: one Keycloak-shaped and one Cognito-shaped issuer. */
  configs: IssuerConfig[];
  jwks: { keys: JWK[] };
  mintToken(request: TokenRequest): Promise<string>;
  mintIdToken(request: IdTokenRequest): Promise<string>;
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
  const issuerOf = (flavor: TokenFlavor) => configs.find((c) => c.flavor === flavor)!.issuer;
  const sign = (claims: JWTPayload, issuer: string, request: { user: string; subject?: string; expiresInSeconds?: number }, now: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setSubject(request.subject ?? stableSubject(request.user))
      .setIssuedAt(now)
      .setExpirationTime(now + (request.expiresInSeconds ?? LOCAL_TOKEN_LIFETIME_SECONDS))
      .setJti(randomUUID())
      .sign(key.privateKey);
  return {
    configs,
    jwks: { keys: [key.publicJwk] },
    async mintToken(request) {
      const flavor = request.flavor ?? 'keycloak';
      const now = Math.floor(Date.now() / 1000);
      return sign(flavor === 'keycloak' ? keycloakClaims(request) : cognitoClaims(request, now), issuerOf(flavor), request, now);
    },
    async mintIdToken(request) {
      const now = Math.floor(Date.now() / 1000);
      return sign(keycloakIdClaims(request, now), issuerOf('keycloak'), request, now);
    },
  };
}

function keycloakClaims(request: TokenRequest): JWTPayload {
  return {
    aud: LOCAL_AUDIENCE,
    azp: LOCAL_CLIENT_ID,
    typ: 'Bearer',
    scope: request.scope ?? DEFAULT_SCOPE,
    ...personClaims(request),
    realm_access: { roles: [...request.roles] },
  };
}

function keycloakIdClaims(request: IdTokenRequest, now: number): JWTPayload {
  return {
    aud: LOCAL_CLIENT_ID,
    azp: LOCAL_CLIENT_ID,
    typ: 'ID',
    auth_time: now,
    ...(request.nonce ? { nonce: request.nonce } : {}),
    ...personClaims(request),
  };
}

/** Keycloak's `profile` and `email` scope claims, plus the user attributes MOSIP's realm maps under its own names. */
function personClaims(request: Omit<TokenRequest, 'roles'>): JWTPayload {
  const name = [request.givenName, request.familyName].filter(Boolean).join(' ');
  const optional: Record<string, string | undefined> = {
    name: name || undefined,
    given_name: request.givenName,
    family_name: request.familyName,
    organizationName: request.organizationName,
    addressTest: request.address, // sic: MOSIP's mapper and portal spell it so
    phoneNumber: request.phoneNumber,
    partnerType: request.partnerType,
    langCode: request.langCode,
    locale: request.langCode,
  };
  return {
    preferred_username: request.user,
    ...(request.email ? { email: request.email, email_verified: true } : {}),
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value)),
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
