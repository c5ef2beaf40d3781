import type { Node } from 'constructs';
import type { IdentityConfig } from './app-config.js';

/** The identity provider's client the login endpoints use, as the operator registered it. */
export interface LoginClientConfig {
  clientId: string;
  /** The complete ARN of the Secrets Manager secret whose SecretString is the client secret. */
  secretArn: string;
  /** The customer managed KMS key that encrypts the secret; absent: Secrets Manager's AWS managed key. */
  secretKeyArn?: string;
}

/** CDK context `login`: how MOSIP's login endpoints reach the identity provider (functions/auth/login-settings.ts). */
export interface LoginConfig {
  /** The OIDC issuer; absent with Cognito, whose user pool is the issuer. */
  issuer?: string;
  /** The operator's client; absent (Cognito only): the stack creates the login's app client and keeps its secret. */
  client?: LoginClientConfig;
  /** Where the login may send browsers back; absent: the portal's URL (`https://<portal domain>/**`). */
  allowedUrls?: string[];
  /** The origin browsers reach the API on; absent: the portal's URL, else the request's own host. */
  publicUrl?: string;
  /** The scopes asked for; absent: the login's default (`openid profile email`). */
  scope?: string;
}

const LOGIN_KEYS = ['issuer', 'clientId', 'clientSecretArn', 'clientSecretKeyArn', 'allowedUrls', 'publicUrl', 'scope'];
// Secrets Manager appends 6 random characters to a secret's name; IAM matches the complete ARN only.
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+-[A-Za-z0-9]{6}$/;
const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/(mrk-)?[0-9a-f-]{32,36}$/;
const CLIENT_ID = /^[\x21-\x7e]{1,255}$/;
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const PREFIX_PATTERN = '/**';
/** Cognito's limit of callback URLs per app client. */
const MAX_COGNITO_CALLBACKS = 100;

/**
 * The login settings from `-c login='{"clientId":"…",…}'` (or an object in cdk.json), checked as the login endpoints
 * would check them and against the identity: the login must hand out tokens from the issuer the authorizer trusts.
 * Null without the context: the login rows are deployed without settings and answer that login is not configured.
 */
export function loginFromContext(node: Node, identity: IdentityConfig, portalDeployed: boolean): LoginConfig | null {
  const raw: unknown = node.tryGetContext('login');
  if (raw === undefined || raw === '') return null;
  const context = contextObject(raw);
  const unknown = Object.keys(context).filter((key) => !LOGIN_KEYS.includes(key));
  if (unknown.length > 0) fail(`has unknown key(s) ${unknown.join(', ')}; it takes ${LOGIN_KEYS.join(', ')}`);

  const client = clientOf(context);
  const issuer = optional(context, 'issuer', issuerUrl);
  const allowedUrls = context.allowedUrls === undefined ? undefined : returnUrls(context.allowedUrls);
  const publicUrl = optional(context, 'publicUrl', publicOrigin);
  const scope = optional(context, 'scope', scopeList);
  if (!allowedUrls && !portalDeployed) fail('needs "allowedUrls", the URLs the login may return to, unless a portal is deployed (-c portalBuild=…)');

  if (identity.kind === 'keycloak') {
    if (issuer !== undefined && issuer !== identity.issuer) {
      fail(`"issuer" must be the realm the authorizer trusts (keycloakIssuer ${identity.issuer}): the login hands out only tokens every route accepts`);
    }
    if (!client) fail('needs "clientId" and "clientSecretArn": the confidential Keycloak client the login uses');
  } else {
    if (issuer !== undefined) fail('takes no "issuer" with identity=cognito: the user pool is the issuer');
    if (!client && !publicUrl && !portalDeployed) {
      fail('needs "publicUrl" (or a portal, -c portalBuild=…) to register the Cognito login client’s callback URLs');
    }
    if (!client && allowedUrls && allowedUrls.length > MAX_COGNITO_CALLBACKS) fail(`may list at most ${MAX_COGNITO_CALLBACKS} "allowedUrls" with Cognito`);
  }
  return {
    ...(identity.kind === 'keycloak' && { issuer: identity.issuer }),
    ...(client && { client }),
    ...(allowedUrls && { allowedUrls }),
    ...(publicUrl && { publicUrl }),
    ...(scope && { scope }),
  };
}

function fail(message: string): never {
  throw new Error(`context "login" ${message}`);
}

/** An object in cdk.json; a JSON string from `-c login=…`. */
function contextObject(raw: unknown): Record<string, unknown> {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      fail(`must be a JSON object, not ${raw}`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`must be a JSON object, not ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

function optional<T>(context: Record<string, unknown>, key: string, parse: (value: unknown, key: string) => T): T | undefined {
  return context[key] === undefined ? undefined : parse(context[key], key);
}

function clientOf(context: Record<string, unknown>): LoginClientConfig | undefined {
  const clientId = optional(context, 'clientId', (value) => matching(value, 'clientId', CLIENT_ID, 'a client id'));
  const secretArn = optional(context, 'clientSecretArn', (value) =>
    matching(value, 'clientSecretArn', SECRET_ARN, 'the complete ARN of a Secrets Manager secret, with the 6 characters Secrets Manager appends'),
  );
  const secretKeyArn = optional(context, 'clientSecretKeyArn', (value) => matching(value, 'clientSecretKeyArn', KEY_ARN, 'a KMS key ARN'));
  if ((clientId === undefined) !== (secretArn === undefined)) fail('needs "clientId" and "clientSecretArn" together');
  if (secretKeyArn && !secretArn) fail('"clientSecretKeyArn" names the key of "clientSecretArn", which is missing');
  if (clientId === undefined || secretArn === undefined) return undefined;
  return { clientId, secretArn, ...(secretKeyArn && { secretKeyArn }) };
}

function matching(value: unknown, key: string, pattern: RegExp, what: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) fail(`"${key}" must be ${what}, not ${JSON.stringify(value)}`);
  return value;
}

/** The provider's discovery document is fetched from it, so TLS; `iss` is compared byte for byte, so no trailing slash. */
function issuerUrl(value: unknown): string {
  const url = typeof value === 'string' ? parsedUrl(value) : undefined;
  if (url?.protocol !== 'https:' || String(value).endsWith('/') || url.search || url.hash) {
    fail(`"issuer" must be an https URL without a trailing slash, not ${JSON.stringify(value)}`);
  }
  return String(value);
}

/** An origin only: the login appends the API's own paths to it. */
function publicOrigin(value: unknown): string {
  const url = typeof value === 'string' ? parsedUrl(value) : undefined;
  if (url?.protocol !== 'https:' || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    fail(`"publicUrl" must be an https origin such as https://partners.example.org, not ${JSON.stringify(value)}`);
  }
  return url.origin;
}

/** Each an exact URL or `<url>/**`, as the login matches them; the list travels comma-separated, so no commas. */
function returnUrls(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) fail(`"allowedUrls" must be a non-empty list of URLs, not ${JSON.stringify(value)}`);
  return value.map((entry: unknown) => {
    const text = typeof entry === 'string' ? entry : '';
    const url = parsedUrl(text.endsWith(PREFIX_PATTERN) ? text.slice(0, -PREFIX_PATTERN.length) : text);
    const local = url && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (!url || text.includes(',') || url.username || url.password || !(url.protocol === 'https:' || (url.protocol === 'http:' && local))) {
      fail(`"allowedUrls" entries must be https URLs (http only on localhost), exact or ending in /**, not ${JSON.stringify(entry)}`);
    }
    return text;
  });
}

function scopeList(value: unknown): string {
  const scopes = typeof value === 'string' ? value.split(' ') : [];
  if (!scopes.includes('openid') || !scopes.every((scope) => SCOPE_TOKEN.test(scope))) {
    fail(`"scope" must be space-separated OAuth scopes including openid, not ${JSON.stringify(value)}`);
  }
  return String(value);
}

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
