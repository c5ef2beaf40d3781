import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadOnce } from '../domain/load-once.js';
import { DEFAULT_CLAIM_MAPPINGS } from '../domain/oidc-clients/claims-mapping.js';
import type { OidcClientDeps } from '../domain/oidc-clients/ports.js';
import { type Clock, systemClock } from '../domain/ports.js';
import { OIDC_CLIENT_ERRORS } from '../errors/oidc-client-errors.js';
import { PmsError } from '../errors/pms-error.js';
import { tableContext } from './dynamodb/client.js';
import { dynamoOidcClientRepository } from './dynamodb/oidc-client-repository.js';
import { dynamoPolicyRequestRepository } from './dynamodb/policy-request-repository.js';
import { httpEsignetRegistry } from './esignet/esignet-registry.js';
import { ESIGNET_SETTINGS_ENV, isEsignetConfigured } from './esignet/esignet-settings.js';
import { uuidIds } from './ids.js';
import { once } from './once.js';
import { partnerRepository, policyDeps, policyGroupDeps } from './wiring.js';

/**
 * OIDC clients with eSignet behind its port. Without ESIGNET_URL the feature is off: every OIDC client operation
 * answers MOSIP's PMS_FEATURE_002 (and system-config says isOidcClientAvailable "false").
 */
export const oidcClientDeps = /* @__PURE__ */ once((): OidcClientDeps => oidcClientDepsFrom(process.env));

export function oidcClientDepsFrom(env: NodeJS.ProcessEnv, clock: Clock = systemClock): OidcClientDeps {
  if (!isEsignetConfigured(env)) throw new PmsError(OIDC_CLIENT_ERRORS.OIDC_CLIENT_FEATURE_DISABLED);
  return {
    clients: dynamoOidcClientRepository(tableContext()),
    esignet: httpEsignetRegistry({
      url: env[ESIGNET_SETTINGS_ENV.url]!.replace(/\/+$/, ''),
      tokenUrl: requiredSetting(env, ESIGNET_SETTINGS_ENV.tokenUrl),
      clientId: requiredSetting(env, ESIGNET_SETTINGS_ENV.clientId),
      clientSecret: clientSecretFrom(env),
    }),
    partners: partnerRepository(),
    policies: policyDeps().policies,
    groups: policyGroupDeps().groups,
    links: dynamoPolicyRequestRepository(tableContext()),
    mappings: DEFAULT_CLAIM_MAPPINGS,
    clock,
    ids: uuidIds,
  };
}

function requiredSetting(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} must be set when ${ESIGNET_SETTINGS_ENV.url} is`);
  return value;
}

/** In `npm start` the secret itself; on AWS read once per container from Secrets Manager (only the OIDC client functions may). */
function clientSecretFrom(env: NodeJS.ProcessEnv): () => Promise<string> {
  const local = env[ESIGNET_SETTINGS_ENV.clientSecret];
  if (local) return async () => local;
  const arn = requiredSetting(env, ESIGNET_SETTINGS_ENV.clientSecretArn);
  return loadOnce(async () => {
    const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
    if (!SecretString) throw new Error('the eSignet client secret is empty');
    return SecretString;
  });
}
