import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROUTES } from '../../functions/routes/route-table.js';

test('public rows (health, OpenAPI documents) declare no table access', () => {
  const publicRows = ROUTES.filter((route) => route.access === 'PUBLIC');
  assert.ok(publicRows.length > 0);
  for (const route of publicRows) assert.equal(route.tableAccess, 'none', route.operationId);
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
