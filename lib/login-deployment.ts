import { Fn, Stack, Token } from 'aws-cdk-lib';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LOGIN_SETTINGS_ENV } from '../functions/auth/login-settings.js';
import type { Route } from '../functions/routes/route.js';
import type { LoginClientConfig, LoginConfig } from './login-context.js';

/** The secret only `login.clientSecret` rows may read, and the customer managed key encrypting it, if any. */
export interface LoginClientSecret {
  secretArn: string;
  keyArn?: string;
}

/** Where the login sends browsers: to the provider and back (`callbackUrls`), and to the portal (`returnUrls`). */
export interface LoginRedirects {
  callbackUrls: string[];
  returnUrls: string[];
}

/** The login's client at the identity provider. */
export interface LoginClient {
  issuer: string;
  clientId: string;
  secret: LoginClientSecret;
  /** A client the stack creates (Cognito) registers every redirect URI itself; an operator's client has its own. */
  registerRedirects?(redirects: LoginRedirects): void;
}

/** The operator's own client at the issuer. */
export function operatorLoginClient(issuer: string, client: LoginClientConfig): LoginClient {
  return { issuer, clientId: client.clientId, secret: { secretArn: client.secretArn, ...(client.secretKeyArn && { keyArn: client.secretKeyArn }) } };
}

/** What the login rows are deployed with. */
export interface LoginDeployment {
  /** Every login row's environment: the settings and the issuers whose tokens the login may hand out. */
  environment: Record<string, string>;
  clientSecret: LoginClientSecret;
}

/**
 * The login rows' settings, the portal's URL (`https://<domain>`) standing in for the return URLs and public URL the
 * operator left out; a client the stack created is told the resulting redirect URIs.
 */
export function deployLogin(
  config: LoginConfig,
  client: LoginClient,
  parts: { routes: readonly Route[]; tokenIssuersJson: string; portalUrl: string | null },
): LoginDeployment {
  const allowedUrls = config.allowedUrls ?? [`${parts.portalUrl}/**`];
  const publicUrl = config.publicUrl ?? parts.portalUrl ?? undefined;
  if (client.registerRedirects) {
    if (!publicUrl) throw new Error('context "login" needs "publicUrl" to register the login client’s callback URLs');
    const returnUrls = [...new Set(allowedUrls.flatMap(landingUrls))];
    const callbackBase = `${publicUrl}${loginRedirectPathOf(parts.routes)}`;
    client.registerRedirects({ returnUrls, callbackUrls: returnUrls.map((url) => `${callbackBase}/${base64(url)}`) });
  }
  return {
    environment: {
      [LOGIN_SETTINGS_ENV.issuer]: client.issuer,
      [LOGIN_SETTINGS_ENV.clientId]: client.clientId,
      [LOGIN_SETTINGS_ENV.allowedUrls]: allowedUrls.join(','),
      ...(publicUrl && { [LOGIN_SETTINGS_ENV.publicUrl]: publicUrl }),
      ...(config.scope && { [LOGIN_SETTINGS_ENV.scope]: config.scope }),
      PMS_TOKEN_ISSUERS: parts.tokenIssuersJson,
    },
    clientSecret: client.secret,
  };
}

/** Only the secret's own ARN, and its customer key only through Secrets Manager for that secret. */
export function grantLoginClientSecretRead(role: IRole, secret: LoginClientSecret): void {
  role.addToPrincipalPolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
  if (!secret.keyArn) return;
  const stack = Stack.of(role);
  role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [secret.keyArn],
      conditions: {
        StringEquals: {
          'kms:ViaService': `secretsmanager.${stack.region}.${stack.urlSuffix}`,
          'kms:EncryptionContext:SecretARN': secret.secretArn,
        },
      },
    }),
  );
}

/** The environment a row gets: its secret's ARN only if it exchanges codes. */
export function loginClientSecretEnvironment(secret: LoginClientSecret): Record<string, string> {
  return { [LOGIN_SETTINGS_ENV.clientSecretArn]: secret.secretArn };
}

/**
 * The pages a return URL entry stands for: an exact URL itself; `<base>/**` its root and MOSIP's portal landing page,
 * where a new visit's first call meets 401 and starts the login (pmp-ui-v2 AppRoutes.js, HttpService.js). Cognito
 * matches redirect URIs exactly, so a login started on another page of the portal is refused there (docs/deploy.md).
 */
function landingUrls(entry: string): string[] {
  if (!entry.endsWith('/**')) return [entry];
  const base = entry.slice(0, -'/**'.length);
  return [`${base}/`, `${base}/#/partnermanagement/dashboard`];
}

/** `/v1/partnermanager/login-redirect`: the path of the row that exchanges codes, without its return-URL segment. */
function loginRedirectPathOf(routes: readonly Route[]): string {
  const exchanging = routes.filter((route) => route.login?.clientSecret);
  const [route] = exchanging;
  if (!route || exchanging.length > 1 || !/\/\{[^}]+\+\}$/.test(route.fullPath)) {
    throw new Error('the route table must hold exactly one login row that exchanges codes, its path ending in the return URL ({redirectURI+})');
  }
  return route.fullPath.replace(/\/\{[^}]+\+\}$/, '');
}

/** As the portal encodes it (`btoa`); CloudFormation encodes a URL only known at deploy time. */
function base64(url: string): string {
  return Token.isUnresolved(url) ? Fn.base64(url) : Buffer.from(url, 'utf8').toString('base64');
}
