import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ConcurrentModificationError, PmsError, RequestValidationError } from '../errors/pms-error.js';
import { AUTH_ERRORS, REQUEST_ERRORS } from '../errors/request-errors.js';
import { log } from '../observability/logger.js';
import type { Route } from '../routes/route.js';
import { authFailureBody, type RequestMeta, responseBody, validationFailureBody } from './envelope.js';

export class AuthenticationRequired extends Error {}
export class AccessDenied extends Error {}

export function jsonResponse(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** The one place where an error becomes an HTTP answer. */
export function errorResponse(route: Route, meta: RequestMeta, now: Date, error: unknown, requestId: string): APIGatewayProxyStructuredResultV2 {
  if (error instanceof AuthenticationRequired) return jsonResponse(401, authFailureBody(meta, now, AUTH_ERRORS.AUTHENTICATION_FAILED));
  if (error instanceof AccessDenied) return jsonResponse(403, authFailureBody(meta, now, AUTH_ERRORS.FORBIDDEN));
  if (error instanceof RequestValidationError) return jsonResponse(error.httpStatus, validationFailureBody(now, error.message));
  if (error instanceof PmsError) return jsonResponse(200, responseBody(route, meta, now, null, error.errors));
  // A lost edit race is not a failure of the service: the caller is told to try again (docs/operations.md, "Edit races").
  if (error instanceof ConcurrentModificationError) return jsonResponse(200, responseBody(route, meta, now, null, [REQUEST_ERRORS.CONCURRENT_UPDATE]));
  log('ERROR', 'unexpected failure', {
    operationId: route.operationId,
    requestId,
    error: error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown',
  });
  // MOSIP answers unexpected failures with HTTP 200 and an operation-specific code; clients rely on that shape.
  return jsonResponse(200, responseBody(route, meta, now, null, [route.fallbackError ?? REQUEST_ERRORS.INTERNAL_SERVER_ERROR]));
}
