import { createServer, type Server } from 'node:http';
import { jwksUriOf } from '../functions/auth/issuers.js';
import type { LocalIssuer } from './issuer.js';
import { type AuthorizationServerOptions, createOidcProvider } from './oidc-provider.js';
import { closeServer, LOCAL_HOST, listen, localUrl } from './ports.js';

/**
 * Serves the key set at each issuer's JWKS address and, given `authorization`, the Keycloak-shaped issuer's OpenID
 * provider endpoints (local/oidc-provider.ts). `npm run token` mints in-process.
 */
export async function startIssuerServer(
  issuer: LocalIssuer,
  port: number,
  authorization?: AuthorizationServerOptions,
): Promise<{ url: string; stop(): Promise<void> }> {
  const jwksPaths = new Set(issuer.configs.map((config) => new URL(jwksUriOf(config)).pathname));
  const body = JSON.stringify(issuer.jwks);
  const provider = authorization && createOidcProvider(issuer, authorization);
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    if (request.method === 'GET' && jwksPaths.has(url.pathname)) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } else if (provider?.serves(url.pathname)) {
      provider.handle(request, response, url).catch((error: unknown) => {
        console.error(`local issuer: ${request.method} ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end('{"error":"server_error"}');
      });
    } else {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    }
  });
  await listen(server, port, LOCAL_HOST);
  return { url: localUrl(port), stop: () => closeServer(server) };
}
