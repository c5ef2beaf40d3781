import { randomBytes } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { parseIssuers } from '../../auth/issuers.js';
import { LOGIN_SETTINGS_ENV } from '../../auth/login-settings.js';
import { createTokenVerifier } from '../../auth/token-verifier.js';
import { loadOnce } from '../../domain/load-once.js';
import type { LoginDeps } from '../../domain/login/ports.js';
import { LOGIN_ERRORS } from '../../errors/login-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import { once } from '../once.js';
import { oidcProvider } from './oidc-provider.js';

const DEFAULT_SCOPE = 'openid profile email';

/** The login endpoints' deps from the environment; a deployment without login settings answers KER-ACP-500. */
export const loginDeps = /* @__PURE__ */ once((): LoginDeps => loginDepsFrom(process.env));

export function loginDepsFrom(env: NodeJS.ProcessEnv): LoginDeps {
  const issuer = env[LOGIN_SETTINGS_ENV.issuer];
  const clientId = env[LOGIN_SETTINGS_ENV.clientId];
  if (!issuer || !clientId) throw new PmsError(LOGIN_ERRORS.NOT_CONFIGURED);
  return {
    settings: {
      clientId,
      allowedUrls: (env[LOGIN_SETTINGS_ENV.allowedUrls] ?? '')
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
      publicUrl: env[LOGIN_SETTINGS_ENV.publicUrl] || undefined,
      scope: env[LOGIN_SETTINGS_ENV.scope] || DEFAULT_SCOPE,
    },
    provider: oidcProvider({ issuer, clientId }, clientSecretFrom(env)),
    verifyToken: createTokenVerifier(parseIssuers(env.PMS_TOKEN_ISSUERS)),
    newCodeVerifier: () => randomBytes(32).toString('base64url'),
  };
}

/** In `npm start` the secret itself; on AWS read once per container from Secrets Manager (only loginRedirect may). */
function clientSecretFrom(env: NodeJS.ProcessEnv): () => Promise<string> {
  const local = env[LOGIN_SETTINGS_ENV.clientSecret];
  if (local) return async () => local;
  const arn = env[LOGIN_SETTINGS_ENV.clientSecretArn];
  if (!arn) return () => Promise.reject(new PmsError(LOGIN_ERRORS.NOT_CONFIGURED));
  return loadOnce(async () => {
    const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
    if (!SecretString) throw new Error('the login client secret is empty');
    return SecretString;
  });
}
