import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Principal } from '../../functions/auth/principal.js';
import { PMS_ROLES } from '../../functions/auth/roles.js';
import { PmsError } from '../../functions/errors/pms-error.js';
import { REQUEST_ERRORS } from '../../functions/errors/request-errors.js';
import { apiHandler } from '../../functions/http/api-handler.js';
import { apiKeyRoutes } from '../../functions/routes/api-key-routes.js';
import { ftmChipRoutes } from '../../functions/routes/ftm-chip-routes.js';
import type { Route } from '../../functions/routes/route.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { apiEvent, type RouteRequest } from '../support/lambda-events.js';

/*
 * Issue #20: one `responsetime` format on every answer of every route, and the success envelope's id/version as
 * MOSIP's controllers set them (the request's, a fixed one, or null).
 */

/** ResponseWrapper's `@JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")`. */
const MOSIP_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const everyone: Principal = { userId: 'user1', subject: 'sub-user1', roles: new Set(PMS_ROLES) };
const REQUEST_META = { id: 'mosip.test.request', version: '9.9' };

function pathParameters(route: Route): Record<string, string> {
  return Object.fromEntries([...route.path.matchAll(/\{(\w+)\+?\}/g)].map(([, name]) => [name!, 'p1']));
}

function wellFormed(route: Route): RouteRequest {
  const time = new Date().toISOString();
  const body =
    route.method === 'GET' || route.method === 'DELETE'
      ? undefined
      : route.envelope === 'V2'
        ? { id: route.apiId, version: '1.0', requestTime: time, request: route.example ?? {} }
        : { ...REQUEST_META, requesttime: time, metadata: {}, request: route.example ?? {} };
  return { body, pathParameters: pathParameters(route), principal: everyone };
}

async function answer(route: Route, request: RouteRequest, operation: () => Promise<unknown>) {
  const result = await apiHandler(route, operation)(apiEvent(route, request));
  return { status: result.statusCode, json: JSON.parse(result.body ?? 'null') as Record<string, unknown> };
}

function assertMosipTime(route: Route, what: string, json: Record<string, unknown>): void {
  const key = 'responseTime' in json ? 'responseTime' : 'responsetime';
  assert.ok(!('responseTime' in json && 'responsetime' in json), `${route.operationId} ${what}: two times`);
  assert.match(String(json[key]), MOSIP_TIME, `${route.operationId} ${what}: ${key} ${String(json[key])}`);
}

const ENVELOPED = ROUTES.filter((route) => route.envelope !== 'RAW');

test('every route, success or refusal, writes responsetime in MOSIP format with Z', async () => {
  let successes = 0;
  for (const route of ENVELOPED) {
    const ok = await answer(route, wellFormed(route), async () => ({ done: true }));
    assertMosipTime(route, `status ${ok.status}`, ok.json);
    if (ok.status === 200 && Array.isArray(ok.json.errors) && ok.json.errors.length === 0) successes++;

    const refused = await answer(route, wellFormed(route), async () => {
      throw new PmsError(REQUEST_ERRORS.INTERNAL_SERVER_ERROR);
    });
    assertMosipTime(route, 'business error', refused.json);

    const crashed = await answer(route, wellFormed(route), async () => {
      throw new Error('boom');
    });
    assertMosipTime(route, 'unexpected failure', crashed.json);

    const invalid = await answer(route, { ...wellFormed(route), body: '{"request": ' }, async () => ({ done: true }));
    assertMosipTime(route, `invalid body (status ${invalid.status})`, invalid.json);

    if (route.access !== 'PUBLIC') {
      const anonymous = await answer(route, { ...wellFormed(route), principal: undefined }, async () => ({ done: true }));
      assert.equal(anonymous.status, 401, route.operationId);
      assertMosipTime(route, '401', anonymous.json);
    }
  }
  // Most rows' examples pass their own validation, so the success envelope itself is covered, not only refusals.
  assert.ok(successes > ENVELOPED.length / 2, `only ${successes} of ${ENVELOPED.length} well-formed calls succeeded`);
});

test('bean validation failures (PMS_COR_001) carry the same responsetime format', async () => {
  const route = apiKeyRoutes.generateApiKey;
  const { status, json } = await answer(route, { ...wellFormed(route), body: { ...REQUEST_META, requesttime: 'yesterday', request: {} } }, async () => ({}));
  assert.equal(status, 400);
  assert.deepEqual(Object.keys(json), ['id', 'version', 'metadata', 'response', 'responsetime', 'errors']);
  assert.match(String(json.responsetime), MOSIP_TIME);
});

/**
 * Which V1 successes echo the request's id/version (`response.setId(request.getId())` in MOSIP's controllers) and
 * which carry a fixed id (`mosip.partnermanagement.partners.retrieve`); every other V1 success leaves both null.
 * clonePolicy is not in MOSIP; it follows updatePolicy.
 */
const ECHOING = [
  'createPolicyGroup',
  'updatePolicyGroup',
  'createPolicy',
  'updatePolicy',
  'clonePolicy',
  'updatePolicyStatus',
  'registerPartner',
  'registerPartnerV2',
  'updatePartner',
  'updatePartnerV2',
  'addPartnerContact',
  'addBiometricExtractors',
  'requestPolicy',
  'generateApiKey',
  'decidePolicyRequest',
  'changeApiKeyStatus',
  'changePartnerStatus',
  'repointApiKey',
].sort();
const FIXED = ['getPartner', 'listPartnerApiKeyRequests', 'listAllApiKeyRequests', 'listPartnersOfType', 'listPartnersOfTypeV2', 'getApiKeyPolicy'].sort();

test("the route table's response id per V1 route is MOSIP's", () => {
  const v1 = ROUTES.filter((route) => route.envelope === 'V1' || route.envelope === 'V1_POLICY');
  assert.deepEqual(
    v1
      .filter((route) => route.echoRequestMeta)
      .map((route) => route.operationId)
      .sort(),
    ECHOING,
  );
  assert.deepEqual(
    v1
      .filter((route) => route.responseMeta)
      .map((route) => route.operationId)
      .sort(),
    FIXED,
  );
  for (const route of v1.filter((r) => r.responseMeta)) {
    assert.deepEqual(route.responseMeta, { id: 'mosip.partnermanagement.partners.retrieve', version: '1.0' }, route.operationId);
  }
});

test('API key generation, status and re-pointing echo the request id and version, as MOSIP does', async () => {
  for (const route of [apiKeyRoutes.generateApiKey, apiKeyRoutes.changeApiKeyStatus, apiKeyRoutes.repointApiKey]) {
    const { status, json } = await answer(route, wellFormed(route), async () => ({ done: true }));
    assert.equal(status, 200, route.operationId);
    assert.deepEqual([json.id, json.version, json.errors], [REQUEST_META.id, REQUEST_META.version, []], route.operationId);
    // A refusal keeps the partner service's fixed error id, whatever the request said.
    const refused = await answer(route, wellFormed(route), async () => {
      throw new PmsError(REQUEST_ERRORS.INTERNAL_SERVER_ERROR);
    });
    assert.deepEqual([refused.json.id, refused.json.version], ['mosip.partnermanagement', '1.0'], route.operationId);
  }
});

test('the FTM chip endpoints leave id and version null, as MOSIP does (a fresh ResponseWrapper)', async () => {
  for (const route of [ftmChipRoutes.createFtmChip, ftmChipRoutes.updateFtmChip, ftmChipRoutes.decideFtmChip, ftmChipRoutes.searchFtmChips]) {
    const { status, json } = await answer(route, wellFormed(route), async () => ({ done: true }));
    assert.equal(status, 200, route.operationId);
    assert.deepEqual([json.id, json.version, json.errors], [null, null, []], route.operationId);
  }
});
