import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkListQuery, type ListDefinition, type ListRequest, listPage } from '../../functions/domain/search/list-definition.js';
import { PARTNER_PAGING_ERRORS } from '../../functions/errors/paging-errors.js';
import { refusalOfCall } from '../support/refusals.js';

interface Device {
  id: string;
  make: string | null;
  status: string;
  active: boolean;
  devices: number;
  created: string;
}

const LIST: ListDefinition<Device> = {
  columns: {
    deviceId: { read: (row) => row.id, filter: 'like', sortable: true },
    make: { read: (row) => row.make, filter: 'like', sortable: true },
    status: { read: (row) => row.status, filter: 'exact', sortable: true },
    isActive: { read: (row) => row.active, filter: 'exact', sortable: 'inverted' },
    // Filtered on a derived text, sorted on the raw count.
    deviceState: { read: (row) => (row.devices > 0 ? 'in_use' : 'unused'), filter: 'exact', sortable: true, sortBy: (row) => row.devices },
    // Filter only: not a sortFieldName.
    makeStartsWith: { read: (row) => row.make, filter: (wanted) => (cell) => typeof cell === 'string' && cell.startsWith(String(wanted)) },
    createdDateTime: { read: (row) => row.created, sortable: true },
  },
  defaultOrder: [{ by: (row) => row.created, descending: true }, { by: (row) => row.id }],
  errors: PARTNER_PAGING_ERRORS,
};

// Default order (newest first, then id): d2 and d3 tie on time, so id decides.
const ROWS: readonly Device[] = [
  { id: 'd1', make: 'Acme_1', status: 'approved', active: true, devices: 9, created: '2026-01-01' },
  { id: 'd2', make: null, status: 'pending', active: false, devices: 0, created: '2026-01-03' },
  { id: 'd3', make: 'acme%2', status: 'Approved', active: true, devices: 10, created: '2026-01-03' },
  { id: 'd4', make: 'Bolt', status: 'approved', active: false, devices: 2, created: '2026-01-02' },
];
const DEFAULT_ORDER = ['d2', 'd3', 'd4', 'd1'];

const ALL: ListRequest = { pageNo: 0, pageSize: 10, sort: undefined, paged: true };
const sorted = (field: string, ascending: boolean): ListRequest => ({ ...ALL, sort: { field, ascending } });
const ids = (filters: Record<string, string | boolean | undefined>, paging = ALL, list = LIST) => listPage(list, ROWS, filters, paging, (row) => row.id).data;

const refusalCode = (action: () => unknown) => refusalOfCall(action).code;

test('without filters or sort, rows come in the default order, ties broken by the next key', () => {
  assert.deepEqual(ids({}), DEFAULT_ORDER);
});

test('like filters match case-insensitively with % and _ as wildcards, and never match NULL', () => {
  assert.deepEqual(ids({ make: 'ACME' }), ['d3', 'd1']);
  assert.deepEqual(ids({ make: 'acme_' }), ['d3', 'd1']);
  assert.deepEqual(ids({ make: 'e%2' }), ['d3']);
  // '' is a value: LIKE '%%' matches every non-NULL cell.
  assert.deepEqual(ids({ make: '' }), ['d3', 'd4', 'd1']);
});

test('exact filters are case-sensitive and compare bound booleans too; filters combine with AND', () => {
  assert.deepEqual(ids({ status: 'approved' }), ['d4', 'd1']);
  assert.deepEqual(ids({ status: 'APPROVED' }), []);
  assert.deepEqual(ids({ isActive: false }), ['d2', 'd4']);
  assert.deepEqual(ids({ status: 'approved', isActive: true }), ['d1']);
  assert.deepEqual(ids({ deviceState: 'unused' }), ['d2']);
});

test('a custom matcher filters, and parameters that are no filter column are ignored', () => {
  assert.deepEqual(ids({ makeStartsWith: 'a', sortType: 'asc', unknown: 'x' }), ['d3']);
});

test('emptyFilterIsAbsent makes an empty parameter filter nothing', () => {
  const lenient: ListDefinition<Device> = { ...LIST, emptyFilterIsAbsent: true };
  assert.deepEqual(ids({ make: '', status: '' }, ALL, lenient), DEFAULT_ORDER);
  assert.deepEqual(ids({ status: '' }), []);
});

test('sorting is stable over the default order, compares UTF-16 code units and puts NULL last ascending, first descending', () => {
  assert.deepEqual(ids({}, sorted('make', true)), ['d1', 'd4', 'd3', 'd2']);
  assert.deepEqual(ids({}, sorted('make', false)), ['d2', 'd3', 'd4', 'd1']);
  // 'approved' twice: the tie keeps the default order (d4 before d1).
  assert.deepEqual(ids({}, sorted('status', true)), ['d3', 'd4', 'd1', 'd2']);
});

test('an inverted column sorts the other way round from the direction asked', () => {
  // false before true ascending, so inverted `asc` puts the active devices first.
  assert.deepEqual(ids({}, sorted('isActive', true)), ['d3', 'd1', 'd2', 'd4']);
  assert.deepEqual(ids({}, sorted('isActive', false)), ['d2', 'd4', 'd3', 'd1']);
});

test('sortBy orders by its own value, numbers by value rather than as text', () => {
  assert.deepEqual(ids({}, sorted('deviceState', true)), ['d2', 'd4', 'd1', 'd3']);
});

test('pages slice the ordered rows; a page past the end is all zeros', () => {
  const page = (pageNo: number, pageSize: number) => listPage(LIST, ROWS, {}, { pageNo, pageSize, sort: undefined, paged: true }, (row) => row.id);
  assert.deepEqual(page(1, 3), { pageNo: 1, pageSize: 3, totalResults: 4, data: ['d1'] });
  assert.deepEqual(page(0, 2), { pageNo: 0, pageSize: 2, totalResults: 4, data: ['d2', 'd3'] });
  assert.deepEqual(page(2, 2), { pageNo: 0, pageSize: 0, totalResults: 0, data: [] });
});

test('checkListQuery accepts only sortable columns, checks in MOSIP order, and applies the pair rule when set', () => {
  assert.deepEqual(checkListQuery(LIST, { sortFieldName: 'isActive', sortType: 'DESC', pageNo: '1', pageSize: '5' }), {
    pageNo: 1,
    pageSize: 5,
    sort: { field: 'isActive', ascending: false },
    paged: true,
  });
  assert.deepEqual(checkListQuery(LIST, {}), { pageNo: 0, pageSize: 8, sort: undefined, paged: true });
  // A filter-only column is no sortFieldName; the field is checked before the page.
  assert.equal(
    refusalCode(() => checkListQuery(LIST, { sortFieldName: 'makeStartsWith', sortType: 'asc', pageNo: '-1' })),
    'PMS_PRT_357',
  );
  assert.equal(
    refusalCode(() => checkListQuery(LIST, { sortFieldName: 'make', sortType: 'up' })),
    'PMS_PRT_358',
  );
  assert.equal(
    refusalCode(() => checkListQuery(LIST, { pageNo: '-1', pageSize: '0' })),
    'PMS_PRT_360',
  );
  assert.equal(
    refusalCode(() => checkListQuery(LIST, { pageSize: '101' })),
    'PMS_PRT_361',
  );
  // Without a pair rule sortType alone is checked, then ignored; with one it is refused.
  assert.deepEqual(checkListQuery(LIST, { sortType: 'asc' }).sort, undefined);
  const paired: ListDefinition<Device> = { ...LIST, sortPairError: PARTNER_PAGING_ERRORS.INVALID_SORT_PARAMETERS };
  assert.equal(
    refusalCode(() => checkListQuery(paired, { sortType: 'asc', sortFieldName: undefined })),
    'PMS_PS_ERROR_007',
  );
  // A page bound by the list itself is used as given.
  assert.deepEqual(checkListQuery(LIST, { pageNo: 'x' }, { pageNo: 2, pageSize: 3 }), { pageNo: 2, pageSize: 3, sort: undefined, paged: true });
});

test('optional paging: the sort pair, then the page pair, then sorting unpaged are refused; unpaged gives the first rows as one page', () => {
  const optional: ListDefinition<Device> = { ...LIST, optionalPaging: true };
  assert.equal(
    refusalCode(() => checkListQuery(optional, { sortFieldName: 'name', pageNo: '0' })),
    'PMS_PS_ERROR_007',
  );
  assert.equal(
    refusalCode(() => checkListQuery(optional, { pageNo: '0' })),
    'PMS_PS_ERROR_006',
  );
  assert.equal(
    refusalCode(() => checkListQuery(optional, { pageSize: '-5' })),
    'PMS_PS_ERROR_006',
  );
  assert.equal(
    refusalCode(() => checkListQuery(optional, { sortFieldName: 'name', sortType: 'asc' })),
    'PMS_PS_ERROR_008',
  );
  assert.equal(
    refusalCode(() => checkListQuery(optional, { pageNo: '-1', pageSize: '2' })),
    'PMS_PRT_360',
  );
  const unpaged = checkListQuery(optional, {});
  assert.equal(unpaged.paged, false);
  assert.deepEqual(
    listPage(optional, ROWS, {}, unpaged, (row) => row.id),
    { pageNo: 0, pageSize: 4, totalResults: 4, data: DEFAULT_ORDER },
  );
  assert.equal(checkListQuery(optional, { pageNo: '1', pageSize: '2' }).paged, true);
  assert.equal(checkListQuery(LIST, {}).paged, true, 'a list with default paging is always paged');
});
