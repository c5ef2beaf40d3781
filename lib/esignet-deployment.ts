import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Node } from 'constructs';
import { ESIGNET_SETTINGS_ENV } from '../functions/adapters/esignet/esignet-settings.js';
import type { EsignetUse } from '../functions/routes/route.js';

/**
 * CDK context for OIDC clients (functions/adapters/esignet/esignet-settings.ts): `esignetUrl`, eSignet's service root,
 * turns them on; PMS then calls eSignet's client-management API with a token it gets by the client-credentials grant
 * at `esignetTokenUrl` (the deployment's identity provider) as `esignetClientId`, whose secret the operator keeps in
 * Secrets Manager (`esignetClientSecretArn`). Without `esignetUrl` the OIDC client routes answer PMS_FEATURE_002.
 */
export interface EsignetConfig {
  url: string;
  tokenUrl: string;
  clientId: string;
  clientSecretArn: string;
}

const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/;

/** The settings, checked; null without `esignetUrl`. A missing or malformed one fails the synth, naming it. */
export function esignetFromContext(node: Node): EsignetConfig | null {
  const url: unknown = node.tryGetContext('esignetUrl');
  if (url === undefined || url === null || url === '') return null;
  const setting = (name: string, valid: (value: string) => boolean, expected: string): string => {
    const value: unknown = node.tryGetContext(name);
    if (typeof value !== 'string' || !valid(value)) throw new Error(`-c ${name} must be ${expected} when esignetUrl is set, not ${JSON.stringify(value)}`);
    return value;
  };
  const https = (value: string) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  };
  return {
    url: setting('esignetUrl', https, "eSignet's https service root (e.g. https://esignet.example.org/v1/esignet)").replace(/\/+$/, ''),
    tokenUrl: setting('esignetTokenUrl', https, "the identity provider's https token endpoint"),
    clientId: setting('esignetClientId', (value) => /^\S{1,256}$/.test(value), 'the client id PMS has at the identity provider'),
    clientSecretArn: setting('esignetClientSecretArn', (value) => SECRET_ARN.test(value), "the ARN of the Secrets Manager secret holding that client's secret"),
  };
}

/** What a function gets: the settings, and the secret's ARN only if it registers clients. */
export function esignetEnvironment(config: EsignetConfig, use: EsignetUse): Record<string, string> {
  return {
    [ESIGNET_SETTINGS_ENV.url]: config.url,
    [ESIGNET_SETTINGS_ENV.tokenUrl]: config.tokenUrl,
    [ESIGNET_SETTINGS_ENV.clientId]: config.clientId,
    ...(use === 'registers' ? { [ESIGNET_SETTINGS_ENV.clientSecretArn]: config.clientSecretArn } : {}),
  };
}

/** Only the functions that register clients read the secret, and only that one. */
export function grantEsignetSecretRead(role: IRole, config: EsignetConfig): void {
  role.addToPrincipalPolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [config.clientSecretArn] }));
}
