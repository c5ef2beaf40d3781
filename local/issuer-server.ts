import { createServer, type Server } from 'node:http';
import { jwksUriOf } from '../functions/auth/issuers.js';
import type { LocalIssuer } from './issuer.js';
import { closeServer, LOCAL_HOST, listen, localUrl } from './ports.js';

/** Serves the key set at each issuer's JWKS address; minting happens in-process (`npm run token`). */
export async function startIssuerServer(issuer: LocalIssuer, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const jwksPaths = new Set(issuer.configs.map((config) => new URL(jwksUriOf(config)).pathname));
  const body = JSON.stringify(issuer.jwks);
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    if (request.method === 'GET' && jwksPaths.has(path)) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } else {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    }
  });
  await listen(server, port, LOCAL_HOST);
  return { url: localUrl(port), stop: () => closeServer(server) };
}
