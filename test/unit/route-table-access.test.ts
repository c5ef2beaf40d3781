import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { platformRoutes } from '../../functions/routes/platform-routes.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { leadingKeysOf, tableActionsOf } from '../../functions/routes/table-access.js';

test('public rows declare no table access, but the two health checks, which may only probe it; no other row probes', () => {
  const publicRows = ROUTES.filter((route) => route.access === 'PUBLIC');
  assert.ok(publicRows.length > 0);
  const healthChecks = [platformRoutes.partnerManagerHealth.operationId, platformRoutes.policyManagerHealth.operationId];
  for (const route of publicRows) assert.equal(route.tableAccess, healthChecks.includes(route.operationId) ? 'probe' : 'none', route.operationId);
  assert.deepEqual(
    ROUTES.filter((route) => route.tableAccess === 'probe')
      .map((route) => route.operationId)
      .sort(),
    healthChecks.sort(),
  );
});

test('a probe is one GetItem confined to the probe partition; every other access spans the table', () => {
  assert.deepEqual(tableActionsOf('probe'), ['dynamodb:GetItem']);
  assert.deepEqual(leadingKeysOf('probe'), [keys.healthProbe.pk]);
  for (const access of ['none', 'read', 'read-write'] as const) assert.equal(leadingKeysOf(access), undefined, access);
});

test('searches, filter values and the key checks are POSTs and PUTs that only read; the license regeneration is a GET that writes', () => {
  const readingWrites = ROUTES.filter((route) => route.method !== 'GET' && route.tableAccess === 'read').map((route) => route.operationId);
  for (const route of ROUTES.filter((candidate) => /^search|FilterValues$|^verify/.test(candidate.operationId))) {
    assert.ok(readingWrites.includes(route.operationId), route.operationId);
  }
  assert.ok(readingWrites.length >= 14, readingWrites.join(', '));
  assert.deepEqual(
    ROUTES.filter((route) => route.method === 'GET' && route.tableAccess === 'read-write').map((route) => route.operationId),
    ['regenerateMispLicense'],
  );
});
