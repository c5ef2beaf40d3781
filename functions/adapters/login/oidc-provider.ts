import { loadOnce } from '../../domain/load-once.js';
import { type IdentityProvider, IdentityProviderRefusal, type ProviderEndpoints } from '../../domain/login/ports.js';

const TIMEOUT_MS = 5000;

interface Discovery {
  issuer?: unknown;
  authorization_endpoint?: unknown;
  token_endpoint?: unknown;
  end_session_endpoint?: unknown;
}

/**
 * An OpenID provider found through its discovery document (read once per container; a failed read is tried again
 * next time). The code is exchanged with HTTP Basic client authentication, which Keycloak and Cognito both accept.
 */
export function oidcProvider(
  settings: { issuer: string; clientId: string },
  clientSecret: () => Promise<string>,
  fetchImpl: typeof fetch = fetch,
): IdentityProvider {
  const endpoints = loadOnce(() => discover(settings.issuer, fetchImpl));
  return {
    endpoints,
    async exchangeCode({ code, redirectUri, codeVerifier }) {
      const { token } = await endpoints();
      const credentials = Buffer.from(`${encodeURIComponent(settings.clientId)}:${encodeURIComponent(await clientSecret())}`).toString('base64');
      const response = await fetchImpl(token, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: `Basic ${credentials}` },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          code_verifier: codeVerifier,
          client_id: settings.clientId,
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const answer = (await response.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown; error_description?: unknown };
      if (!response.ok || typeof answer.access_token !== 'string') {
        throw new IdentityProviderRefusal(String(answer.error_description ?? answer.error ?? `HTTP ${response.status}`));
      }
      return { accessToken: answer.access_token };
    },
  };
}

async function discover(issuer: string, fetchImpl: typeof fetch): Promise<ProviderEndpoints> {
  const response = await fetchImpl(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`the identity provider's discovery answered HTTP ${response.status}`);
  const document = (await response.json()) as Discovery;
  // RFC 8414 §3.3: a document naming another issuer is not this provider's.
  if (document.issuer !== issuer) throw new Error(`the discovery document names issuer ${String(document.issuer)}, not ${issuer}`);
  const url = (value: unknown, name: string) => {
    if (typeof value !== 'string' || !/^https?:\/\//.test(value)) throw new Error(`the discovery document has no ${name}`);
    return value;
  };
  return {
    authorization: url(document.authorization_endpoint, 'authorization_endpoint'),
    token: url(document.token_endpoint, 'token_endpoint'),
    endSession: typeof document.end_session_endpoint === 'string' ? url(document.end_session_endpoint, 'end_session_endpoint') : undefined,
  };
}
