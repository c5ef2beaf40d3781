import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Principal } from '../../functions/auth/principal.js';
import { PMS_ROLES } from '../../functions/auth/roles.js';
import { REQUEST_ERRORS } from '../../functions/errors/request-errors.js';
import { apiHandler } from '../../functions/http/api-handler.js';
import { MAX_BODY_BYTES } from '../../functions/http/request-parser.js';
import { isJsonContentType } from '../../functions/http/same-site.js';
import type { Route } from '../../functions/routes/route.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { apiEvent, type RouteRequest } from '../support/lambda-events.js';

/*
 * The request pipeline every route runs through (authenticate, authorize, parse, validate, envelope), fuzzed as
 * middy fuzzes its middlewares: whatever arrives, the answer is a well-formed MOSIP envelope with an expected
 * status, the pipeline never throws nor fails unexpectedly, and the operation (the only thing that writes) runs
 * only for an allowed caller with a body its schema accepts.
 */

const STATUSES = new Set([200, 400, 401, 403, 413, 415]);
const ENVELOPE_KEYS = ['id', 'version', 'response', 'errors'];

const today = () => new Date().toISOString();

function placeholders(route: Route): string[] {
  return [...route.path.matchAll(/\{(\w+)\+?\}/g)].map(([, name]) => name!);
}

const principal: fc.Arbitrary<Principal | undefined> = fc.option(
  fc.record({ userId: fc.string({ minLength: 1, maxLength: 20 }), subject: fc.uuid(), roles: fc.subarray([...PMS_ROLES]).map((roles) => new Set(roles)) }),
  { nil: undefined },
);

const anyJson = fc.jsonValue({ maxDepth: 4 });

/** A body that is sometimes well-formed for the route, sometimes nearly, sometimes anything at all. */
function bodyFor(route: Route): fc.Arbitrary<string | object | undefined> {
  const request = fc.oneof(fc.constant(route.example), anyJson, fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 5 }));
  const time = fc.oneof(
    fc.constant(today()),
    fc.constant(undefined),
    fc.string({ maxLength: 30 }),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  );
  const envelope = fc.record(
    {
      id: fc.oneof(fc.constant(route.apiId ?? 'mosip.pms'), fc.string({ maxLength: 20 }), anyJson),
      version: fc.oneof(fc.constant('1.0'), fc.string({ maxLength: 5 }), anyJson),
      requesttime: time,
      requestTime: time,
      metadata: fc.oneof(fc.constant({}), anyJson),
      request,
    },
    { requiredKeys: ['request'] },
  );
  return fc.oneof(
    { weight: 4, arbitrary: envelope },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: anyJson.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 3 }).map((chunk) => chunk.repeat(MAX_BODY_BYTES)) },
  );
}

function requestFor(route: Route): fc.Arbitrary<RouteRequest> {
  const parameter = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constant(''), fc.constant(' '), fc.string({ minLength: 250, maxLength: 300 }));
  return fc.record({
    body: bodyFor(route),
    headers: fc.oneof(
      fc.constant({}),
      fc.dictionary(
        fc.constantFrom('content-type', 'cookie', 'origin', 'sec-fetch-site', 'x-forwarded-for', 'accept'),
        fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('application/json', 'text/plain', 'cross-site', 'same-origin', 'https://evil.example')),
        { maxKeys: 3 },
      ),
    ),
    query: fc.oneof(fc.constant(''), fc.string({ maxLength: 60 }), fc.webQueryParameters()),
    pathParameters: fc.record(Object.fromEntries(placeholders(route).map((name) => [name, parameter]))),
    principal,
  });
}

const call = fc.constantFrom(...ROUTES).chain((route) => requestFor(route).map((request) => ({ route, request })));

function allowed(route: Route, who: Principal | undefined): boolean {
  if (route.access === 'PUBLIC') return true;
  if (!who) return false;
  return route.access === 'AUTHENTICATED' || route.access.some((role) => who.roles.has(role));
}

test('any request to any route: a MOSIP envelope, an expected status, no crash, and the operation only for a valid allowed call', async () => {
  const unexpected = new Set([
    REQUEST_ERRORS.INTERNAL_SERVER_ERROR.code,
    ...ROUTES.flatMap((route) => (route.fallbackError ? [route.fallbackError.code] : [])),
  ]);
  await fc.assert(
    fc.asyncProperty(call, async ({ route, request }) => {
      const received: { body: unknown }[] = [];
      const handler = apiHandler(route, async (input) => {
        received.push({ body: input.body });
        return { done: true };
      });
      const result = await handler(apiEvent(route, request));
      const status = result.statusCode ?? 0;
      assert.ok(STATUSES.has(status), `status ${status}`);
      const body = JSON.parse(result.body ?? '') as Record<string, unknown>;
      if (received.length === 1) {
        assert.equal(status, 200);
        assert.ok(allowed(route, request.principal), 'the operation ran for a caller the route does not allow');
        if (route.body) assert.ok(route.body.safeParse(received[0]!.body).success, 'the operation got a body its schema refuses');
        const contentType = request.headers?.['content-type'] ?? 'application/json';
        if (route.body && request.body !== undefined) assert.ok(isJsonContentType(contentType), `the operation got a ${contentType} body`);
        if (route.envelope !== 'RAW') assert.deepEqual(body.errors, []);
        return;
      }
      assert.equal(received.length, 0);
      for (const key of ENVELOPE_KEYS) assert.ok(key in body, `envelope member ${key}`);
      const errors = body.errors as { errorCode: unknown; message: unknown }[];
      assert.ok(Array.isArray(errors) && errors.length > 0, 'a refusal says why');
      for (const error of errors) {
        assert.equal(typeof error.errorCode, 'string');
        assert.equal(typeof error.message, 'string');
        assert.ok(!unexpected.has(error.errorCode as string), `the pipeline failed unexpectedly: ${error.errorCode}`);
      }
    }),
    { numRuns: 1000 },
  );
});
