/**
 * Where eSignet is and how PMS gets its service token (client credentials at the deployment's identity provider).
 * Absent ESIGNET_URL: eSignet is not configured, and the OIDC client routes answer that the feature is not available.
 */
export const ESIGNET_SETTINGS_ENV = {
  /** eSignet's service root, e.g. `https://esignet.example.org/v1/esignet` (its client-mgmt API lives under it). */
  url: 'ESIGNET_URL',
  /** The identity provider's token endpoint for the client-credentials grant. */
  tokenUrl: 'ESIGNET_TOKEN_URL',
  clientId: 'ESIGNET_CLIENT_ID',
  /** The client secret itself: only the local stack sets it. */
  clientSecret: 'ESIGNET_CLIENT_SECRET',
  /** On AWS: the Secrets Manager secret holding the client secret (read only by the OIDC client functions). */
  clientSecretArn: 'ESIGNET_CLIENT_SECRET_ARN',
} as const;

export function isEsignetConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env[ESIGNET_SETTINGS_ENV.url];
}
