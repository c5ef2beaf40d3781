import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listPoliciesV2, MAX_PAGE_SIZE } from '../../functions/domain/policies/policy-lists.js';
import { RequestValidationError } from '../../functions/errors/pms-error.js';
import type { ListPoliciesQuery } from '../../functions/schemas/policy-lists.js';
import { listPoliciesQuery } from '../../functions/schemas/policy-lists.js';
import { POLICY_ROWS as ROWS } from '../support/policy-rows.js';
import { refusalOfCall } from '../support/refusals.js';

const DEFAULT_ORDER = ['102', '204', '101', '305', '203'];

const list = (query: ListPoliciesQuery) => listPoliciesV2(ROWS, query);
const ids = (query: ListPoliciesQuery) => list(query).data.map((p) => p.policyId);

function bindingFailure(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof RequestValidationError, `expected a RequestValidationError, got ${String(error)}`);
    assert.equal(error.httpStatus, 400);
    return error.fieldPath;
  }
  assert.fail('expected a binding failure');
}

// ----- GET /policies/v2 -----------------------------------------------------------------------------------

test('v2: defaults are page 0 of 8, oldest first, with MOSIP PolicySummaryDto items', () => {
  const page = list({});
  assert.equal(page.pageNo, 0);
  assert.equal(page.pageSize, 8);
  assert.equal(page.totalResults, 5);
  assert.deepEqual(
    page.data.map((p) => p.policyId),
    DEFAULT_ORDER,
  );
  const alpha = page.data.find((p) => p.policyId === '101')!;
  assert.deepEqual(Object.keys(alpha), [
    'policyId',
    'policyType',
    'policyName',
    'policyDescription',
    'policyGroupId',
    'policyGroupName',
    'status',
    'createdDateTime',
  ]);
  assert.deepEqual(alpha, {
    policyId: '101',
    policyType: 'Auth',
    policyName: 'Alpha auth',
    policyDescription: 'First policy',
    policyGroupId: 'grp-1',
    policyGroupName: 'Zeta group',
    status: 'activated',
    // java.util.Date as Jackson writes it, not a zone-less LocalDateTime.
    createdDateTime: '2026-01-03T08:30:15.250+00:00',
  });
});

test('v2: text filters are case-insensitive "contains", policyType included', () => {
  assert.deepEqual(ids({ policyId: '10' }), ['102', '101']);
  assert.deepEqual(ids({ policyType: 'AUTH' }), ['101', '203']);
  assert.deepEqual(ids({ policyType: 'share' }), ['102']);
  assert.deepEqual(ids({ policyName: 'AUTH' }), ['101', '203']);
  assert.deepEqual(ids({ policyDescription: 'Policy' }), ['102', '101']);
  assert.deepEqual(ids({ policyGroupName: 'zeta G' }), ['204', '101', '305']);
  assert.deepEqual(ids({ policyGroupName: 'auth_share' }), ['102', '203']);
  assert.deepEqual(ids({ policyName: '' }), DEFAULT_ORDER);
  assert.deepEqual(ids({ policyType: 'auth', policyName: 'gamma' }), ['203']);
});

test('v2: text filters keep SQL LIKE wildcards (% and _), a backslash escapes them', () => {
  assert.deepEqual(ids({ policyName: 'a_a' }), ['101', '203']);
  assert.deepEqual(ids({ policyName: 'a\\_a' }), ['203']);
  assert.deepEqual(ids({ policyDescription: 'f%th' }), ['204', '305']);
  assert.deepEqual(ids({ policyDescription: '100\\%' }), ['305']);
  assert.deepEqual(ids({ policyDescription: 'x%' }), []);
});

test('v2: status is exact and case-sensitive; anything else matches nothing', () => {
  assert.deepEqual(ids({ status: 'activated' }), ['101', '305']);
  assert.deepEqual(ids({ status: 'draft' }), ['102', '204']);
  assert.deepEqual(ids({ status: 'deactivated' }), ['203']);
  assert.deepEqual(ids({ status: 'activated', policyType: 'auth' }), ['101']);
  for (const status of ['Draft', 'ACTIVATED', 'active', '']) {
    assert.deepEqual(list({ status }), { pageNo: 0, pageSize: 0, totalResults: 0, data: [] }, status);
  }
});

test('v2: every MOSIP sort key, both directions, ties kept in the default order', () => {
  const expected: Record<string, [string[], string[]]> = {
    policyId: [
      ['101', '102', '203', '204', '305'],
      ['305', '204', '203', '102', '101'],
    ],
    policyName: [
      ['101', '305', '203', '102', '204'],
      ['204', '102', '203', '305', '101'],
    ],
    policyDescription: [
      ['101', '305', '204', '102', '203'],
      ['203', '102', '204', '305', '101'],
    ],
    policyGroupId: [
      ['204', '101', '305', '102', '203'],
      ['102', '203', '204', '101', '305'],
    ],
    policyGroupName: [
      ['102', '203', '204', '101', '305'],
      ['204', '101', '305', '102', '203'],
    ],
    status: [
      ['101', '305', '203', '102', '204'],
      ['102', '204', '203', '101', '305'],
    ],
    createdDateTime: [
      ['102', '204', '101', '305', '203'],
      ['203', '305', '101', '204', '102'],
    ],
  };
  for (const [sortFieldName, [asc, desc]] of Object.entries(expected)) {
    assert.deepEqual(ids({ sortFieldName, sortType: 'asc' }), asc, `${sortFieldName} asc`);
    assert.deepEqual(ids({ sortFieldName, sortType: 'desc' }), desc, `${sortFieldName} desc`);
  }
  assert.deepEqual(ids({ sortFieldName: 'policyId', sortType: 'DeSc' }), expected.policyId![1]);
});

test('v2: a sort field or type alone is checked, then ignored (no "together" rule in the policy service)', () => {
  assert.deepEqual(ids({ sortFieldName: 'policyName' }), DEFAULT_ORDER);
  assert.deepEqual(ids({ sortType: 'desc' }), DEFAULT_ORDER);
  assert.equal(refusalOfCall(() => list({ sortFieldName: 'nope' })).code, 'PMS_PRT_357');
  assert.equal(refusalOfCall(() => list({ sortType: 'down' })).code, 'PMS_PRT_358');
  assert.deepEqual(list({ pageNo: '1' }).data.length, 0);
  assert.deepEqual(list({ pageSize: '2' }).data.length, 2);
});

test('v2: pages are 0-based; the last page is short; past the end is the all-zero page', () => {
  const page = (pageNo: string) => list({ pageNo, pageSize: '2', sortFieldName: 'policyId', sortType: 'asc' });
  assert.deepEqual(page('0'), { pageNo: 0, pageSize: 2, totalResults: 5, data: page('0').data });
  assert.deepEqual(
    page('0').data.map((p) => p.policyId),
    ['101', '102'],
  );
  assert.deepEqual([page('1').pageNo, page('1').totalResults], [1, 5]);
  assert.deepEqual(
    page('1').data.map((p) => p.policyId),
    ['203', '204'],
  );
  assert.deepEqual(
    page('2').data.map((p) => p.policyId),
    ['305'],
  );
  assert.deepEqual([page('2').pageNo, page('2').pageSize, page('2').totalResults], [2, 2, 5]);
  assert.deepEqual(page('3'), { pageNo: 0, pageSize: 0, totalResults: 0, data: [] });
  assert.deepEqual(listPoliciesV2([], {}), { pageNo: 0, pageSize: 0, totalResults: 0, data: [] });
});

test('v2: pageNo and pageSize bind as Spring binds an int', () => {
  assert.equal(list({ pageNo: '', pageSize: '' }).pageSize, 8);
  assert.equal(list({ pageSize: ' 3 ' }).pageSize, 3);
  assert.equal(list({ pageSize: '+3' }).pageSize, 3);
  assert.equal(list({ pageSize: '0x3' }).pageSize, 3);
  assert.equal(list({ pageSize: '#A' }).pageSize, 10);
  assert.equal(list({ pageNo: '-0' }).pageNo, 0);
  assert.equal(
    bindingFailure(() => list({ pageNo: 'one' })),
    'pageNo',
  );
  assert.equal(
    bindingFailure(() => list({ pageNo: '1.0' })),
    'pageNo',
  );
  assert.equal(
    bindingFailure(() => list({ pageNo: ' ' })),
    'pageNo',
  );
  assert.equal(
    bindingFailure(() => list({ pageSize: '2147483648' })),
    'pageSize',
  );
  assert.equal(
    bindingFailure(() => list({ pageSize: '+0x3' })),
    'pageSize',
  );
  // Binding fails before any business check.
  assert.equal(
    bindingFailure(() => list({ sortFieldName: 'policyType', pageNo: 'x' })),
    'pageNo',
  );
});

test('v2: sort and paging refusals carry the policy service codes and messages, in MOSIP order', () => {
  assert.deepEqual(
    refusalOfCall(() => list({ sortFieldName: 'policyType', sortType: 'asc' })),
    {
      code: 'PMS_PRT_357',
      message: 'Sorting is not supported for policyType field',
    },
  );
  assert.equal(refusalOfCall(() => list({ sortFieldName: 'PolicyName', sortType: 'asc' })).code, 'PMS_PRT_357');
  assert.equal(refusalOfCall(() => list({ sortFieldName: '', sortType: 'asc' })).message, 'Sorting is not supported for  field');
  assert.deepEqual(
    refusalOfCall(() => list({ sortFieldName: 'policyName', sortType: 'up' })),
    {
      code: 'PMS_PRT_358',
      message: 'Sort type up is not supported',
    },
  );
  assert.deepEqual(
    refusalOfCall(() => list({ pageNo: '-1' })),
    { code: 'PMS_PRT_360', message: 'Invalid Page No' },
  );
  assert.deepEqual(
    refusalOfCall(() => list({ pageSize: '0' })),
    { code: 'PMS_PRT_361', message: 'Invalid page size' },
  );
  assert.equal(refusalOfCall(() => list({ pageSize: '-4' })).code, 'PMS_PRT_361');
  assert.equal(refusalOfCall(() => list({ pageSize: String(MAX_PAGE_SIZE + 1) })).code, 'PMS_PRT_361');
  assert.equal(list({ pageSize: String(MAX_PAGE_SIZE) }).pageSize, MAX_PAGE_SIZE);
  assert.equal(MAX_PAGE_SIZE, 100);
  // Order: sort field, sort type, page number, page size.
  assert.equal(refusalOfCall(() => list({ sortFieldName: 'x', sortType: 'x', pageNo: '-1', pageSize: '0' })).code, 'PMS_PRT_357');
  assert.equal(refusalOfCall(() => list({ sortType: 'x', pageNo: '-1', pageSize: '0' })).code, 'PMS_PRT_358');
  assert.equal(refusalOfCall(() => list({ pageNo: '-1', pageSize: '0' })).code, 'PMS_PRT_360');
});

test('v2 query schema keeps strings and drops unknown parameters', () => {
  const parsed = listPoliciesQuery.parse({ pageNo: '-1', pageSize: 'abc', status: 'draft', colour: 'red' });
  assert.deepEqual(parsed, { pageNo: '-1', pageSize: 'abc', status: 'draft' });
});
