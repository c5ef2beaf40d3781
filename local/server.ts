import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import type { ApiEvent } from '../functions/http/api-handler.js';
import { log } from '../functions/observability/logger.js';
import type { Route } from '../functions/routes/route.js';
import { authorizerEventOf, type GatewayRequest, pathOf, proxyEventOf, withAuthorizerContext } from './api-gateway-event.js';
import { loadHandler } from './entry-modules.js';
import { portalFiles } from './portal-files.js';
import { closeServer, LOCAL_HOST, listen, localUrl } from './ports.js';
import { createRouteMatcher, type RouteMatch } from './route-matcher.js';
import { enforcePersonalDataGrants, enforceTableGrants, withTableGrant } from './table-grants.js';

export const AUTHORIZER_ENTRY = 'functions/authorizer/handler.ts';
/** API Gateway's payload limit. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

interface HttpReply {
  status: number;
  headers: Record<string, string | string[]>;
  body?: Buffer;
}

export interface ApiServer {
  url: string;
  stop(): Promise<void>;
}

export interface ApiServerOptions {
  /** The handlers' table client: each invocation may send only the commands its row's tableAccess grants (IAM). */
  tableClient?: DynamoDBDocumentClient;
  /** A build of MOSIP's partner portal, served on the API's origin for paths no route takes (PMS_PORTAL_DIR). */
  portalDir?: string | undefined;
}

/**
 * The local API Gateway HTTP API: routes from the route table, the REQUEST authorizer on every non-public route,
 * then the route's Lambda handler, each called with the event API Gateway would send. `port` 0 picks a free one.
 */
export async function startApiServer(routes: readonly Route[], port: number, options: ApiServerOptions = {}): Promise<ApiServer> {
  if (options.tableClient) enforceTableGrants(options.tableClient);
  enforcePersonalDataGrants();
  const match = createRouteMatcher(routes);
  const portal = options.portalDir ? portalFiles(options.portalDir) : undefined;
  const server = createServer((request, response) => {
    handle(request, match, portal)
      .catch((error: unknown) => {
        // What CloudWatch would show for a crashed function or authorizer; the caller gets API Gateway's 500.
        // The route's template, not the request's path: a path can carry a key (`/partners/{partnerId}/apikey/{apikey}`).
        const route = match(request.method ?? '', pathOf(request.url ?? '/'))?.route.fullPath ?? 'no route';
        log('ERROR', 'local gateway: invocation failed', {
          method: request.method,
          route,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        return gatewayReply(500, 'Internal Server Error');
      })
      .then((reply) => write(response, reply));
  });
  await listen(server, port, LOCAL_HOST);
  const { port: actualPort } = server.address() as AddressInfo;
  return { url: localUrl(actualPort), stop: () => closeServer(server) };
}

async function handle(
  request: IncomingMessage,
  match: (method: string, path: string) => RouteMatch | undefined,
  portal: ReturnType<typeof portalFiles> | undefined,
): Promise<HttpReply> {
  const body = await readBody(request);
  if (!body) return gatewayReply(413, 'Request Entity Too Large');
  const method = request.method ?? 'GET';
  const url = request.url ?? '/';
  const matched = match(method, pathOf(url));
  if (!matched) {
    const file = pathOf(url).startsWith('/v1/') ? undefined : await portal?.(method, pathOf(url));
    return file ?? gatewayReply(404, 'Not Found');
  }

  const gatewayRequest: GatewayRequest = {
    method,
    url,
    headers: request.headersDistinct,
    body,
    sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    requestId: randomUUID(),
    receivedAt: new Date(),
  };
  let event: ApiEvent = proxyEventOf(gatewayRequest, matched);
  if (matched.route.access !== 'PUBLIC') {
    const authorize = await loadHandler(AUTHORIZER_ENTRY);
    const verdict = (await withTableGrant('authorizer', 'none', () =>
      authorize(authorizerEventOf(gatewayRequest, matched)),
    )) as APIGatewaySimpleAuthorizerWithContextResult<Record<string, unknown>>;
    if (!verdict.isAuthorized) return gatewayReply(403, 'Forbidden');
    event = withAuthorizerContext(event, verdict.context);
  }
  const invoke = await loadHandler(matched.route.entry);
  return replyOf(await withTableGrant(matched.route.operationId, matched.route.tableAccess, () => invoke(event), matched.route.personalData));
}

/** The body, or undefined once it passes the payload limit (the rest is drained, not kept). */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
  }
  return size <= MAX_REQUEST_BYTES ? Buffer.concat(chunks) : undefined;
}

/** API Gateway's own answers (no route, refused, failed) carry `{"message": …}`. */
function gatewayReply(status: number, message: string): HttpReply {
  return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ message })) };
}

/** Payload format 2.0: a result without `statusCode` is taken as a 200 JSON body. */
function replyOf(result: unknown): HttpReply {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
  }
  const structured = result as APIGatewayProxyStructuredResultV2;
  const headers: HttpReply['headers'] = Object.fromEntries(Object.entries(structured.headers ?? {}).map(([name, value]) => [name, String(value)]));
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  return {
    status: structured.statusCode ?? 200,
    headers,
    ...(structured.body === undefined ? {} : { body: Buffer.from(structured.body, structured.isBase64Encoded ? 'base64' : 'utf8') }),
  };
}

function write(response: ServerResponse, reply: HttpReply): void {
  response.writeHead(reply.status, reply.headers).end(reply.body);
}
