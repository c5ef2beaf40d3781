import type * as z from 'zod/mini';
import type { LoginUse } from '../auth/login-settings.js';
import type { Role } from '../auth/roles.js';
import type { ErrorDefinition } from '../errors/pms-error.js';
import type { PersonalDataUse } from './personal-data-access.js';
import type { TableAccess } from './table-access.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** MOSIP's two services keep their context paths. */
export const SERVICE_PREFIXES = {
  partnermanager: '/v1/partnermanager',
  policymanager: '/v1/policymanager',
} as const;
export type Service = keyof typeof SERVICE_PREFIXES;

/**
 * How the request body is wrapped and how the answer is wrapped:
 * - `V1`: `{id, version, requesttime, metadata, request}` in, `{id, version, responsetime, metadata, response, errors}` out.
 * - `V1_POLICY`: as V1, but the policy service's response envelope has no `metadata`.
 * - `V2`: the revamp envelope (`requestTime` / `responseTime`), with a fixed API id checked on the way in.
 * - `RAW`: no MOSIP envelope (health, OpenAPI documents).
 */
export type Envelope = 'V1' | 'V1_POLICY' | 'V2' | 'RAW';

/** Who may call: listed roles, any signed-in user (MOSIP endpoints without @PreAuthorize), or anyone. */
export type Access = readonly Role[] | 'AUTHENTICATED' | 'PUBLIC';

/** Bounded contexts; each becomes its own nested stack. */
export type Domain = 'platform' | 'policy' | 'partner';

export interface RouteDefinition<
  Body extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  Query extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
> {
  operationId: string;
  summary: string;
  domain: Domain;
  service: Service;
  method: HttpMethod;
  /**
   * What the operation's code does to the table, whatever its method (searches are read-only POSTs, and MOSIP's
   * license regeneration is a writing GET): the function's IAM grant, enforced by the local server too.
   */
  tableAccess: TableAccess;
  /** What the operation does with personal data (absent: nothing); its KMS grant, enforced locally too. */
  personalData?: readonly PersonalDataUse[];
  /** MOSIP path relative to the service prefix, with `{param}` placeholders. */
  path: string;
  access: Access;
  envelope: Envelope;
  /** V2 only: the `id` the request must carry and the response echoes (MOSIP `mosip.pms.api.id.*`). */
  apiId?: string;
  /**
   * V1 endpoints whose MOSIP controller calls RequestValidator.validateReqTime once the body passed bean
   * validation: a missing, null or empty `requesttime` is PMS_REQUEST_ERROR_004, another UTC date PMS_REQUEST_ERROR_006.
   * Elsewhere a V1 `requesttime` may be left out; when present it must still be a MOSIP timestamp.
   */
  requestTimeMustBeToday?: boolean;
  /**
   * V1 only: the success envelope echoes the request's id/version, where MOSIP's controller calls
   * `response.setId(request.getId())`. With neither this nor `responseMeta` both stay null, as in MOSIP's
   * controllers that return a fresh ResponseWrapper (test/unit/envelope-meta.test.ts lists the rows per rule).
   */
  echoRequestMeta?: boolean;
  /** V1 only: the fixed id/version some MOSIP endpoints put on their success envelope. */
  responseMeta?: { id: string; version: string };
  /**
   * Path parameters MOSIP binds even when blank (`%20`), leaving the operation's own lookup to refuse them with its
   * code; any other blank path parameter is PMS_COR_001.
   */
  blankPathParameters?: readonly string[];
  /** Schema of the envelope's `request` member (or the raw body for RAW routes). */
  body?: Body;
  query?: Query;
  /** A valid `request` member: shown in the OpenAPI document, and used by tests that need a well-formed call. */
  example?: Body extends z.ZodMiniType ? z.input<Body> : never;
  /**
   * Schema of the success envelope's `response` member: documentation only, shown in the OpenAPI document and checked
   * against real answers by test/e2e/openapi-responses.test.ts (absent: the document shows any value).
   */
  response?: z.ZodMiniType;
  /** MOSIP's answer when something unexpected fails inside the operation. */
  fallbackError?: ErrorDefinition;
  /**
   * The operation re-signs partner certificates with the PMS issuing CA: only these functions may call kms:Sign on
   * that key (and read the PMS CA from the table).
   */
  signsCertificates?: boolean;
  /** The operation is one of MOSIP's login endpoints: it gets the identity provider's settings (functions/auth/login-settings.ts). */
  login?: LoginUse;
  /**
   * What the operation needs of eSignet (functions/adapters/esignet/esignet-settings.ts): `registers` clients there
   * (the eSignet settings and a read of its client secret), or only the `setting` that says whether it is configured.
   */
  esignet?: EsignetUse;
  /** RAW only: the answer is one of these files, not JSON (documented as such, with 404 for any other name). */
  servesFiles?: readonly string[];
  /** Lambda entry file, relative to the repository root. */
  entry: string;
}

export type EsignetUse = 'registers' | 'setting';

export type Route = RouteDefinition & { fullPath: string };

export function fullPathOf(route: Pick<RouteDefinition, 'service' | 'path'>): string {
  return SERVICE_PREFIXES[route.service] + route.path;
}

/** Ties a row's schema types to its handler; adds nothing at run time but the full path. */
export function defineRoute<Body extends z.ZodMiniType | undefined = undefined, Query extends z.ZodMiniType | undefined = undefined>(
  definition: RouteDefinition<Body, Query>,
): RouteDefinition<Body, Query> & { fullPath: string } {
  return { ...definition, fullPath: fullPathOf(definition) };
}
