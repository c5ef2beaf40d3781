import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PolicyGroup } from '../../functions/domain/policy-groups/policy-group.js';
import { POLICY_GROUP_COLUMNS, policyGroupEntity } from '../../functions/domain/policy-groups/views.js';
import { filterValues } from '../../functions/domain/search/filter-values.js';
import { legacySearch } from '../../functions/domain/search/legacy-search.js';
import { PmsError } from '../../functions/errors/pms-error.js';
import type { SearchRequest } from '../../functions/schemas/legacy-search.js';

function group(n: number, overrides: Partial<PolicyGroup> = {}): PolicyGroup {
  return {
    id: `id-${n}`,
    name: `group ${n}`,
    desc: n % 2 === 0 ? 'even group' : 'odd group',
    isActive: n % 3 !== 0,
    crBy: 'admin',
    crDtimes: `2026-01-${String(n).padStart(2, '0')}T00:00:00.000Z`,
    updBy: null,
    updDtimes: null,
    activePolicyCount: 0,
    draftPolicyCount: 0,
    revision: 0,
    ...overrides,
  };
}

const rows = Array.from({ length: 23 }, (_, i) => policyGroupEntity(group(i + 1)));
const search = (request: Partial<SearchRequest>) =>
  legacySearch(rows, POLICY_GROUP_COLUMNS, { filters: [], sort: [], pagination: { pageStart: 0, pageFetch: 10 }, ...request });

function codeOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof PmsError, `expected a PmsError, got ${String(error)}`);
    return error.errors.map((e) => e.code);
  }
  assert.fail('expected a refusal');
}

test('pages are 0-based with MOSIP record numbers', () => {
  const page = search({ pagination: { pageStart: 2, pageFetch: 10 } });
  assert.deepEqual([page.fromRecord, page.toRecord, page.totalRecord, page.data?.length], [21, 23, 23, 3]);
});

test('a page past the end is the all-zero page with null data', () => {
  assert.deepEqual(search({ pagination: { pageStart: 3, pageFetch: 10 } }), { fromRecord: 0, toRecord: 0, totalRecord: 0, data: null });
});

test('contains, startsWith, equals, in and between filter as MOSIP does', () => {
  const names = (request: Partial<SearchRequest>) => search({ ...request, pagination: { pageStart: 0, pageFetch: 50 } }).data?.map((g) => g.name) ?? [];
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'contains', value: 'P 1' }] }).length, 11);
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'startsWith', value: 'group 2*' }] }), [
    'group 2',
    'group 20',
    'group 21',
    'group 22',
    'group 23',
  ]);
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'contains', value: '*p 9' }] }), ['group 9']);
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'equals', value: 'GROUP 7' }] }), ['group 7']);
  assert.deepEqual(names({ filters: [{ columnName: 'id', type: 'in', values: ['id-4', 'id-5'] }] }), ['group 4', 'group 5']);
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'between', fromValue: 'group 20', toValue: 'group 22' }] }), [
    'group 20',
    'group 21',
    'group 22',
  ]);
  assert.deepEqual(
    names({
      filters: [
        { columnName: 'isActive', type: 'equals', value: 'FALSE' },
        { columnName: 'desc', type: 'equals', value: 'even group' },
      ],
    }),
    ['group 6', 'group 12', 'group 18'],
  );
});

test('sorting is stable over several keys, in code-unit order', () => {
  const page = search({
    sort: [
      { sortField: 'desc', sortType: 'DESC' },
      { sortField: 'name', sortType: 'asc' },
    ],
    pagination: { pageStart: 0, pageFetch: 3 },
  });
  assert.deepEqual(
    page.data?.map((g) => g.name),
    ['group 1', 'group 11', 'group 13'],
  );
});

test('bad filters, sorts and pages get MOSIP search codes', () => {
  assert.deepEqual(
    codeOf(() => search({ filters: [{ columnName: 'nope', type: 'equals', value: 'x' }] })),
    ['PMS-MSD-310'],
  );
  assert.deepEqual(
    codeOf(() => search({ filters: [{ columnName: ' ', type: 'equals', value: 'x' }] })),
    ['PMS-MSD-311'],
  );
  assert.deepEqual(
    codeOf(() => search({ filters: [{ columnName: 'name', type: '', value: 'x' }] })),
    ['PMS-MSD-312'],
  );
  assert.deepEqual(
    codeOf(() => search({ filters: [{ columnName: 'name', type: 'equals', value: 'x', values: ['y'] }] })),
    ['PMS-MSD-392'],
  );
  assert.deepEqual(
    codeOf(() => search({ filters: [{ columnName: 'isActive', type: 'equals', value: 'yes' }] })),
    ['PMS-MSD-390'],
  );
  assert.deepEqual(
    codeOf(() => search({ filters: [{ columnName: 'id', type: 'in', values: [] }] })),
    ['PMS-MSD-391'],
  );
  assert.deepEqual(
    codeOf(() => search({ filters: [{ columnName: 'name', type: 'between', fromValue: 'a' }] })),
    ['PMS-MSD-315'],
  );
  assert.deepEqual(
    codeOf(() => search({ filters: [{ columnName: 'name', type: 'fuzzy', value: 'x' }] })),
    ['PMS-MSD-318'],
  );
  assert.deepEqual(
    codeOf(() => search({ sort: [{ sortField: 'name', sortType: '' }] })),
    ['PMS-MSD-314'],
  );
  assert.deepEqual(
    codeOf(() => search({ sort: [{ sortField: 'colour', sortType: 'asc' }] })),
    ['PMS-MSD-357'],
  );
  assert.deepEqual(
    codeOf(() => search({ sort: [{ sortField: 'name', sortType: 'up' }] })),
    ['PMS-MSD-358'],
  );
  assert.deepEqual(
    codeOf(() => search({ pagination: { pageStart: -1, pageFetch: 10 } })),
    ['PMS-MSD-313'],
  );
  assert.deepEqual(
    codeOf(() => search({ pagination: { pageStart: 0, pageFetch: 0 } })),
    ['PMS-MSD-313'],
  );
});

test('filter values: unique values with the group name as code, booleans fixed, errors collected', () => {
  const result = filterValues(rows, POLICY_GROUP_COLUMNS, (g) => g.name, { filters: [{ columnName: 'desc', type: 'unique', text: 'EVEN' }] });
  assert.deepEqual(result.filters, [{ fieldID: 'desc', fieldValue: 'even group', fieldCode: 'group 2' }]);
  const all = filterValues(rows, POLICY_GROUP_COLUMNS, (g) => g.name, { filters: [{ columnName: 'desc', type: 'all', text: 'even' }] });
  assert.equal(all.filters.length, 11);
  const booleans = filterValues(rows, POLICY_GROUP_COLUMNS, (g) => g.name, { filters: [{ columnName: 'isActive', type: 'unique', text: '' }] });
  assert.deepEqual(
    booleans.filters.map((f) => f.fieldValue),
    ['true', 'false'],
  );
  const narrowed = filterValues(rows, POLICY_GROUP_COLUMNS, (g) => g.name, {
    filters: [{ columnName: 'name', type: 'all', text: '' }],
    optionalFilters: [{ columnName: 'name', type: 'startsWith', value: 'group 1' }],
  });
  assert.equal(narrowed.filters.length, 11);
  assert.deepEqual(
    codeOf(() =>
      filterValues(rows, POLICY_GROUP_COLUMNS, (g) => g.name, {
        filters: [
          { columnName: 'nope', type: 'odd', text: '' },
          { columnName: 'name', type: ' ', text: '' },
        ],
      }),
    ),
    ['PMS-MSD-317', 'PMS-MSD-324', 'PMS-MSD-322'],
  );
  assert.deepEqual(
    codeOf(() => filterValues(rows, POLICY_GROUP_COLUMNS, (g) => g.name, { filters: [{ columnName: 'crDtimes', type: 'all', text: '' }] })),
    ['PMS-MSD-324'],
  );
});
