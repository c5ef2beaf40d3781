import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { Principal } from '../auth/principal.js';
import type { Caller } from '../domain/caller.js';
import { KEEP_LAMBDA_TIMEOUT, observability } from '../observability/observed-handler.js';
import type { Route, RouteDefinition } from '../routes/route.js';
import type { RequestMeta } from './envelope.js';
import { authorization } from './pipeline/authorization.js';
import { errorMapping } from './pipeline/error-mapping.js';
import type { ApiEvent, PipelineContext, PipelineState } from './pipeline/pipeline-request.js';
import { requestLog } from './pipeline/request-log.js';
import { requestMetrics } from './pipeline/request-metrics.js';
import { requestParsing } from './pipeline/request-parsing.js';
import { requestStart } from './pipeline/request-start.js';
import { responseEnvelope } from './pipeline/response-envelope.js';
import { requestCookies } from './request-cookies.js';

export type { ApiEvent } from './pipeline/pipeline-request.js';

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

/**
 * Wraps an operation as a Lambda handler: authenticate, check the route's roles, parse and validate the
 * envelope, run, and wrap the answer in the route's MOSIP envelope. Every route goes through here.
 */
export function apiHandler<Body extends z.ZodMiniType | undefined, Query extends z.ZodMiniType | undefined>(
  route: RouteDefinition<Body, Query> & { fullPath: string },
  operation: (input: OperationInput<Output<Body>, Output<Query>>) => Promise<unknown>,
): (event: ApiEvent, context?: object) => Promise<APIGatewayProxyStructuredResultV2> {
  const anyRoute = route as Route;
  const pipeline = middy<ApiEvent, unknown, unknown, PipelineContext>(KEEP_LAMBDA_TIMEOUT)
    // before: in this order; after and onError: in reverse.
    .use([
      ...observability(),
      requestStart,
      requestLog(anyRoute),
      requestMetrics(anyRoute),
      errorMapping(anyRoute),
      responseEnvelope(anyRoute),
      authorization(anyRoute),
      requestParsing(anyRoute),
    ])
    .handler((event, context) => operation(operationInput(event, context.pipeline) as OperationInput<Output<Body>, Output<Query>>));
  return (event, context = {}) => pipeline(event, context as PipelineContext) as Promise<APIGatewayProxyStructuredResultV2>;
}

function operationInput(event: ApiEvent, { principal, parsed, now }: PipelineState): OperationInput<unknown, unknown> {
  if (!principal || !parsed) throw new Error('the pipeline ran the operation before authorizing and parsing');
  return {
    principal,
    caller: { userId: principal.userId, subject: principal.subject, email: principal.email, isAdmin: principal.roles.has('PARTNER_ADMIN') },
    body: parsed.body,
    query: parsed.query,
    params: parsed.params,
    meta: parsed.meta,
    now,
    cookies: requestCookies(event.cookies, event.headers?.cookie),
    origin: requestOrigin(event.headers ?? {}),
  };
}

/**
 * `x-forwarded-proto` is set by API Gateway; a request without it came over plain HTTP (npm start). Behind CloudFront
 * the host is API Gateway's, which is why the login takes the public URL from its settings when one is given.
 */
function requestOrigin(headers: Record<string, string | undefined>): string {
  const protocol = headers['x-forwarded-proto']?.split(',')[0]?.trim() || 'http';
  return `${protocol}://${headers.host ?? 'localhost'}`;
}
