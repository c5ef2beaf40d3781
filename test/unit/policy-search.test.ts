import assert from 'node:assert/strict';
import { test } from 'node:test';
import { policyFilterValues, searchPolicies } from '../../functions/domain/policies/policy-search.js';
import type { PolicySearchRequest } from '../../functions/schemas/policy-lists.js';
import { policyFilterValueRequest, policySearchRequest } from '../../functions/schemas/policy-lists.js';
import { POLICY_ROWS as ROWS } from '../support/policy-rows.js';
import { refusalOfCall } from '../support/refusals.js';

const search = (request: Partial<PolicySearchRequest>) =>
  searchPolicies(ROWS, { filters: [], sort: [], pagination: { pageStart: 0, pageFetch: 10 }, policyType: 'all', ...request });
const searchIds = (request: Partial<PolicySearchRequest>) => search(request).data?.map((p) => p.id) ?? [];
const byId = [{ sortField: 'id', sortType: 'asc' }];

test('search: policyType "all" or one type (case-insensitive equals), ANDed with the filters', () => {
  assert.deepEqual(searchIds({ sort: byId }), ['101', '102', '203', '204', '305']);
  assert.deepEqual(searchIds({ sort: byId, policyType: 'ALL' }).length, 5);
  assert.deepEqual(searchIds({ sort: byId, policyType: 'auth' }), ['101', '203']);
  assert.deepEqual(searchIds({ sort: byId, policyType: 'Data' }), []);
  assert.deepEqual(searchIds({ sort: byId, policyType: 'Auth', filters: [{ columnName: 'isActive', type: 'equals', value: 'true' }] }), ['101']);
});

test('search: rows are SearchAuthPolicy', () => {
  const page = search({ filters: [{ columnName: 'id', type: 'equals', value: '203' }] });
  assert.deepEqual([page.fromRecord, page.toRecord, page.totalRecord], [1, 1, 1]);
  assert.deepEqual(page.data, [
    {
      id: '203',
      crBy: 'admin',
      crDtimes: '2026-01-05T08:30:15.250+00:00',
      delDtimes: null,
      desc: 'third',
      isActive: false,
      isDeleted: false,
      name: 'Gamma_auth',
      policies: '{"allowedKycAttributes":[{"attributeName":"fullName"}]}',
      updBy: null,
      updDtimes: null,
      validFromDate: '2026-01-05T08:30:15.250',
      validToDate: '2226-01-01T00:00:00.000',
      version: '1.0',
      policyType: 'Auth',
      schema: 'https://schemas/auth.json',
      policyGroupId: 'grp-2',
      policyGroupName: 'Auth_Share group',
    },
  ]);
});

test('search: "desc" filters the descr column; "policyGroupName" is a case-sensitive contains on the value', () => {
  assert.deepEqual(searchIds({ sort: byId, filters: [{ columnName: 'desc', type: 'contains', value: 'POLICY' }] }), ['101', '102']);
  assert.deepEqual(searchIds({ sort: byId, filters: [{ columnName: 'DESC', type: 'equals', value: 'third' }] }), ['203']);
  assert.deepEqual(searchIds({ sort: byId, filters: [{ columnName: 'descr', type: 'startsWith', value: 'f' }] }), ['101', '204', '305']);
  assert.deepEqual(searchIds({ sort: byId, policyType: 'DataShare', filters: [{ columnName: 'desc', type: 'contains', value: 'policy' }] }), ['102']);
  assert.deepEqual(searchIds({ sort: byId, filters: [{ columnName: 'policyGroupName', type: 'equals', value: 'Zeta' }] }), ['101', '204', '305']);
  assert.deepEqual(searchIds({ sort: byId, filters: [{ columnName: 'policygroupname', type: 'whatever', value: 'zeta' }] }), []);
  assert.deepEqual(searchIds({ sort: byId, policyType: 'auth', filters: [{ columnName: 'policyGroupName', type: 'contains', value: 'Share' }] }), ['203']);
});

test('search: sorts and pages after the group-name filter', () => {
  const page = search({
    filters: [{ columnName: 'policyGroupName', type: 'contains', value: 'Zeta' }],
    sort: [{ sortField: 'name', sortType: 'desc' }],
    pagination: { pageStart: 1, pageFetch: 2 },
  });
  assert.deepEqual([page.fromRecord, page.toRecord, page.totalRecord], [3, 3, 3]);
  assert.deepEqual(
    page.data?.map((p) => p.name),
    ['Alpha auth'],
  );
});

test('search: refusals', () => {
  const code = (request: Partial<PolicySearchRequest>) => refusalOfCall(() => search(request)).code;
  assert.equal(code({ filters: [{ columnName: 'policies', type: 'contains', value: 'x' }] }), 'PMS-MSD-310');
  assert.equal(code({ filters: [{ columnName: 'policyGroupId', type: 'equals', value: 'grp-1' }] }), 'PMS-MSD-310');
  assert.equal(code({ policyType: '' }), 'PMS-MSD-390');
  assert.equal(code({ sort: [{ sortField: 'desc', sortType: 'asc' }] }), 'PMS-MSD-357');
  assert.equal(code({ sort: [{ sortField: 'descr', sortType: 'asc' }] }), 'PMS-MSD-357');
  assert.equal(code({ sort: [{ sortField: 'policyGroupName', sortType: 'asc' }] }), 'PMS-MSD-357');
  assert.equal(code({ sort: [{ sortField: 'descr', sortType: 'sideways' }] }), 'PMS-MSD-358');
  assert.equal(code({ pagination: { pageStart: -1, pageFetch: 10 } }), 'PMS-MSD-313');
});

test('search: where MOSIP fails unhandled it answers PMS_COR_003: a filter without a column, a group-name filter without a value', () => {
  const code = (request: Partial<PolicySearchRequest>) => refusalOfCall(() => search(request)).code;
  assert.equal(code({ filters: [{ type: 'startsWith', value: 'mosip' }] }), 'PMS_COR_003');
  assert.equal(
    code({
      filters: [
        { columnName: 'policyGroupName', type: 'contains', value: 'Zeta' },
        { type: 'equals', value: 'x' },
      ],
    }),
    'PMS_COR_003',
  );
  assert.equal(code({ filters: [{ columnName: 'policyGroupName', type: 'contains' }] }), 'PMS_COR_003');
  // Only once the search found policies: MOSIP applies the group name to them.
  assert.equal(search({ policyType: 'nothing', filters: [{ columnName: 'policyGroupName', type: 'contains' }] }).totalRecord, 0);
});

test("search: the answer's re-sort refuses descr only when policies were found", () => {
  assert.equal(search({ filters: [{ columnName: 'name', type: 'equals', value: 'none' }], sort: [{ sortField: 'descr', sortType: 'asc' }] }).totalRecord, 0);
  assert.equal(
    refusalOfCall(() => search({ filters: [{ columnName: 'name', type: 'equals', value: 'Epsilon' }], sort: [{ sortField: 'descr', sortType: 'asc' }] })).code,
    'PMS-MSD-357',
  );
});

test('filter values: policy id as code, restricted to the policy type unless "all"', () => {
  const values = (policyType: string, columnName: string, type = 'unique', text = '') =>
    policyFilterValues(ROWS, { policyType, filters: [{ columnName, type, text }], optionalFilters: [] }).filters;
  // "unique" is per (code, value) pair, and the code is the policy id.
  assert.deepEqual(
    values('all', 'policyType').map((f) => f.fieldValue),
    ['Auth', 'Auth', 'CredentialIssuance', 'DataShare', 'MISP'],
  );
  assert.deepEqual(values('all', 'policyType')[0], { fieldID: 'policyType', fieldValue: 'Auth', fieldCode: '101' });
  assert.deepEqual(
    values('AUTH', 'name').map((f) => [f.fieldValue, f.fieldCode]),
    [
      ['Alpha auth', '101'],
      ['Gamma_auth', '203'],
    ],
  );
  assert.deepEqual(
    values('DataShare', 'descr').map((f) => f.fieldValue),
    ['second POLICY'],
  );
  assert.deepEqual(
    values('all', 'name', 'all', 'TA').map((f) => f.fieldValue),
    ['beta share', 'delta cred'],
  );
  const narrowed = policyFilterValues(ROWS, {
    policyType: 'Auth',
    filters: [{ columnName: 'name', type: 'all', text: '' }],
    optionalFilters: [{ columnName: 'isActive', type: 'equals', value: 'false' }],
  });
  assert.deepEqual(
    narrowed.filters.map((f) => f.fieldCode),
    ['203'],
  );
});

test('filter values: the policy service answers PMS_COR_003 for a refused column or type, and for a type without optional filters', () => {
  const code = (request: Parameters<typeof policyFilterValues>[1]) => refusalOfCall(() => policyFilterValues(ROWS, request)).code;
  assert.equal(code({ policyType: 'all', filters: [{ columnName: 'desc', type: 'unique', text: '' }] }), 'PMS_COR_003');
  assert.equal(code({ policyType: 'all', filters: [{ columnName: 'name', type: 'distinct', text: '' }] }), 'PMS_COR_003');
  assert.equal(code({ policyType: 'Auth', filters: [{ columnName: 'name', type: 'all', text: '' }] }), 'PMS_COR_003');
  assert.equal(code({ policyType: 'all', filters: [{ columnName: 'validFromDate', type: 'all', text: '' }] }), 'PMS-MSD-324');
  assert.equal(policyFilterValues(ROWS, { policyType: 'all', filters: [{ columnName: 'name', type: 'all', text: '' }] }).filters.length, 5);
});

test('search and filter-value schemas require policyType', () => {
  const search = policySearchRequest.safeParse({ filters: [], sort: [], pagination: {} });
  assert.equal(search.success, false);
  assert.deepEqual(
    search.error?.issues.map((i) => [i.path.join('.'), i.message]),
    [['policyType', 'must not be null']],
  );
  const parsed = policySearchRequest.parse({ filters: [], sort: [], pagination: {}, policyType: 'Auth' });
  assert.deepEqual(parsed.pagination, { pageStart: 0, pageFetch: 10 });
  const values = policyFilterValueRequest.safeParse({ filters: [{ columnName: 'name' }], policyType: null });
  assert.equal(values.success, false);
  assert.equal(policyFilterValueRequest.parse({ filters: [{ columnName: 'name' }], policyType: 'all' }).filters[0]!.type, 'unique');
});
