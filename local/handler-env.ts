import { ESIGNET_SETTINGS_ENV } from '../functions/adapters/esignet/esignet-settings.js';
import { LOGIN_SETTINGS_ENV } from '../functions/auth/login-settings.js';
import type { LocalConfig } from './config.js';
import { LOCAL_ESIGNET_CLIENT_ID, localEsignetUrls } from './esignet.js';
import { eventLogPath } from './event-log.js';
import { LOCAL_CLIENT_ID, localIssuerConfigs } from './issuer.js';
import { localApiOrigins } from './oidc-redirects.js';
import { localUrl } from './ports.js';

/**
 * Region and credentials for the AWS SDK clients that talk to the local engines. Set even over real
 * credentials in the environment, so nothing started locally can reach a real AWS account by mistake.
 */
export const LOCAL_AWS_ENV = {
  AWS_REGION: 'local',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  // Node 20 still runs the local stack and the tools (README); the SDK's notice that its 2027 releases need Node 22
  // would otherwise open every start and job. The lockfile pins SDK releases that run on Node 20.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
} as const;

/** The sending identity of the local stack's mails (SES local accepts any). */
export const LOCAL_MAIL_FROM = 'no-reply@pms.local';

/**
 * What the Lambda functions find in their environment when the local stack runs them. The login client's secret
 * (local/oidc-client-secret.ts) is given by `npm start`, whose functions log users in; a job run by hand needs none.
 */
export function handlerEnvironment(config: LocalConfig, secrets: { loginClientSecret?: string; esignetClientSecret?: string } = {}): Record<string, string> {
  const keycloak = localIssuerConfigs(config.ports.issuer).find((issuer) => issuer.flavor === 'keycloak')!;
  return {
    ...LOCAL_AWS_ENV,
    TABLE_NAME: config.tableName,
    DYNAMODB_ENDPOINT: localUrl(config.ports.dynamodb),
    SES_ENDPOINT: localUrl(config.ports.ses),
    PMS_MAIL_FROM: LOCAL_MAIL_FROM,
    PMS_TOKEN_ISSUERS: JSON.stringify(localIssuerConfigs(config.ports.issuer)),
    EVENT_LOG_PATH: eventLogPath(config.dataDir),
    PMS_DATA_DIR: config.dataDir,
    [LOGIN_SETTINGS_ENV.issuer]: keycloak.issuer,
    [LOGIN_SETTINGS_ENV.clientId]: LOCAL_CLIENT_ID,
    // The portal (PMS_PORTAL_DIR) is served on the API's origin, so these cover it too.
    [LOGIN_SETTINGS_ENV.allowedUrls]: localApiOrigins(config.ports.api)
      .map((origin) => `${origin}/**`)
      .join(','),
    ...(secrets.loginClientSecret ? { [LOGIN_SETTINGS_ENV.clientSecret]: secrets.loginClientSecret } : {}),
    // The eSignet counterpart (local/esignet.ts) is always there: OIDC clients work on one machine.
    [ESIGNET_SETTINGS_ENV.url]: localEsignetUrls(config.ports.esignet).url,
    [ESIGNET_SETTINGS_ENV.tokenUrl]: localEsignetUrls(config.ports.esignet).tokenUrl,
    [ESIGNET_SETTINGS_ENV.clientId]: LOCAL_ESIGNET_CLIENT_ID,
    ...(secrets.esignetClientSecret ? { [ESIGNET_SETTINGS_ENV.clientSecret]: secrets.esignetClientSecret } : {}),
  };
}
