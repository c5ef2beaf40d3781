import type { APIGatewayEventRequestContextV2, APIGatewayProxyEventV2, APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import type { ApiEvent } from '../functions/http/api-handler.js';
import type { RouteMatch } from './route-matcher.js';

/** An HTTP request as it reached the gateway. */
export interface GatewayRequest {
  method: string;
  /** Path and query string, still percent-encoded. */
  url: string;
  /** Lower-case names; a header sent more than once may come as an array. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  sourceIp: string;
  requestId: string;
  receivedAt: Date;
}

const LOCAL_ACCOUNT = '000000000000';
const LOCAL_API_ID = 'local';
const STAGE = '$default';
/** Bodies API Gateway hands over as text; everything else arrives base64-encoded. */
const TEXT_CONTENT_TYPE = /^\s*(text\/|application\/([\w.+-]+\+)?(json|xml|javascript)\b)/i;

/** The Lambda proxy event (payload format 2.0) for the route's integration. */
export function proxyEventOf(request: GatewayRequest, match: RouteMatch): APIGatewayProxyEventV2 {
  const common = commonParts(request, match);
  const hasBody = request.body.length > 0;
  const isText = TEXT_CONTENT_TYPE.test(common.headers['content-type'] ?? '');
  return {
    version: '2.0',
    ...common,
    isBase64Encoded: hasBody && !isText,
    ...(hasBody ? { body: request.body.toString(isText ? 'utf8' : 'base64') } : {}),
  };
}

/** The proxy event as the function receives it once the authorizer allowed the request, with the authorizer's context. */
export function withAuthorizerContext(event: APIGatewayProxyEventV2, context: Record<string, unknown>): ApiEvent {
  return { ...event, requestContext: { ...event.requestContext, authorizer: { lambda: context } } };
}

/** The REQUEST authorizer's event (payload format 2.0) for the same request. */
export function authorizerEventOf(request: GatewayRequest, match: RouteMatch): APIGatewayRequestAuthorizerEventV2 {
  const { cookies, ...common } = commonParts(request, match);
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: `arn:aws:execute-api:local:${LOCAL_ACCOUNT}:${LOCAL_API_ID}/${STAGE}/${match.route.method}${match.route.fullPath}`,
    // No identity source: the authorizer must also run when the token is missing, to let the function answer KER-ATH-401.
    identitySource: [],
    cookies: cookies ?? [],
    ...common,
  };
}

/** The percent-encoded path of a request target such as `/a/b?c=d`. */
export function pathOf(requestUrl: string): string {
  return parsedUrl(requestUrl).pathname;
}

function parsedUrl(requestUrl: string): URL {
  // Concatenated, not resolved: a request for //x must not turn x into a host name.
  return new URL(`http://local${requestUrl}`);
}

function commonParts(request: GatewayRequest, match: RouteMatch) {
  const url = parsedUrl(request.url);
  const rawQueryString = url.search.slice(1);
  const { cookie, ...otherHeaders } = request.headers;
  const headers = flattenHeaders(otherHeaders);
  const cookies = [cookie ?? []]
    .flat()
    .flatMap((header) => header.split(';'))
    .map((c) => c.trim())
    .filter(Boolean);
  const queryStringParameters = queryParameters(url.searchParams);
  const routeKey = `${match.route.method} ${match.route.fullPath}`;
  const requestContext: APIGatewayEventRequestContextV2 = {
    accountId: LOCAL_ACCOUNT,
    apiId: LOCAL_API_ID,
    domainName: headers.host ?? 'localhost',
    domainPrefix: (headers.host ?? 'localhost').split('.')[0]!,
    http: {
      method: request.method,
      path: url.pathname,
      protocol: 'HTTP/1.1',
      sourceIp: request.sourceIp,
      userAgent: headers['user-agent'] ?? '',
    },
    requestId: request.requestId,
    routeKey,
    stage: STAGE,
    time: gatewayTime(request.receivedAt),
    timeEpoch: request.receivedAt.getTime(),
  };
  return {
    routeKey,
    rawPath: url.pathname,
    rawQueryString,
    headers,
    requestContext,
    ...(cookies.length > 0 ? { cookies } : {}),
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(Object.keys(match.pathParameters).length > 0 ? { pathParameters: match.pathParameters } : {}),
  };
}

/** Payload 2.0 has no multi-value fields: repeated headers and query parameters are joined with commas. */
function flattenHeaders(headers: GatewayRequest['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return flat;
}

function queryParameters(params: URLSearchParams): Record<string, string> | undefined {
  const joined: Record<string, string> = {};
  for (const name of new Set(params.keys())) joined[name] = params.getAll(name).join(',');
  return Object.keys(joined).length > 0 ? joined : undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, API Gateway's request time format. */
function gatewayTime(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()}:${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())} +0000`;
}
