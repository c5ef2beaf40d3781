import * as z from 'zod/mini';
import { type Route, SERVICE_PREFIXES, type Service } from '../routes/route.js';
import { ROUTES } from '../routes/route-table.js';
import operationErrors from './operation-errors.json' with { type: 'json' };

type JsonSchema = Record<string, unknown>;

const ERROR_ITEMS: JsonSchema = {
  type: 'array',
  items: { type: 'object', properties: { errorCode: { type: 'string' }, message: { type: 'string' } } },
};

/**
 * The JSON schema of a request schema in OpenAPI 3.0's dialect (`nullable`, no type lists), with the documentation
 * metadata the schemas register (functions/schemas/documented.ts). A nullable member with listed values lists null
 * too, as OpenAPI 3.0.3 asks.
 */
export function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'openapi-3.0',
    override: ({ jsonSchema }) => {
      if (jsonSchema.nullable === true && Array.isArray(jsonSchema.enum) && !jsonSchema.enum.includes(null)) jsonSchema.enum = [...jsonSchema.enum, null];
    },
  }) as JsonSchema;
  return rest;
}

function requestEnvelope(route: Route, request: JsonSchema): JsonSchema {
  if (route.envelope === 'RAW') return request;
  const time = route.envelope === 'V2' ? 'requestTime' : 'requesttime';
  return {
    type: 'object',
    required: route.envelope === 'V2' ? ['id', 'version', 'requestTime', 'request'] : route.requestTimeMustBeToday ? ['requesttime', 'request'] : ['request'],
    properties: {
      id: route.apiId ? { type: 'string', enum: [route.apiId] } : { type: 'string' },
      version: { type: 'string', example: '1.0' },
      [time]: {
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$',
        ...(route.requestTimeMustBeToday ? { description: "Required, and on today's UTC date (PMS_REQUEST_ERROR_004, PMS_REQUEST_ERROR_006)" } : {}),
      },
      metadata: {},
      request,
    },
  };
}

/** A moment to show in examples; MOSIP checks some `requesttime`s against today (see `requestTimeMustBeToday`). */
const EXAMPLE_TIME = '2026-01-01T09:30:00.000Z';

/** The route's example `request` member in a whole request body: its envelope, or the member itself (RAW). */
export function requestExample(route: Route): unknown {
  if (route.envelope === 'RAW') return route.example;
  const time = route.envelope === 'V2' ? 'requestTime' : 'requesttime';
  return { ...(route.apiId ? { id: route.apiId } : {}), version: '1.0', [time]: EXAMPLE_TIME, metadata: {}, request: route.example };
}

/** A file answer per media type: text as a string, images as bytes. */
function fileContent(mediaTypes: readonly string[]): JsonSchema {
  return Object.fromEntries(
    mediaTypes.map((type) => [type, { schema: type.startsWith('image/') ? { type: 'string', format: 'binary' } : { type: 'string' } }]),
  );
}

function responseEnvelope(route: Route): JsonSchema {
  if (route.envelope === 'RAW') return { type: 'object' };
  const time = route.envelope === 'V2' ? 'responseTime' : 'responsetime';
  return {
    type: 'object',
    properties: {
      id: { type: 'string', nullable: true },
      version: { type: 'string', nullable: true },
      [time]: { type: 'string' },
      metadata: {},
      response: route.response ? { ...schemaOf(route.response, 'output'), nullable: true } : {},
      errors: ERROR_ITEMS,
    },
  };
}

function parametersOf(route: Route): JsonSchema[] {
  const pathParameters = [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string', maxLength: 256 },
  }));
  const query = route.query ? schemaOf(route.query, 'input') : undefined;
  const required = new Set((query?.required as string[] | undefined) ?? []);
  const queryParameters = Object.entries((query?.properties as Record<string, JsonSchema> | undefined) ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema,
  }));
  return [...pathParameters, ...queryParameters];
}

/**
 * The MOSIP error codes the operation may answer, with their messages: generated from the code by
 * scripts/operation-errors.ts (the codes its modules refer to and the request pipeline's own; see there).
 */
function errorsOf(route: Route): { errorCode: string; message: string }[] {
  const codes = (operationErrors.operations as Record<string, string[]>)[route.operationId] ?? [];
  const messages = operationErrors.messages as Record<string, string[]>;
  return codes.flatMap((errorCode) => (messages[errorCode] ?? []).map((message) => ({ errorCode, message })));
}

function operationOf(route: Route): JsonSchema {
  const isPublic = route.access === 'PUBLIC';
  const errors = errorsOf(route);
  const codes = [...new Set(errors.map((error) => error.errorCode))];
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.domain],
    ...(isPublic ? { security: [] } : {}),
    'x-pms-roles': route.access,
    'x-mosip-errors': errors,
    parameters: parametersOf(route),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: requestEnvelope(route, schemaOf(route.body, 'input')),
                ...(route.example === undefined ? {} : { example: requestExample(route) }),
              },
            },
          },
        }
      : {}),
    responses: {
      '200': {
        description:
          route.envelope === 'RAW'
            ? 'The answer itself, in no MOSIP envelope'
            : `MOSIP envelope: \`response\` on success, \`errors\` on a business failure. Codes it may carry (messages in x-mosip-errors): ${codes.join(', ')}`,
        content: route.servesFiles ? fileContent(route.servesFiles) : { 'application/json': { schema: responseEnvelope(route) } },
      },
      ...(route.servesFiles ? { '404': { description: 'No such file' } } : {}),
      // A row whose only table access is the probe is a health check: DOWN when the table does not answer.
      ...(route.tableAccess === 'probe' ? { '503': { description: '`{"status":"DOWN"}`: the table failed to answer, or not in time' } } : {}),
      ...(route.body ? { '400': { description: 'PMS_COR_001: the request does not match its schema' } } : {}),
      ...(isPublic ? {} : { '401': { description: 'KER-ATH-401: no valid token' }, '403': { description: 'KER-ATH-403: role not allowed' } }),
    },
  };
}

/** The OpenAPI 3 document of one MOSIP service, generated from the route table and its request schemas. */
export function openApiDocument(service: Service, routes: readonly Route[] = ROUTES): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes.filter((r) => r.service === service)) {
    // OpenAPI has no greedy path variable: `{redirectURI+}` is documented as `{redirectURI}`.
    const path = route.path.replace('+}', '}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operationOf(route) };
  }
  return {
    openapi: '3.0.3',
    info: { title: `PMS ${service}`, version: '1.3.0', description: 'MOSIP Partner Management, wire-compatible, serverless.' },
    servers: [{ url: SERVICE_PREFIXES[service] }],
    security: [{ bearer: [] }, { authorizationCookie: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        authorizationCookie: { type: 'apiKey', in: 'cookie', name: 'Authorization' },
      },
    },
    paths,
  };
}
