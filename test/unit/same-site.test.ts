import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { apiHandler } from '../../functions/http/api-handler.js';
import { isJsonContentType, refuseCrossSiteWrite } from '../../functions/http/same-site.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { apiEvent } from '../support/lambda-events.js';

const routeNamed = (operationId: string) => ROUTES.find((route) => route.operationId === operationId)!;
const ADMIN = { userId: 'admin', subject: 'sub-admin', roles: new Set(['PARTNER_ADMIN', 'POLICYMANAGER'] as const) };

/** The route's answer and whether its operation ran. */
async function call(operationId: string, headers: Record<string, string>, body?: object) {
  const route = routeNamed(operationId);
  let ran = false;
  const handler = apiHandler(route, async () => {
    ran = true;
    return {};
  });
  const result = await handler(apiEvent(route, { headers, principal: { ...ADMIN, roles: new Set(ADMIN.roles) }, body, pathParameters: { mispId: 'misp-1' } }));
  return { status: result.statusCode, body: JSON.parse(result.body ?? '{}'), ran };
}

describe('bodies must be JSON', () => {
  test('application/json with or without parameters, and structured +json types, are JSON; forms, text and nothing are not', () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8', 'application/merge-patch+json']) {
      assert.ok(isJsonContentType(type), type);
    }
    for (const type of [
      undefined,
      '',
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      'text/json',
    ]) {
      assert.ok(!isJsonContentType(type), String(type));
    }
  });

  test('a text/plain or form body (what a cross-site form can send) is refused with 415 before the operation runs', async () => {
    const group = { name: 'g', desc: 'd' };
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const refused = await call('createPolicyGroup', { 'content-type': type }, group);
      assert.equal(refused.status, 415, type);
      assert.equal(refused.ran, false);
      assert.match(refused.body.errors[0].message, /Content-Type must be application\/json/);
    }
    const accepted = await call(
      'createPolicyGroup',
      { 'content-type': 'application/json;charset=UTF-8' },
      { requesttime: new Date().toISOString(), request: group },
    );
    assert.equal(accepted.ran, true, JSON.stringify(accepted.body));
  });
});

describe('the writing GET refuses cross-site requests', () => {
  test('Sec-Fetch-Site cross-site, a foreign Origin or an opaque one: 403 and nothing written', async () => {
    for (const headers of <Record<string, string>[]>[
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example', host: 'pms.example' },
      { origin: 'null', host: 'pms.example' },
    ]) {
      const refused = await call('regenerateMispLicense', headers);
      assert.equal(refused.status, 403, JSON.stringify(headers));
      assert.equal(refused.ran, false);
    }
  });

  test('same-origin, same-site, a typed URL, its own origin, or a client that sends neither: the operation runs', async () => {
    for (const headers of <Record<string, string>[]>[
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'none' },
      { origin: 'https://pms.example', host: 'pms.example' },
      {},
    ]) {
      assert.equal((await call('regenerateMispLicense', headers)).ran, true, JSON.stringify(headers));
    }
  });

  test('reading GETs and non-GET writes are not concerned (a preflight guards the latter)', () => {
    refuseCrossSiteWrite(routeNamed('listMispLicenses'), { 'sec-fetch-site': 'cross-site' });
    refuseCrossSiteWrite(routeNamed('changeMispLicenseStatus'), { 'sec-fetch-site': 'cross-site' });
    assert.throws(() => refuseCrossSiteWrite(routeNamed('regenerateMispLicense'), { 'sec-fetch-site': 'cross-site' }));
  });
});
