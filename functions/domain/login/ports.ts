import type { Principal } from '../../auth/principal.js';

/** The login's part of the deployment (functions/auth/login-settings.ts). */
export interface LoginSettings {
  clientId: string;
  /** Exact URLs (fragment ignored), or prefixes written `https://portal.example/**`. */
  allowedUrls: readonly string[];
  /** The origin browsers reach the API on; absent: the request's own origin. */
  publicUrl?: string | undefined;
  scope: string;
}

export interface ProviderEndpoints {
  authorization: string;
  token: string;
  endSession?: string | undefined;
}

/** The provider refused the code (its `error_description`, or `error`). */
export class IdentityProviderRefusal extends Error {
  override readonly name = 'IdentityProviderRefusal';
}

/** The OpenID provider (Keycloak, Cognito, or the local one of `npm start`). */
export interface IdentityProvider {
  endpoints(): Promise<ProviderEndpoints>;
  exchangeCode(request: { code: string; redirectUri: string; codeVerifier: string }): Promise<{ accessToken: string }>;
}

export interface LoginDeps {
  settings: LoginSettings;
  provider: IdentityProvider;
  /** Our own token verifier: the login hands out only a token every route would accept. */
  verifyToken(token: string): Promise<Principal | undefined>;
  /** A fresh PKCE code verifier (RFC 7636: 43 to 128 unreserved characters). */
  newCodeVerifier(): string;
}
