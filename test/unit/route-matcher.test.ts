import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROUTES } from '../../functions/routes/route-table.js';
import { createRouteMatcher } from '../../local/route-matcher.js';

const match = createRouteMatcher(ROUTES);

test('every literal route of the table wins over a {param} route that also matches it, as in API Gateway', () => {
  for (const route of ROUTES.filter((row) => !row.fullPath.includes('{'))) {
    assert.equal(match(route.method, route.fullPath)?.route.operationId, route.operationId, `${route.method} ${route.fullPath}`);
  }
});

test('literal segments are preferred from left to right; parameters are decoded', () => {
  assert.equal(match('GET', '/v1/partnermanager/partners/partner-certificates-details')?.route.operationId, 'partnerCertificatesDetails');
  const found = match('GET', '/v1/partnermanager/partners/bank%201/certificate');
  assert.deepEqual([found?.route.operationId, found?.pathParameters], ['getPartnerCertificate', { partnerId: 'bank 1' }]);
  assert.equal(match('DELETE', '/v1/partnermanager/partners/bank-1'), undefined);
});

test('a greedy {name+} takes the rest of the path, slashes included, after every literal and {param} route', () => {
  const portalUrl = Buffer.from('http://localhost:3000/?q=???').toString('base64');
  assert.ok(portalUrl.includes('/'), 'the sample must contain a slash');
  const found = match('GET', `/v1/partnermanager/login/${portalUrl}`);
  assert.deepEqual([found?.route.operationId, found?.pathParameters], ['login', { redirectURI: portalUrl }]);
  assert.equal(match('GET', '/v1/partnermanager/login/'), undefined, 'a greedy variable takes at least one segment');
  assert.equal(match('GET', '/v1/partnermanager/login-redirect/a/b')?.pathParameters.redirectURI, 'a/b');
});
