import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PolicyGroup } from '../../functions/domain/policy-groups/policy-group.js';
import { POLICY_GROUP_COLUMNS, policyGroupEntity } from '../../functions/domain/policy-groups/views.js';
import { type Columns, stringColumn } from '../../functions/domain/search/columns.js';
import { filterValues, MAX_FILTER_VALUES, policyServiceFilterValues } from '../../functions/domain/search/filter-values.js';
import { legacySearch } from '../../functions/domain/search/legacy-search.js';
import { PmsError } from '../../functions/errors/pms-error.js';
import { type FilterValueRequest, filterValueRequest, type SearchRequest, searchRequest } from '../../functions/schemas/legacy-search.js';

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
const search = (request: Partial<SearchRequest>, over = rows) =>
  legacySearch(over, POLICY_GROUP_COLUMNS, { filters: [], sort: [], pagination: { pageStart: 0, pageFetch: 50 }, ...request });
const names = (request: Partial<SearchRequest>, over = rows) => search(request, over).data?.map((g) => g.name) ?? [];
const values = (request: FilterValueRequest, over = rows) => filterValues(over, POLICY_GROUP_COLUMNS, (g) => g.name, request).filters;

function codesOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof PmsError, `expected a PmsError, got ${String(error)}`);
    return error.errors.map((e) => e.code);
  }
  assert.fail('expected a refusal');
}

test('pages are 0-based with MOSIP record numbers; past the end is the all-zero page with null data', () => {
  const page = search({ pagination: { pageStart: 2, pageFetch: 10 } });
  assert.deepEqual([page.fromRecord, page.toRecord, page.totalRecord, page.data?.length], [21, 23, 23, 3]);
  assert.deepEqual(search({ pagination: { pageStart: 3, pageFetch: 10 } }), { fromRecord: 0, toRecord: 0, totalRecord: 0, data: null });
  assert.deepEqual(search({ filters: [{ columnName: 'name', type: 'equals', value: 'none' }] }), { fromRecord: 0, toRecord: 0, totalRecord: 0, data: null });
});

test('contains, startsWith, equals, in and between filter as MOSIP does', () => {
  assert.equal(names({ filters: [{ columnName: 'name', type: 'contains', value: 'P 1' }] }).length, 11);
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'startsWith', value: 'group 2*' }] }), [
    'group 2',
    'group 20',
    'group 21',
    'group 22',
    'group 23',
  ]);
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'contains', value: '*p 9' }] }), ['group 9']);
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'contains', value: '*p 1*' }] }).length, 11);
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'equals', value: 'GROUP 7' }] }), ['group 7']);
  assert.deepEqual(names({ filters: [{ columnName: 'id', type: 'in', values: ['id-4', 'id-5', 'ID-6'] }] }), ['group 4', 'group 5']);
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

test('contains and startsWith are SQL LIKE: % and _ are wildcards, a backslash escapes, a trailing * of contains is literal', () => {
  const odd = [policyGroupEntity(group(1, { name: 'a_b' })), policyGroupEntity(group(2, { name: 'axb' })), policyGroupEntity(group(3, { name: '100% a*' }))];
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'equals', value: 'a_b' }] }, odd), ['a_b']);
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'startsWith', value: 'a_b' }] }, odd), ['a_b', 'axb']);
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'startsWith', value: 'a\\_b' }] }, odd), ['a_b']);
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'contains', value: '0%a' }] }, odd), ['100% a*']);
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'contains', value: 'a*' }] }, odd), ['100% a*']);
  assert.deepEqual(names({ filters: [{ columnName: 'name', type: 'contains', value: '(x)[y]$' }] }, odd), []);
});

test('a filter type MOSIP does not know filters nothing, but still needs a value', () => {
  assert.equal(names({ filters: [{ columnName: 'name', type: 'unique', value: 'group 1' }] }).length, 23);
  assert.deepEqual(
    codesOf(() => search({ filters: [{ columnName: 'name', type: 'unique' }] })),
    ['PMS-MSD-390'],
  );
});

test('boolean columns: isActive equals needs true or false; any other value of another boolean column means false', () => {
  assert.deepEqual(
    codesOf(() => search({ filters: [{ columnName: 'isActive', type: 'equals', value: 'yes' }] })),
    ['PMS-MSD-390'],
  );
  assert.deepEqual(
    codesOf(() => search({ filters: [{ columnName: 'ISACTIVE', type: 'equals', value: ' true' }] })),
    ['PMS-MSD-390'],
  );
  assert.equal(names({ filters: [{ columnName: 'isDeleted', type: 'equals', value: 'yes' }] }).length, 23);
  assert.equal(names({ filters: [{ columnName: 'isDeleted', type: 'equals', value: 'TRUE' }] }).length, 0);
  assert.equal(names({ filters: [{ columnName: 'isActive', type: 'between', fromValue: 'a', toValue: 'b' }] }).length, 23);
  assert.deepEqual(
    codesOf(() => search({ filters: [{ columnName: 'isActive', type: 'contains', value: 'true' }] })),
    ['PMS-MSD-310'],
  );
  assert.deepEqual(
    codesOf(() => search({ filters: [{ columnName: 'crDtimes', type: 'startsWith', value: '2026' }] })),
    ['PMS-MSD-310'],
  );
});

test("date-time filters parse MOSIP's UTC format: equals matches the millisecond, between is inclusive, anything else is unprocessable", () => {
  assert.deepEqual(names({ filters: [{ columnName: 'crDtimes', type: 'equals', value: '2026-01-05T00:00:00.000Z' }] }), ['group 5']);
  assert.deepEqual(
    names({ filters: [{ columnName: 'crDtimes', type: 'between', fromValue: '2026-01-05T00:00:00.000Z', toValue: '2026-01-07T00:00:00.000Z' }] }),
    ['group 5', 'group 6', 'group 7'],
  );
  assert.deepEqual(
    codesOf(() => search({ filters: [{ columnName: 'crDtimes', type: 'equals', value: '2026-01-05' }] })),
    ['PMS_COR_003'],
  );
  assert.deepEqual(
    codesOf(() => search({ filters: [{ columnName: 'crDtimes', type: 'between', fromValue: 'yesterday', toValue: 'today' }] })),
    ['PMS_COR_003'],
  );
});

test('column names are checked ignoring case and used exactly, as JPA resolves them', () => {
  assert.deepEqual(
    codesOf(() => search({ filters: [{ columnName: 'NAME', type: 'contains', value: 'x' }] })),
    ['PMS-MSD-310'],
  );
  assert.deepEqual(
    codesOf(() => search({ filters: [{ columnName: 'NAME', type: 'between', fromValue: 'a', toValue: 'b' }] })),
    ['PMS-MSD-310'],
  );
  assert.deepEqual(
    codesOf(() => search({ filters: [{ columnName: 'NAME', type: 'equals', value: 'x' }] })),
    ['PMS_COR_003'],
  );
  assert.equal(names({ filters: [{ columnName: 'NAME', type: 'unique', value: 'x' }] }).length, 23);
});

test('bad filters, sorts and pages get MOSIP search codes, in its order: every column, each filter, each sort, then paging', () => {
  const bad = (request: Partial<SearchRequest>) => codesOf(() => search(request));
  assert.deepEqual(bad({ filters: [{ columnName: 'nope', type: 'equals', value: 'x' }] }), ['PMS-MSD-310']);
  assert.deepEqual(bad({ filters: [{ type: 'equals', value: 'x' }] }), ['PMS-MSD-311']);
  assert.deepEqual(bad({ filters: [{ columnName: ' ', type: 'equals', value: 'x' }] }), ['PMS-MSD-310']);
  assert.deepEqual(bad({ filters: [{ columnName: 'name', type: '', value: 'x' }] }), ['PMS-MSD-312']);
  assert.deepEqual(bad({ filters: [{ columnName: 'name', type: 'equals', value: 'x', values: ['y'] }] }), ['PMS-MSD-392']);
  assert.deepEqual(bad({ filters: [{ columnName: 'id', type: 'in', values: [] }] }), ['PMS-MSD-391']);
  assert.deepEqual(bad({ filters: [{ columnName: 'name', type: 'between', fromValue: 'a' }] }), ['PMS-MSD-315']);
  assert.deepEqual(bad({ filters: [{ columnName: 'name', type: 'contains', value: '*' }] }), ['PMS_COR_003']);
  assert.deepEqual(bad({ sort: [{ sortField: 'name', sortType: '' }] }), ['PMS-MSD-314']);
  assert.deepEqual(bad({ sort: [{ sortType: 'asc' }] }), ['PMS-MSD-314']);
  assert.deepEqual(bad({ sort: [{ sortField: ' ', sortType: 'asc' }] }), ['PMS-MSD-357']);
  assert.deepEqual(bad({ sort: [{ sortField: 'colour', sortType: 'asc' }] }), ['PMS-MSD-357']);
  assert.deepEqual(bad({ sort: [{ sortField: 'NAME', sortType: 'asc' }] }), ['PMS-MSD-357']);
  assert.deepEqual(bad({ sort: [{ sortField: 'name', sortType: 'up' }] }), ['PMS-MSD-358']);
  assert.deepEqual(bad({ pagination: { pageStart: -1, pageFetch: 10 } }), ['PMS-MSD-313']);
  assert.deepEqual(bad({ pagination: { pageStart: 0, pageFetch: 0 } }), ['PMS-MSD-313']);

  const everything = {
    filters: [
      { columnName: 'name', type: '', value: 'x' },
      { columnName: 'nope', type: 'equals', value: 'x' },
    ],
    sort: [{ sortField: 'colour', sortType: 'up' }],
    pagination: { pageStart: 0, pageFetch: 0 },
  };
  assert.deepEqual(bad(everything), ['PMS-MSD-310']);
  assert.deepEqual(bad({ ...everything, filters: everything.filters.slice(0, 1) }), ['PMS-MSD-312']);
  assert.deepEqual(bad({ ...everything, filters: [] }), ['PMS-MSD-357']);
  assert.deepEqual(bad({ ...everything, filters: [], sort: [{ sortField: 'name', sortType: 'up' }] }), ['PMS-MSD-358']);
  assert.deepEqual(bad({ ...everything, filters: [], sort: [] }), ['PMS-MSD-313']);
});

test('sorting is stable over several keys: text in code-unit order, false before true, date-times by instant, nulls first', () => {
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
  assert.deepEqual(names({ sort: [{ sortField: 'isActive', sortType: 'asc' }], pagination: { pageStart: 0, pageFetch: 2 } }), ['group 3', 'group 6']);
  const mixed = [
    policyGroupEntity(group(1, { updDtimes: '2026-03-01T10:00:00.000Z', updBy: 'b' })),
    policyGroupEntity(group(2)),
    policyGroupEntity(group(3, { updDtimes: '2026-02-01T10:00:00.000Z', updBy: 'a' })),
  ];
  assert.deepEqual(names({ sort: [{ sortField: 'updDtimes', sortType: 'asc' }] }, mixed), ['group 2', 'group 3', 'group 1']);
  assert.deepEqual(names({ sort: [{ sortField: 'updBy', sortType: 'desc' }] }, mixed), ['group 1', 'group 3', 'group 2']);
});

interface Item {
  id: string;
  label: string | null;
  hidden: string;
}
const ITEM_COLUMNS: Columns<Item> = {
  id: stringColumn((i) => i.id),
  label: stringColumn((i) => i.label),
  internal: stringColumn((i) => i.hidden, { sortable: false }),
};

test("an entity field missing from MOSIP's answer can filter but not sort, and only rows found reveal it", () => {
  const items: Item[] = [
    { id: '1', label: 'b', hidden: 'x' },
    { id: '2', label: 'a', hidden: 'y' },
  ];
  const run = (request: Partial<SearchRequest>) =>
    legacySearch(items, ITEM_COLUMNS, { filters: [], sort: [], pagination: { pageStart: 0, pageFetch: 10 }, ...request });
  assert.deepEqual(
    run({ filters: [{ columnName: 'internal', type: 'equals', value: 'y' }] }).data?.map((i) => i.id),
    ['2'],
  );
  assert.deepEqual(
    codesOf(() => run({ sort: [{ sortField: 'internal', sortType: 'asc' }] })),
    ['PMS-MSD-357'],
  );
  assert.equal(run({ filters: [{ columnName: 'id', type: 'equals', value: '3' }], sort: [{ sortField: 'internal', sortType: 'asc' }] }).totalRecord, 0);
  assert.deepEqual(
    legacySearch(items, ITEM_COLUMNS, { filters: [], sort: [], pagination: { pageStart: 0, pageFetch: 10 } }, (found) => found.filter((i) => i.id === '1')),
    { fromRecord: 1, toRecord: 1, totalRecord: 1, data: [items[0]] },
  );
});

test('filter values: MOSIP validates every filter first (a blank type alone, else unknown column and unknown type), names ignoring case', () => {
  assert.deepEqual(
    codesOf(() =>
      values({
        filters: [
          { columnName: 'nope', type: 'odd', text: '' },
          { columnName: 'name', type: ' ', text: '' },
          { columnName: 'nope', type: '', text: '' },
          { columnName: 'ISACTIVE', type: 'between', text: '' },
        ],
      }),
    ),
    ['PMS-MSD-317', 'PMS-MSD-324', 'PMS-MSD-322', 'PMS-MSD-322', 'PMS-MSD-324'],
  );
  assert.deepEqual(
    codesOf(() => values({ filters: [{ columnName: 'crDtimes', type: 'all', text: '' }] })),
    ['PMS-MSD-324'],
  );
});

test('filter values: the policy service answers any validation refusal PMS_COR_003', () => {
  const run = (request: FilterValueRequest) => policyServiceFilterValues(rows, POLICY_GROUP_COLUMNS, (g) => g.name, request);
  assert.deepEqual(
    codesOf(() => run({ filters: [{ columnName: 'nope', type: 'all', text: '' }] })),
    ['PMS_COR_003'],
  );
  assert.deepEqual(
    codesOf(() => run({ filters: [{ columnName: 'name', type: '', text: '' }] })),
    ['PMS_COR_003'],
  );
  assert.deepEqual(
    codesOf(() => run({ filters: [{ columnName: 'crDtimes', type: 'all', text: '' }] })),
    ['PMS-MSD-324'],
  );
  assert.equal(run({ filters: [{ columnName: 'name', type: 'all', text: 'group 2' }] }).filters.length, 5);
});

test('filter values: text narrows (LIKE, ignoring case), "unique" gives each (code, value) pair once, ascending', () => {
  const even = values({ filters: [{ columnName: 'desc', type: 'unique', text: 'EVEN' }] });
  assert.deepEqual(new Set(even.map((v) => `${v.fieldID}=${v.fieldValue}`)), new Set(['desc=even group']));
  assert.deepEqual(
    even.map((v) => v.fieldCode),
    [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22].map((n) => `group ${n}`),
  );
  assert.deepEqual(
    values({ filters: [{ columnName: 'name', type: 'unique', text: 'group 1_' }] }).map((v) => v.fieldValue),
    ['group 10', 'group 11', 'group 12', 'group 13', 'group 14', 'group 15', 'group 16', 'group 17', 'group 18', 'group 19'],
  );
  const twins = [policyGroupEntity(group(1, { name: 'same' })), policyGroupEntity(group(2, { name: 'same' }))];
  assert.deepEqual(values({ filters: [{ columnName: 'name', type: 'unique', text: '' }] }, twins), [
    { fieldID: 'name', fieldValue: 'same', fieldCode: 'same' },
  ]);
  assert.equal(values({ filters: [{ columnName: 'name', type: 'all', text: '' }] }, twins).length, 2);
  assert.equal(values({ filters: [{ columnName: 'name', type: 'ALL', text: '' }] }, twins).length, 2);
  assert.equal(values({ filters: [{ columnName: 'name', type: 'UNIQUE', text: '' }] }, twins).length, 2, 'MOSIP de-duplicates only for "unique" as written');
});

test('filter values: nulls come last and only without a text; booleans are always true and false', () => {
  const some = [policyGroupEntity(group(1, { updBy: 'zed' })), policyGroupEntity(group(2)), policyGroupEntity(group(3, { updBy: 'amy' }))];
  assert.deepEqual(
    values({ filters: [{ columnName: 'updBy', type: 'all', text: '' }] }, some).map((v) => v.fieldValue),
    ['amy', 'zed', null],
  );
  assert.deepEqual(
    values({ filters: [{ columnName: 'updBy', type: 'all', text: 'e' }] }, some).map((v) => v.fieldValue),
    ['zed'],
  );
  assert.deepEqual(values({ filters: [{ columnName: 'isActive', type: 'unique', text: '' }] }), [
    { fieldID: 'isActive', fieldValue: 'true', fieldCode: '' },
    { fieldID: 'isActive', fieldValue: 'false', fieldCode: '' },
  ]);
});

test('filter values: where MOSIP fails unhandled (no text, a text on a boolean, a column in another case, ALL on a boolean) it is PMS_COR_003', () => {
  assert.deepEqual(
    codesOf(() => values({ filters: [{ columnName: 'name', type: 'all' }] })),
    ['PMS_COR_003'],
  );
  assert.deepEqual(
    codesOf(() => values({ filters: [{ columnName: 'isActive', type: 'all', text: 'tr' }] })),
    ['PMS_COR_003'],
  );
  assert.deepEqual(
    codesOf(() => values({ filters: [{ columnName: 'NAME', type: 'all', text: '' }] })),
    ['PMS_COR_003'],
  );
  assert.deepEqual(
    codesOf(() => values({ filters: [{ columnName: 'isActive', type: 'ALL', text: '' }] })),
    ['PMS_COR_003'],
  );
});

test('filter values: optional filters narrow the rows, built unvalidated as MOSIP does', () => {
  const narrowed = (optionalFilters: FilterValueRequest['optionalFilters']) =>
    values({ filters: [{ columnName: 'name', type: 'all', text: '' }], optionalFilters }).map((v) => v.fieldValue);
  assert.equal(narrowed([{ columnName: 'name', type: 'startsWith', value: 'group 1' }]).length, 11);
  assert.equal(narrowed([{ columnName: 'isActive', type: 'equals', value: 'false' }]).length, 7);
  assert.equal(narrowed([{ columnName: 'nope', type: 'fuzzy', value: 'x' }]).length, 23);
  assert.deepEqual(
    codesOf(() => narrowed([{ columnName: 'name', type: 'contains' }])),
    ['PMS_COR_003'],
  );
  assert.deepEqual(
    codesOf(() => narrowed([{ columnName: 'nope', type: 'contains', value: 'x' }])),
    ['PMS-MSD-310'],
  );
  assert.deepEqual(
    codesOf(() => narrowed([{ columnName: 'name', type: 'equals', value: 'x', values: ['y'] }])),
    ['PMS-MSD-392'],
  );
});

test('filter values: at most 500 per filter', () => {
  const many = Array.from({ length: MAX_FILTER_VALUES + 20 }, (_, i) => ({ id: String(i).padStart(4, '0'), label: 'x', hidden: '' }));
  const found = filterValues(many, ITEM_COLUMNS, (i) => i.id, { filters: [{ columnName: 'id', type: 'all', text: '' }] }).filters;
  assert.equal(found.length, MAX_FILTER_VALUES);
  assert.equal(found.at(-1)?.fieldValue, '0499');
});

test('the request schemas bind pages as Jackson binds an int, and default the filter-value type to unique', () => {
  const pagination = (value: unknown) => searchRequest.safeParse({ filters: [], sort: [], pagination: value });
  assert.deepEqual(pagination({ pageStart: '2', pageFetch: ' 5 ' }).data?.pagination, { pageStart: 2, pageFetch: 5 });
  assert.deepEqual(pagination({ pageStart: '' }).data?.pagination, { pageStart: 0, pageFetch: 10 });
  assert.deepEqual(pagination({ pageStart: null, pageFetch: 2.9 }).data?.pagination, { pageStart: 0, pageFetch: 2 });
  assert.deepEqual(pagination({ pageStart: '-1', pageFetch: '+3' }).data?.pagination, { pageStart: -1, pageFetch: 3 });
  for (const wrong of [{ pageStart: 'one' }, { pageFetch: '1.5' }, { pageFetch: '3000000000' }, { pageStart: true }]) {
    const parsed = pagination(wrong);
    assert.equal(parsed.success, false, JSON.stringify(wrong));
    assert.equal(parsed.error?.issues[0]?.message, 'must be an integer');
  }
  assert.equal(filterValueRequest.parse({ filters: [{ columnName: 'name' }] }).filters[0]!.type, 'unique');
});
