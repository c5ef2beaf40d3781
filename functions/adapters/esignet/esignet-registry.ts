import type { EsignetApi } from '../../domain/oidc-clients/oidc-client.js';
import { type EsignetClientRegistry, EsignetRefusal, type EsignetRegistration, EsignetUnavailable } from '../../domain/oidc-clients/ports.js';
import { OIDC_CLIENT_ERRORS } from '../../errors/oidc-client-errors.js';

export interface EsignetConnection {
  /** eSignet's service root, without a trailing slash. */
  url: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: () => Promise<string>;
  /** Per HTTP call. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** A token is renewed this long before it expires. */
const TOKEN_MARGIN_MS = 30_000;

interface EsignetAnswer {
  response?: unknown;
  errors?: { errorCode?: unknown; errorMessage?: unknown }[] | null;
}

/**
 * eSignet's client-management API over HTTP with a service token. An answer with errors is eSignet's refusal
 * (EsignetRefusal with its errorCode and errorMessage, passed on as MOSIP passes them on); no answer (network,
 * timeout, an HTTP error status, a body that is not eSignet's envelope) is EsignetUnavailable with MOSIP's code:
 * PMS_KKS_001 (not reachable), PMS_PRT_107 (no response), PMS_PRT_500 (not understood). The token and the secret
 * are never logged nor put in an error.
 */
export function httpEsignetRegistry(connection: EsignetConnection): EsignetClientRegistry {
  const fetchImpl = connection.fetch ?? fetch;
  const now = connection.now ?? Date.now;
  const timeoutMs = connection.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let cached: { token: string; expiresAt: number } | undefined;

  async function token(): Promise<string> {
    if (cached && cached.expiresAt - TOKEN_MARGIN_MS > now()) return cached.token;
    const secret = await connection.clientSecret();
    const basic = Buffer.from(`${encodeURIComponent(connection.clientId)}:${encodeURIComponent(secret)}`).toString('base64');
    const answer = await send(connection.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
    });
    const body = (await answer.json().catch(() => undefined)) as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (!answer.ok || typeof body?.access_token !== 'string') {
      throw new EsignetUnavailable(OIDC_CLIENT_ERRORS.API_NOT_ACCESSIBLE, `token endpoint answered HTTP ${answer.status}`);
    }
    const lifetime = typeof body.expires_in === 'number' ? body.expires_in * 1000 : 60_000;
    cached = { token: body.access_token, expiresAt: now() + lifetime };
    return cached.token;
  }

  async function send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new EsignetUnavailable(OIDC_CLIENT_ERRORS.API_NOT_ACCESSIBLE, `${new URL(url).host} not reachable: ${(error as Error).name}`);
    }
  }

  async function call(method: 'POST' | 'PUT', path: string, request: Record<string, unknown>): Promise<void> {
    const body = JSON.stringify({ requestTime: new Date(now()).toISOString(), request });
    const attempt = async () =>
      send(`${connection.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
        body,
      });
    let answer = await attempt();
    if (answer.status === 401) {
      cached = undefined; // revoked or expired early: one new token, one more try
      answer = await attempt();
    }
    if (!answer.ok) throw new EsignetUnavailable(OIDC_CLIENT_ERRORS.API_NOT_ACCESSIBLE, `eSignet answered HTTP ${answer.status}`);
    const parsed = (await answer.json().catch(() => undefined)) as EsignetAnswer | undefined;
    if (!parsed || typeof parsed !== 'object') throw new EsignetUnavailable(OIDC_CLIENT_ERRORS.UNABLE_TO_PROCESS, 'eSignet answered no JSON');
    const [first] = parsed.errors ?? [];
    if (first) {
      const code = typeof first.errorCode === 'string' ? first.errorCode : OIDC_CLIENT_ERRORS.UNABLE_TO_PROCESS.code;
      const message = typeof first.errorMessage === 'string' ? first.errorMessage : code;
      throw new EsignetRefusal({ code, message });
    }
    if (parsed.response === null || parsed.response === undefined)
      throw new EsignetUnavailable(OIDC_CLIENT_ERRORS.API_NULL_RESPONSE, 'eSignet answered no response');
  }

  return {
    create: (api, registration) => call('POST', clientPath(api), createRequest(api, registration)),
    update: (api, registration) => call('PUT', `${clientPath(api)}/${encodeURIComponent(registration.clientId)}`, updateRequest(api, registration)),
  };
}

/** MOSIP's URLs: `oauth-client` (with clientNameLangMap) for `/oauth/client`, `oidc-client` for the deprecated `/oidc/client`. */
function clientPath(api: EsignetApi): string {
  return `/client-mgmt/${api}-client`;
}

/** CreateClientRequestDto(V2). */
export function createRequest(api: EsignetApi, registration: EsignetRegistration): Record<string, unknown> {
  return {
    clientId: registration.clientId,
    clientName: registration.name,
    publicKey: registration.publicKey,
    relyingPartyId: registration.relyingPartyId,
    userClaims: registration.claims,
    authContextRefs: registration.acrValues,
    logoUri: registration.logoUri,
    redirectUris: registration.redirectUris,
    grantTypes: registration.grantTypes,
    clientAuthMethods: registration.clientAuthMethods,
    ...(api === 'oauth' ? { clientNameLangMap: registration.clientNameLangMap ?? {} } : {}),
  };
}

/** UpdateClientRequestDto(V2): the whole client, so sending it again is harmless. */
export function updateRequest(api: EsignetApi, registration: EsignetRegistration): Record<string, unknown> {
  return {
    logoUri: registration.logoUri,
    redirectUris: registration.redirectUris,
    status: registration.status,
    grantTypes: registration.grantTypes,
    clientName: registration.name,
    userClaims: registration.claims,
    authContextRefs: registration.acrValues,
    clientAuthMethods: registration.clientAuthMethods,
    ...(api === 'oauth' ? { clientNameLangMap: registration.clientNameLangMap ?? {} } : {}),
  };
}
