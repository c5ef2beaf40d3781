/**
 * How the partner-manager's login endpoints (MOSIP's authorization-code proxy, functions/domain/login/) reach the
 * identity provider, from the environment: on AWS from CDK context `login` (lib/), in `npm start` from the local
 * OIDC server (local/handler-env.ts). Only the rows whose route row sets `login` get these variables, and only
 * `login.clientSecret` rows may read the client secret.
 */
export const LOGIN_SETTINGS_ENV = {
  /** The OIDC issuer; its discovery document names the authorization, token and end-session endpoints. */
  issuer: 'PMS_LOGIN_ISSUER',
  clientId: 'PMS_LOGIN_CLIENT_ID',
  /** On AWS: the Secrets Manager secret holding the client secret (its SecretString). */
  clientSecretArn: 'PMS_LOGIN_CLIENT_SECRET_ARN',
  /** In `npm start` only: the client secret itself. */
  clientSecret: 'PMS_LOGIN_CLIENT_SECRET',
  /** Comma-separated URLs the login may return the browser to: exact (fragment ignored), or a prefix ending in `**`. */
  allowedUrls: 'PMS_LOGIN_ALLOWED_URLS',
  /** The origin browsers reach the API on (CloudFront's, with the portal), for the redirect URI; else the request's host. */
  publicUrl: 'PMS_PUBLIC_URL',
  /** Optional: the scopes asked for (default `openid profile email`). */
  scope: 'PMS_LOGIN_SCOPE',
} as const;

/** On a route row: the operation takes part in the login (`clientSecret`: it exchanges codes, so it reads the secret). */
export interface LoginUse {
  clientSecret: boolean;
}
