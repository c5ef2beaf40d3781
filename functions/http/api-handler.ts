import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { fromAuthorizerContext, type Principal } from '../auth/principal.js';
import type { Caller } from '../domain/caller.js';
import type { Route, RouteDefinition } from '../routes/route.js';
import { NO_REQUEST_META, type RequestMeta, responseBody } from './envelope.js';
import { AccessDenied, AuthenticationRequired, errorResponse, jsonResponse } from './error-response.js';
import { HttpReply } from './http-reply.js';
import { log } from './logger.js';
import { requestCookies } from './request-cookies.js';
import { lenientMeta, parseRequest, rawBodyOf } from './request-parser.js';
import { refuseCrossSiteWrite } from './same-site.js';

type Output<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface OperationInput<Body, Query> {
  principal: Principal;
  caller: Caller;
  body: Body;
  query: Query;
  params: Record<string, string>;
  meta: RequestMeta;
  now: Date;
  /** The request's cookies by name (MOSIP's login reads its state and the token from them). */
  cookies: Record<string, string>;
  /** The origin the request came in on (`https://host`), as the browser sees it behind API Gateway or CloudFront. */
  origin: string;
}

/** The event as API Gateway (or the local server) hands it over, with the authorizer's context. */
export type ApiEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & { authorizer?: { lambda?: Record<string, unknown> } };
};

const ANONYMOUS: Principal = { userId: 'anonymous', subject: 'anonymous', roles: new Set() };

/**
 * Wraps an operation as a Lambda handler: authenticate, check the route's roles, parse and validate the
 * envelope, run, and wrap the answer in the route's MOSIP envelope. Every route goes through here.
 */
export function apiHandler<Body extends z.ZodMiniType | undefined, Query extends z.ZodMiniType | undefined>(
  route: RouteDefinition<Body, Query> & { fullPath: string },
  operation: (input: OperationInput<Output<Body>, Output<Query>>) => Promise<unknown>,
): (event: ApiEvent) => Promise<APIGatewayProxyStructuredResultV2> {
  const anyRoute = route as Route;
  return async (event) => {
    const now = new Date();
    const requestId = event.requestContext?.requestId ?? '';
    let meta: RequestMeta = NO_REQUEST_META;
    try {
      const principal = authorize(anyRoute, event);
      refuseCrossSiteWrite(anyRoute, event.headers ?? {});
      const parsed = parseRequest(anyRoute, event, now);
      meta = parsed.meta;
      const result = await operation({
        principal,
        caller: { userId: principal.userId, subject: principal.subject, email: principal.email, isAdmin: principal.roles.has('PARTNER_ADMIN') },
        body: parsed.body as Output<Body>,
        query: parsed.query as Output<Query>,
        params: parsed.params,
        meta,
        now,
        cookies: requestCookies(event.cookies, event.headers?.cookie),
        origin: requestOrigin(event.headers ?? {}),
      });
      if (result instanceof HttpReply) {
        log('INFO', 'operation succeeded', { operationId: route.operationId, requestId, status: result.statusCode });
        return result.toLambdaResult();
      }
      log('INFO', 'operation succeeded', { operationId: route.operationId, requestId, userId: principal.userId });
      return jsonResponse(200, route.envelope === 'RAW' ? result : responseBody(anyRoute, meta, now, result));
    } catch (error) {
      if (meta === NO_REQUEST_META) meta = lenientMeta(rawBodyOf(event));
      const response = errorResponse(anyRoute, meta, now, error, requestId);
      log('INFO', 'operation refused', { operationId: route.operationId, requestId, status: response.statusCode, errorCode: errorCodeOf(error) });
      return response;
    }
  };
}

function authorize(route: Route, event: ApiEvent): Principal {
  if (route.access === 'PUBLIC') return ANONYMOUS;
  const principal = fromAuthorizerContext(event.requestContext?.authorizer?.lambda);
  if (!principal) throw new AuthenticationRequired();
  if (route.access === 'AUTHENTICATED') return principal;
  if (!route.access.some((role) => principal.roles.has(role))) throw new AccessDenied();
  return principal;
}

function errorCodeOf(error: unknown): string {
  if (error instanceof AuthenticationRequired) return 'KER-ATH-401';
  if (error instanceof AccessDenied) return 'KER-ATH-403';
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}

/**
 * `x-forwarded-proto` is set by API Gateway; a request without it came over plain HTTP (npm start). Behind CloudFront
 * the host is API Gateway's, which is why the login takes the public URL from its settings when one is given.
 */
function requestOrigin(headers: Record<string, string | undefined>): string {
  const protocol = headers['x-forwarded-proto']?.split(',')[0]?.trim() || 'http';
  return `${protocol}://${headers.host ?? 'localhost'}`;
}
