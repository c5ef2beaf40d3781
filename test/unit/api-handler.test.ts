import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../functions/auth/roles.js';
import { type ApiEvent, apiHandler } from '../../functions/http/api-handler.js';
import { policyGroupRoutes } from '../../functions/routes/policy-group-routes.js';
import type { Route } from '../../functions/routes/route.js';
import { apiEvent } from '../support/lambda-events.js';

const today = () => new Date().toISOString();
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString();

function event(route: Route, body: unknown, roles: Role[] | undefined, pathParameters: Record<string, string> = {}): ApiEvent {
  return apiEvent(route, {
    body: typeof body === 'string' ? body : JSON.stringify(body),
    pathParameters,
    ...(roles ? { principal: { userId: 'user1', subject: 'sub-user1', roles: new Set(roles) } } : {}),
  });
}

function recorder() {
  const calls: unknown[] = [];
  return {
    calls,
    operation: async (input: { body: unknown }) => {
      calls.push(input.body);
      return { ok: true };
    },
  };
}

async function call(handler: (e: ApiEvent) => Promise<{ statusCode?: number; body?: string }>, e: ApiEvent) {
  const result = await handler(e);
  return { status: result.statusCode, json: JSON.parse(result.body ?? 'null') };
}

const createBody = (request: unknown, requesttime: string | undefined = today()) => ({ id: 'mosip.policy.group.create', version: '1.0', requesttime, request });

test('401 and 403 come as kernel-auth-adapter envelopes and nothing runs', async () => {
  const { calls, operation } = recorder();
  const handler = apiHandler(policyGroupRoutes.createPolicyGroup, operation);
  const anonymous = await call(handler, event(policyGroupRoutes.createPolicyGroup, createBody({ name: 'a', desc: 'b' }), undefined));
  assert.equal(anonymous.status, 401);
  assert.deepEqual(Object.keys(anonymous.json), ['id', 'version', 'responsetime', 'metadata', 'response', 'errors']);
  assert.deepEqual(anonymous.json.errors, [{ errorCode: 'KER-ATH-401', message: 'Authentication Failed' }]);
  assert.equal(anonymous.json.id, 'mosip.policy.group.create');
  const partner = await call(handler, event(policyGroupRoutes.createPolicyGroup, createBody({ name: 'a', desc: 'b' }), ['AUTH_PARTNER']));
  assert.equal(partner.status, 403);
  assert.deepEqual(partner.json.errors, [{ errorCode: 'KER-ATH-403', message: 'Forbidden' }]);
  assert.equal(calls.length, 0);
});

test('V1 bean validation: HTTP 400, PMS_COR_001, MOSIP messages and Spring field paths', async () => {
  const { calls, operation } = recorder();
  const handler = apiHandler(policyGroupRoutes.createPolicyGroup, operation);
  const cases: [unknown, string][] = [
    [{ id: 'x', requesttime: today() }, 'Invalid request parameter - must not be null :request'],
    [createBody({ desc: 'd' }), 'Invalid request parameter - value is empty or null :request.name'],
    [createBody({ name: '   ', desc: 'd' }), 'Invalid request parameter - value is empty or null :request.name'],
    [createBody({ name: 'n'.repeat(129), desc: 'd' }), 'Invalid request parameter - Length should be in between 1 and 128 chars :request.name'],
    [createBody({ name: 'n', desc: 42 }), 'Invalid request parameter - must be a string :request.desc'],
    [createBody({ name: 'n', desc: 'd' }, '2026-01-01 10:00:00'), "Invalid request parameter - must match yyyy-MM-dd'T'HH:mm:ss.SSS'Z' :requesttime"],
    ['{"request": ', 'Invalid request parameter - request body is not valid JSON :request'],
  ];
  for (const [body, message] of cases) {
    const { status, json } = await call(handler, event(policyGroupRoutes.createPolicyGroup, body, ['POLICYMANAGER']));
    assert.equal(status, 400, message);
    assert.deepEqual(json.errors, [{ errorCode: 'PMS_COR_001', message }]);
  }
  assert.equal(calls.length, 0);
});

test('a body over 64 KiB is refused before parsing', async () => {
  const { calls, operation } = recorder();
  const handler = apiHandler(policyGroupRoutes.createPolicyGroup, operation);
  const { status, json } = await call(
    handler,
    event(policyGroupRoutes.createPolicyGroup, createBody({ name: 'n', desc: 'x'.repeat(1024 * 1024) }), ['POLICYMANAGER']),
  );
  assert.equal(status, 413);
  assert.equal(json.errors[0].errorCode, 'PMS_COR_001');
  assert.equal(calls.length, 0);
});

test('V1 requesttime must be today where MOSIP enforces it', async () => {
  const { calls, operation } = recorder();
  const handler = apiHandler(policyGroupRoutes.createPolicyGroup, operation);
  const missing = await call(
    handler,
    event(policyGroupRoutes.createPolicyGroup, { id: 'x', version: '1.0', request: { name: 'n', desc: 'd' } }, ['POLICYMANAGER']),
  );
  assert.deepEqual([missing.status, missing.json.errors[0].errorCode], [200, 'PMS_REQUEST_ERROR_004']);
  const old = await call(handler, event(policyGroupRoutes.createPolicyGroup, createBody({ name: 'n', desc: 'd' }, yesterday()), ['POLICYMANAGER']));
  assert.deepEqual([old.status, old.json.errors[0].errorCode], [200, 'PMS_REQUEST_ERROR_006']);
  assert.equal(calls.length, 0);
  const ok = await call(handler, event(policyGroupRoutes.createPolicyGroup, createBody({ name: 'n', desc: 'd' }), ['POLICYMANAGER']));
  assert.deepEqual(ok.json, { id: 'mosip.policy.group.create', version: '1.0', responsetime: ok.json.responsetime, response: { ok: true }, errors: [] });
  assert.deepEqual(calls, [{ name: 'n', desc: 'd' }]);
});

test('V1 requesttime: empty means absent, and the date rule runs after bean validation, as in MOSIP', async () => {
  const { calls, operation } = recorder();
  const create = apiHandler(policyGroupRoutes.createPolicyGroup, operation);
  for (const requesttime of ['', '   ', null]) {
    const empty = await call(
      create,
      event(policyGroupRoutes.createPolicyGroup, { id: 'x', version: '1.0', requesttime, request: { name: 'n', desc: 'd' } }, ['POLICYMANAGER']),
    );
    assert.deepEqual([empty.status, empty.json.errors[0]], [200, { errorCode: 'PMS_REQUEST_ERROR_004', message: 'Invalid request time' }], String(requesttime));
  }
  const invalidAndUndated = await call(
    create,
    event(policyGroupRoutes.createPolicyGroup, { id: 'x', version: '1.0', request: { desc: 'd' } }, ['POLICYMANAGER']),
  );
  assert.deepEqual(
    [invalidAndUndated.status, invalidAndUndated.json.errors[0].errorCode, invalidAndUndated.json.errors[0].message],
    [400, 'PMS_COR_001', 'Invalid request parameter - value is empty or null :request.name'],
  );
  const invalidAndOld = await call(create, event(policyGroupRoutes.createPolicyGroup, createBody({ desc: 'd' }, yesterday()), ['POLICYMANAGER']));
  assert.deepEqual([invalidAndOld.status, invalidAndOld.json.errors[0].errorCode], [400, 'PMS_COR_001']);
  assert.equal(calls.length, 0);

  const update = apiHandler(policyGroupRoutes.updatePolicyGroup, operation);
  const undated = await call(
    update,
    event(
      policyGroupRoutes.updatePolicyGroup,
      { id: 'x', version: '1.0', requesttime: '', request: { name: 'n', desc: 'd', isActive: true } },
      ['POLICYMANAGER'],
      {
        policygroupId: 'g1',
      },
    ),
  );
  assert.deepEqual(undated.json.errors, [], 'an endpoint that does not check the time takes an empty one');
  assert.equal(calls.length, 1);
});

test('V2 envelope checks run in MOSIP order and answer in the V2 envelope', async () => {
  const { calls, operation } = recorder();
  const handler = apiHandler(policyGroupRoutes.deactivatePolicyGroup, operation);
  const id = 'mosip.pms.deactivate.policy.group.patch';
  const cases: [unknown, string][] = [
    [{ id: 'wrong', version: '1.0', requestTime: today(), request: { status: 'De-Activate' } }, 'PMS_REQUEST_ERROR_002'],
    [{ id, version: '1.0', request: { status: 'De-Activate' } }, 'PMS_REQUEST_ERROR_004'],
    [{ id, version: '1.0', requestTime: yesterday(), request: { status: 'De-Activate' } }, 'PMS_REQUEST_ERROR_006'],
    [{ id, version: '2.0', requestTime: today(), request: { status: 'De-Activate' } }, 'PMS_REQUEST_ERROR_003'],
    [{ id, version: '1.0', requestTime: today() }, 'PMS_REQUEST_ERROR_005'],
  ];
  for (const [body, code] of cases) {
    const { status, json } = await call(handler, event(policyGroupRoutes.deactivatePolicyGroup, body, ['PARTNER_ADMIN'], { policygroupId: 'g1' }));
    assert.equal(status, 200, code);
    assert.deepEqual(Object.keys(json), ['id', 'version', 'responseTime', 'metadata', 'response', 'errors']);
    assert.deepEqual([json.id, json.version, json.response, json.errors[0].errorCode], [id, '1.0', null, code]);
  }
  assert.equal(calls.length, 0);
});
