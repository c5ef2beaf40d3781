import { createRemoteJWKSet, decodeJwt, type JWTPayload, jwtVerify } from 'jose';
import { type IssuerConfig, jwksUriOf } from './issuers.js';
import type { Principal } from './principal.js';
import { isRole, type Role, rolesFromScopes } from './roles.js';

/** Clock skew we tolerate between the issuer and us. */
const CLOCK_TOLERANCE_SECONDS = 5;

export type TokenVerifier = (token: string) => Promise<Principal | undefined>;

/**
 * Verifies RS256 access tokens from the configured issuers. JWKS sets are fetched lazily once per issuer and
 * cached by jose for the life of the Lambda container. Any failure yields `undefined`: the caller answers 401
 * and never tells which check failed.
 */
export function createTokenVerifier(issuers: IssuerConfig[]): TokenVerifier {
  const byIssuer = new Map(issuers.map((config) => [config.issuer, { config, jwks: createRemoteJWKSet(new URL(jwksUriOf(config))) }]));
  return async (token) => {
    let unverifiedIssuer: string | undefined;
    try {
      unverifiedIssuer = decodeJwt(token).iss;
    } catch {
      return undefined;
    }
    const trusted = unverifiedIssuer ? byIssuer.get(unverifiedIssuer) : undefined;
    if (!trusted) return undefined;
    const { config, jwks } = trusted;
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: config.issuer,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat'],
        ...(config.flavor === 'keycloak' ? { audience: config.audience } : {}),
      });
      if (issuedInTheFuture(payload)) return undefined;
      return config.flavor === 'keycloak' ? keycloakPrincipal(payload, config.audience) : cognitoPrincipal(payload, config.clientIds);
    } catch {
      return undefined;
    }
  };
}

/** jose checks `iat` only against a maximum age; a token dated ahead of our clock was not issued by a sane issuer. */
function issuedInTheFuture(payload: JWTPayload): boolean {
  return (payload.iat ?? 0) > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS;
}

function keycloakPrincipal(payload: JWTPayload, clientId: string): Principal | undefined {
  // Keycloak signs its ID and refresh tokens with the same key and issuer: only an access token ("Bearer") is one.
  if (payload.typ !== 'Bearer') return undefined;
  const subject = stringClaim(payload, 'sub');
  const userId = stringClaim(payload, 'preferred_username') ?? subject;
  if (!userId || !subject) return undefined;
  const realmRoles = rolesIn((payload.realm_access as { roles?: unknown } | undefined)?.roles);
  const resourceAccess = payload.resource_access as Record<string, { roles?: unknown }> | undefined;
  const clientRoles = rolesIn(resourceAccess?.[clientId]?.roles);
  return withEmail({ userId, subject, roles: new Set([...realmRoles, ...clientRoles]) }, stringClaim(payload, 'email'));
}

function cognitoPrincipal(payload: JWTPayload, clientIds: string[]): Principal | undefined {
  // Cognito access tokens carry no `aud`; the app client is in `client_id` and the token kind in `token_use`.
  if (payload.token_use !== 'access') return undefined;
  const clientId = stringClaim(payload, 'client_id');
  if (!clientId || !clientIds.includes(clientId)) return undefined;
  const subject = stringClaim(payload, 'sub');
  const userId = stringClaim(payload, 'username') ?? stringClaim(payload, 'cognito:username') ?? subject;
  if (!userId || !subject) return undefined;
  const roles = new Set([...rolesIn(payload['cognito:groups']), ...rolesFromScopes(payload.scope)]);
  return withEmail({ userId, subject, roles }, stringClaim(payload, 'email'));
}

function withEmail(principal: Principal, email: string | undefined): Principal {
  return email ? { ...principal, email } : principal;
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value ? value : undefined;
}

function rolesIn(value: unknown): Role[] {
  return Array.isArray(value) ? value.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [];
}
