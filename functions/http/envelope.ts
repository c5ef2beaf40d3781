import type { ErrorDefinition } from '../errors/pms-error.js';
import type { Route } from '../routes/route.js';

/** What the envelope of a request says about itself; echoed back where MOSIP echoes it. */
export interface RequestMeta {
  id: string | null;
  version: string | null;
}

export const NO_REQUEST_META: RequestMeta = { id: null, version: null };

/**
 * MOSIP's envelope timestamp, `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` (ResponseWrapper's @JsonFormat on a UTC LocalDateTime):
 * the one format of `responsetime` / `responseTime` on every answer of every route.
 */
export function envelopeTime(now: Date): string {
  return now.toISOString();
}

export function errorItems(errors: readonly ErrorDefinition[]): { errorCode: string; message: string }[] {
  return errors.map((e) => ({ errorCode: e.code, message: e.message }));
}

/**
 * The success or business-error body for a route's envelope; field order follows MOSIP's DTOs.
 * V1 successes echo the request's id/version only on the endpoints that do so in MOSIP.
 */
export function responseBody(
  route: Pick<Route, 'envelope' | 'apiId' | 'echoRequestMeta' | 'responseMeta'>,
  meta: RequestMeta,
  now: Date,
  response: unknown,
  errors: readonly ErrorDefinition[] = [],
): unknown {
  const items = errorItems(errors);
  const failed = items.length > 0;
  const echoed = failed ? NO_REQUEST_META : route.echoRequestMeta ? meta : (route.responseMeta ?? NO_REQUEST_META);
  switch (route.envelope) {
    case 'V2':
      return { id: route.apiId ?? null, version: '1.0', responseTime: envelopeTime(now), metadata: null, response, errors: items };
    case 'V1_POLICY':
      // Policy-service errors go through the kernel wrapper, which has `metadata`; its successes do not.
      return failed
        ? { id: null, version: null, responsetime: envelopeTime(now), metadata: null, response, errors: items }
        : { id: echoed.id, version: echoed.version, responsetime: envelopeTime(now), response, errors: items };
    case 'V1':
    case 'RAW':
      return failed
        ? { id: 'mosip.partnermanagement', version: '1.0', responsetime: envelopeTime(now), metadata: null, response, errors: items }
        : { id: echoed.id, version: echoed.version, responsetime: envelopeTime(now), metadata: null, response, errors: items };
  }
}

/** kernel-auth-adapter's 401/403 body: always the classic envelope, id/version copied from the request body. */
export function authFailureBody(meta: RequestMeta, now: Date, error: ErrorDefinition): unknown {
  return { id: meta.id, version: meta.version, responsetime: envelopeTime(now), metadata: null, response: null, errors: errorItems([error]) };
}

/**
 * Spring's MethodArgumentNotValidException body in MOSIP: an ordered map with `responsetime` after `response`,
 * HTTP 400, only the first field error.
 */
export function validationFailureBody(now: Date, message: string): unknown {
  return {
    id: null,
    version: null,
    metadata: null,
    response: null,
    // MOSIP puts a raw LocalDateTime in this map, so Jackson writes it without the `Z` its ResponseWrapper has; one
    // format on every answer is kept here instead (issue #20): the instant is the same, and MOSIP's api-test rig
    // ignores responsetime.
    responsetime: envelopeTime(now),
    errors: [{ errorCode: 'PMS_COR_001', message }],
  };
}
