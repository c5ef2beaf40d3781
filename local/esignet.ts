import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { publishOnce, readTextFile } from '../functions/adapters/local-key-file.js';
import { esignetFieldError } from '../functions/domain/oidc-clients/esignet-rules.js';
import { clientPublicKey } from '../functions/domain/oidc-clients/public-key.js';
import { ESIGNET_ERRORS } from '../functions/errors/oidc-client-errors.js';
import type { ErrorDefinition } from '../functions/errors/pms-error.js';
import { LocalStackError } from './config.js';
import { closeServer, LOCAL_HOST, listen, localUrl } from './ports.js';

/** The client PMS's functions present at the local token endpoint (client credentials). */
export const LOCAL_ESIGNET_CLIENT_ID = 'pms-esignet-client';
/** eSignet's context path: its client-management API is under it. */
const SERVICE_ROOT = '/v1/esignet';
const TOKEN_PATH = '/oauth/token';
const TOKEN_LIFETIME_S = 300;

/** A client as the counterpart keeps it: eSignet's ClientDetail columns. */
export interface LocalEsignetClient {
  clientId: string;
  /** As eSignet stores it: the JSON of the language map with `@none` (oauth-client), or the plain name (oidc-client). */
  clientName: string;
  relyingPartyId: string;
  publicKey: Record<string, unknown>;
  userClaims: string[];
  authContextRefs: string[];
  logoUri: string;
  redirectUris: string[];
  grantTypes: string[];
  clientAuthMethods: string[];
  status: 'ACTIVE' | 'INACTIVE';
  createdAt: string;
  updatedAt: string | null;
}

/** For fault tests: `down` resets every client-management connection, `refusing` answers `errorCode` to every call. */
export type LocalEsignetMode = { mode: 'up' } | { mode: 'down' } | { mode: 'refusing'; errorCode: string };

export interface LocalEsignet {
  /** eSignet's service root (ESIGNET_URL). */
  url: string;
  tokenUrl: string;
  stop(): Promise<void>;
}

/**
 * A local counterpart of eSignet 1.6.1's client registry for `npm start`: its client-management API
 * (`POST /client-mgmt/oauth-client`, `PUT /client-mgmt/oauth-client/{id}` and the deprecated `oidc-client` forms)
 * with eSignet's validation and error codes (esignet-rules.ts, eSignet's ErrorConstants), answered in eSignet's
 * envelope (HTTP 200, `errors: [{errorCode, errorMessage}]`), behind bearer tokens from its own client-credentials
 * token endpoint (standing in for the deployment's identity provider). Clients are kept in
 * `<dataDir>/esignet/clients.json`. `POST /_local/mode` switches it down or refusing for fault tests.
 */
export async function startLocalEsignet(options: { port: number; dataDir: string; clientSecret: string }): Promise<LocalEsignet> {
  const dir = join(options.dataDir, 'esignet');
  mkdirSync(dir, { recursive: true });
  const file = localEsignetClientsPath(options.dataDir);
  const clients = readClients(file);
  const tokens = new Map<string, number>();
  let mode: LocalEsignetMode = { mode: 'up' };

  const save = () => {
    writeFileSync(`${file}.tmp`, JSON.stringify([...clients.values()], null, 2), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) reply(response, 500, { error: 'internal' });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    const body = await readBody(request);
    if (request.method === 'POST' && path === '/_local/mode') {
      mode = parseMode(body);
      return reply(response, 200, mode);
    }
    if (request.method === 'POST' && path === TOKEN_PATH) {
      token(request, body, response);
      return;
    }
    const match = /^\/v1\/esignet\/client-mgmt\/(oauth|oidc)-client(?:\/([^/]+))?$/.exec(path);
    if (!match) {
      reply(response, 404, { error: 'not found' });
      return;
    }
    if (mode.mode === 'down') {
      request.socket.destroy();
      return;
    }
    if (!isAuthorized(request.headers.authorization)) {
      reply(response, 401, { error: 'invalid_token' });
      return;
    }
    if (mode.mode === 'refusing') return answer(response, undefined, { code: mode.errorCode, message: mode.errorCode });
    const oauth = match[1] === 'oauth';
    const id = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    const wrapper = parseJson(body) as { request?: Record<string, unknown> } | undefined;
    const fields = wrapper?.request;
    if (!fields || typeof fields !== 'object') {
      answer(response, undefined, ESIGNET_ERRORS.INVALID_REQUEST);
      return;
    }
    if (request.method === 'POST' && id === undefined) return create(response, fields, oauth);
    if (request.method === 'PUT' && id !== undefined) {
      update(response, id, fields, oauth);
      return;
    }
    return reply(response, 405, { error: 'method not allowed' });
  }

  function token(request: IncomingMessage, body: string, response: ServerResponse): void {
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials') {
      reply(response, 400, { error: 'unsupported_grant_type' });
      return;
    }
    if (!clientAuthenticated(request.headers.authorization, options.clientSecret)) {
      reply(response, 401, { error: 'invalid_client' });
      return;
    }
    const issued = randomBytes(32).toString('base64url');
    tokens.set(issued, Date.now() + TOKEN_LIFETIME_S * 1000);
    reply(response, 200, { access_token: issued, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S });
  }

  function isAuthorized(header: string | undefined): boolean {
    const presented = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    const expiry = presented === undefined ? undefined : tokens.get(presented);
    return expiry !== undefined && expiry > Date.now();
  }

  /** ClientManagementServiceImpl#createOAuthClient / #createOIDCClient: bean validation, then duplicates. */
  function create(response: ServerResponse, fields: Record<string, unknown>, oauth: boolean): void {
    const error = createError(fields, oauth);
    if (error) {
      answer(response, undefined, error);
      return;
    }
    const clientId = fields.clientId as string;
    if (clients.has(clientId)) {
      answer(response, undefined, ESIGNET_ERRORS.DUPLICATE_CLIENT_ID);
      return;
    }
    const key = JSON.stringify(fields.publicKey);
    if ([...clients.values()].some((client) => JSON.stringify(client.publicKey) === key)) {
      answer(response, undefined, ESIGNET_ERRORS.DUPLICATE_PUBLIC_KEY);
      return;
    }
    const client: LocalEsignetClient = {
      clientId,
      clientName: nameOf(fields, oauth),
      relyingPartyId: fields.relyingPartyId as string,
      publicKey: fields.publicKey as Record<string, unknown>,
      userClaims: fields.userClaims as string[],
      authContextRefs: fields.authContextRefs as string[],
      logoUri: fields.logoUri as string,
      redirectUris: fields.redirectUris as string[],
      grantTypes: fields.grantTypes as string[],
      clientAuthMethods: fields.clientAuthMethods as string[],
      status: 'ACTIVE',
      createdAt: new Date().toISOString(),
      updatedAt: null,
    };
    clients.set(clientId, client);
    save();
    answer(response, { clientId, status: client.status });
  }

  /** #updateOAuthClient / #updateOIDCClient: bean validation, then the client must exist (invalid_client_id). */
  function update(response: ServerResponse, clientId: string, fields: Record<string, unknown>, oauth: boolean): void {
    const error = esignetFieldError(fields, true);
    if (error) {
      answer(response, undefined, error);
      return;
    }
    const client = clients.get(clientId);
    if (!client) {
      answer(response, undefined, ESIGNET_ERRORS.INVALID_CLIENT_ID);
      return;
    }
    const next: LocalEsignetClient = {
      ...client,
      clientName: nameOf(fields, oauth),
      logoUri: fields.logoUri as string,
      redirectUris: fields.redirectUris as string[],
      userClaims: fields.userClaims as string[],
      authContextRefs: fields.authContextRefs as string[],
      status: fields.status as LocalEsignetClient['status'],
      grantTypes: fields.grantTypes as string[],
      clientAuthMethods: fields.clientAuthMethods as string[],
      updatedAt: new Date().toISOString(),
    };
    clients.set(clientId, next);
    save();
    answer(response, { clientId, status: next.status });
  }

  try {
    await listen(server, options.port, LOCAL_HOST);
  } catch (error) {
    throw new LocalStackError(`the eSignet counterpart could not listen on port ${options.port}: ${(error as Error).message}`);
  }
  return { ...localEsignetUrls((server.address() as AddressInfo).port), stop: () => closeServer(server) };
}

/** Where the counterpart on `port` answers: eSignet's service root and the token endpoint. */
export function localEsignetUrls(port: number): { url: string; tokenUrl: string } {
  const base = localUrl(port);
  return { url: `${base}${SERVICE_ROOT}`, tokenUrl: `${base}${TOKEN_PATH}` };
}

/** ClientDetailCreateRequest(V2)'s constraints: the client id and relying party (IdFormat, 100), the key (RSA), the rest. */
function createError(fields: Record<string, unknown>, oauth: boolean): ErrorDefinition | undefined {
  if (!isId(fields.clientId)) return ESIGNET_ERRORS.INVALID_CLIENT_ID;
  const fieldError = esignetFieldError({ ...fields, clientNameLangMap: oauth ? fields.clientNameLangMap : undefined }, false);
  if (fieldError) return fieldError;
  if (!isId(fields.relyingPartyId)) return ESIGNET_ERRORS.INVALID_RP_ID;
  return isRsaPublicKey(fields.publicKey) ? undefined : ESIGNET_ERRORS.INVALID_PUBLIC_KEY;
}

/** eSignet's IdFormat: not blank, no whitespace; @Size(max = 100). */
function isId(value: unknown): value is string {
  return typeof value === 'string' && /^\S{1,100}$/.test(value);
}

/** IdentityProviderUtil#getJWKString: an RSA public JWK. */
function isRsaPublicKey(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) return false;
  try {
    return clientPublicKey(value as Record<string, unknown>).rsa;
  } catch {
    return false;
  }
}

function nameOf(fields: Record<string, unknown>, oauth: boolean): string {
  const map =
    oauth && fields.clientNameLangMap && typeof fields.clientNameLangMap === 'object' ? (fields.clientNameLangMap as Record<string, string>) : undefined;
  return map ? JSON.stringify({ ...map, '@none': fields.clientName }) : (fields.clientName as string);
}

/** HTTP 200 in eSignet's ResponseWrapper, as its controllers answer both successes and refusals. */
function answer(response: ServerResponse, result: unknown, error?: ErrorDefinition): void {
  reply(response, 200, {
    responseTime: new Date().toISOString(),
    response: error ? null : result,
    errors: error ? [{ errorCode: error.code, errorMessage: error.message }] : [],
  });
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function clientAuthenticated(header: string | undefined, secret: string): boolean {
  const encoded = /^Basic (\S+)$/.exec(header ?? '')?.[1];
  if (!encoded) return false;
  const [id, presented] = Buffer.from(encoded, 'base64').toString('utf8').split(':').map(decodeURIComponent);
  if (id !== LOCAL_ESIGNET_CLIENT_ID || presented === undefined) return false;
  const expected = Buffer.from(secret);
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function parseMode(body: string): LocalEsignetMode {
  const wanted = parseJson(body) as { mode?: unknown; errorCode?: unknown } | undefined;
  if (wanted?.mode === 'down') return { mode: 'down' };
  if (wanted?.mode === 'refusing')
    return { mode: 'refusing', errorCode: typeof wanted.errorCode === 'string' ? wanted.errorCode : ESIGNET_ERRORS.UNKNOWN_ERROR.code };
  return { mode: 'up' };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const BODY_LIMIT = 256 * 1024;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new Error('body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function readClients(file: string): Map<string, LocalEsignetClient> {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as LocalEsignetClient[];
    return new Map(stored.map((client) => [client.clientId, client]));
  } catch {
    return new Map();
  }
}

/** What the counterpart holds, as a test or a curious developer reads it. */
export function localEsignetClientsPath(dataDir: string): string {
  return join(dataDir, 'esignet', 'clients.json');
}

export function readLocalEsignetClients(dataDir: string): LocalEsignetClient[] {
  return [...readClients(localEsignetClientsPath(dataDir)).values()];
}

/** The client secret PMS presents to the local token endpoint, made once per data directory (mode 0600), never printed. */
export async function loadOrCreateEsignetClientSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, 'esignet-client-secret');
  const secret = ((await readTextFile(file)) ?? (await publishOnce(file, randomBytes(32).toString('base64url')))).trim();
  if (!/^[A-Za-z0-9_-]{32,}$/.test(secret)) throw new LocalStackError(`${file} does not hold a client secret: delete it and start again to make a new one`);
  return secret;
}
