import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { PmsError, RequestValidationError } from '../errors/pms-error.js';
import { REQUEST_ERRORS } from '../errors/request-errors.js';
import type { Route } from '../routes/route.js';
import { NO_REQUEST_META, type RequestMeta } from './envelope.js';
import { isJsonContentType } from './same-site.js';

/** No MOSIP request body comes near this; anything larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 64 * 1024;
const MAX_PATH_PARAMETER_LENGTH = 256;
const MOSIP_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface ParsedRequest {
  meta: RequestMeta;
  body: unknown;
  query: unknown;
  params: Record<string, string>;
}

export function rawBodyOf(event: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>): string | undefined {
  if (event.body === undefined || event.body === null) return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** id/version of a body, read leniently: only used to echo them back in error envelopes. */
export function lenientMeta(raw: string | undefined): RequestMeta {
  if (!raw || raw.length > MAX_BODY_BYTES) return NO_REQUEST_META;
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    return {
      id: typeof parsed?.id === 'string' ? parsed.id : null,
      version: typeof parsed?.version === 'string' ? parsed.version : null,
    };
  } catch {
    return NO_REQUEST_META;
  }
}

export function parseRequest(route: Route, event: APIGatewayProxyEventV2, now: Date): ParsedRequest {
  const params = pathParameters(event.pathParameters, route.blankPathParameters ?? []);
  const query = route.query ? validate(route.query, event.queryStringParameters ?? {}, '') : undefined;
  const raw = rawBodyOf(event);
  if (raw !== undefined && Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
    throw new RequestValidationError(`request body must not exceed ${MAX_BODY_BYTES} bytes`, 'request', 413);
  }
  if (!route.body) return { meta: lenientMeta(raw), body: undefined, query, params };
  if (raw !== undefined && raw.trim() !== '' && !isJsonContentType(event.headers?.['content-type'])) {
    throw new RequestValidationError(`Content-Type must be application/json, not ${event.headers?.['content-type'] || 'none'}`, 'Content-Type', 415);
  }

  const json = parseJsonObject(raw);
  const meta: RequestMeta = {
    id: typeof json.id === 'string' ? json.id : null,
    version: typeof json.version === 'string' ? json.version : null,
  };
  if (route.envelope === 'RAW') return { meta, body: validate(route.body, json, ''), query, params };
  if (route.envelope === 'V2') {
    checkV2Envelope(route, json, now);
    if (json.request === undefined || json.request === null) throw new PmsError(REQUEST_ERRORS.INVALID_REQUEST_BODY);
    return { meta, body: validate(route.body, json.request, 'request'), query, params };
  }
  const requestTime = v1RequestTime(json.requesttime);
  if (json.request === undefined || json.request === null) throw new RequestValidationError('must not be null', 'request');
  const body = validate(route.body, json.request, 'request');
  // MOSIP's controllers call RequestValidator.validateReqTime only once @Valid has accepted the body.
  if (route.requestTimeMustBeToday) checkRequestTimeIsToday(requestTime, now);
  return { meta, body, query, params };
}

function parseJsonObject(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined || raw.trim() === '') throw new RequestValidationError('request body is missing', 'request');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new RequestValidationError('request body is not valid JSON', 'request');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new RequestValidationError('request body must be a JSON object', 'request');
  }
  return parsed as Record<string, unknown>;
}

/** MOSIP RequestValidator.validate: id, then requestTime, then version, then request (checked by the caller). */
function checkV2Envelope(route: Route, json: Record<string, unknown>, now: Date): void {
  if (json.id !== route.apiId) throw new PmsError(REQUEST_ERRORS.INVALID_REQUEST_ID);
  checkRequestTimeIsToday(json.requestTime, now);
  if (typeof json.version !== 'string' || json.version.toLowerCase() !== '1.0') {
    throw new PmsError(REQUEST_ERRORS.INVALID_REQUEST_VERSION);
  }
}

/**
 * The V1 `requesttime`, as MOSIP's Jackson binding reads it: absent, null, empty or blank is no time at all (so
 * only the endpoints that require a time refuse it, with PMS_REQUEST_ERROR_004); anything else must be a MOSIP
 * timestamp, else the body fails to bind before any other check.
 */
function v1RequestTime(time: unknown): string | undefined {
  if (time === undefined || time === null || (typeof time === 'string' && time.trim() === '')) return undefined;
  if (typeof time !== 'string' || !MOSIP_TIMESTAMP.test(time)) {
    throw new RequestValidationError("must match yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", 'requesttime');
  }
  return time;
}

/** MOSIP compares only the UTC date, with no tolerance window. */
function checkRequestTimeIsToday(time: unknown, now: Date): void {
  if (typeof time !== 'string' || !MOSIP_TIMESTAMP.test(time) || Number.isNaN(Date.parse(time))) {
    throw new PmsError(REQUEST_ERRORS.INVALID_REQUEST_DATETIME);
  }
  if (time.slice(0, 10) !== now.toISOString().slice(0, 10)) {
    throw new PmsError(REQUEST_ERRORS.REQUEST_DATE_NOT_CURRENT);
  }
}

function pathParameters(raw: Record<string, string | undefined> | undefined, blankAllowed: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value === undefined || (value.trim() === '' && !blankAllowed.includes(name))) throw new RequestValidationError('must not be blank', name);
    if (value.length > MAX_PATH_PARAMETER_LENGTH) {
      throw new RequestValidationError(`size must be between 1 and ${MAX_PATH_PARAMETER_LENGTH}`, name);
    }
    params[name] = value;
  }
  return params;
}

function validate(schema: z.ZodMiniType, value: unknown, root: string): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new RequestValidationError(issue.message, springFieldPath(root, issue.path));
}

/** Spring names a field `request.filters[0].type`: dots between properties, brackets around indexes. */
function springFieldPath(root: string, path: readonly PropertyKey[]): string {
  let result = root;
  for (const segment of path) {
    if (typeof segment === 'number') result += `[${segment}]`;
    else result += result ? `.${String(segment)}` : String(segment);
  }
  return result || 'request';
}
