import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type IndexWindow, indexWindow, type ListDefinition, type ListRequest, listPage, windowPage } from '../../functions/domain/search/list-definition.js';
import { PARTNER_PAGING_ERRORS } from '../../functions/errors/paging-errors.js';

interface Row {
  crDtimes: string;
  id: string;
  name: string;
}

const order = (row: Row) => `${row.crDtimes}#${row.id}`;

function listOf(defaultAscending: boolean): ListDefinition<Row> {
  return {
    columns: {
      name: { read: (row) => row.name, filter: 'like', sortable: true },
      createdDateTime: { read: (row) => row.crDtimes, sortable: true, sortBy: order },
    },
    defaultOrder: [{ by: order, descending: !defaultAscending }],
    errors: PARTNER_PAGING_ERRORS,
    indexed: { column: 'createdDateTime', defaultAscending },
  };
}

/** n rows, several created in the same millisecond (ties broken by id), stored in no particular order. */
function rowsOf(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    crDtimes: new Date(Date.UTC(2026, 0, 1) + Math.floor(((i * 7) % n) / 3) * 1000).toISOString(),
    id: `id-${(i * 13) % 97}`,
    name: `row ${i}`,
  }));
}

/** What the index gives for a window: its rows in sort-key order, read from either end. */
function indexRead(rows: readonly Row[], { ascending, skip, take }: IndexWindow): Row[] {
  const sorted = [...rows].sort((a, b) => (order(a) < order(b) ? -1 : 1));
  return (ascending ? sorted : sorted.reverse()).slice(skip, skip + take);
}

test('every page read as an index window equals the page computed from every row, at any size, page, order and direction', () => {
  let windows = 0;
  for (const defaultAscending of [true, false]) {
    const list = listOf(defaultAscending);
    for (let n = 0; n <= 23; n++) {
      const rows = rowsOf(n);
      for (let pageSize = 1; pageSize <= 6; pageSize++) {
        for (let pageNo = 0; pageNo <= Math.ceil(n / pageSize) + 1; pageNo++) {
          for (const sort of [undefined, { field: 'createdDateTime', ascending: true }, { field: 'createdDateTime', ascending: false }]) {
            const paging: ListRequest = { pageNo, pageSize, sort, paged: true };
            const window = indexWindow(list, {}, paging, n);
            assert.ok(window, 'no filter and the index order: a window');
            windows++;
            assert.ok(window.skip <= n / 2 + pageSize, `a page is read from the nearer end (skip ${window.skip} of ${n})`);
            const expected = listPage(list, rows, {}, paging, (row) => row.id);
            assert.deepEqual(
              windowPage(indexRead(rows, window), window, paging, n, (row) => row.id),
              expected,
              JSON.stringify({ n, pageSize, pageNo, sort }),
            );
          }
        }
      }
      const unpaged: ListRequest = { pageNo: 0, pageSize: 8, sort: undefined, paged: false };
      const window = indexWindow(list, {}, unpaged, n)!;
      assert.deepEqual(
        windowPage(indexRead(rows, window), window, unpaged, n, (row) => row.id),
        listPage(list, rows, {}, unpaged, (row) => row.id),
      );
    }
  }
  assert.ok(windows > 1000);
});

test('a filter or another order needs every row: no window', () => {
  const list = listOf(true);
  const paging: ListRequest = { pageNo: 0, pageSize: 8, sort: undefined, paged: true };
  assert.equal(indexWindow(list, { name: 'row' }, paging, 10), undefined);
  assert.equal(indexWindow(list, {}, { ...paging, sort: { field: 'name', ascending: true } }, 10), undefined);
  assert.deepEqual(indexWindow(list, { name: undefined }, paging, 10), { ascending: true, skip: 0, take: 8, reverse: false });
  assert.equal(indexWindow({ ...list, indexed: undefined }, {}, paging, 10), undefined, 'a list without an index');
});

test('the last page of a million rows is read from the far end', () => {
  const list = listOf(false);
  assert.deepEqual(indexWindow(list, {}, { pageNo: 99_999, pageSize: 10, sort: undefined, paged: true }, 1_000_000), {
    ascending: true,
    skip: 0,
    take: 10,
    reverse: true,
  });
  assert.deepEqual(indexWindow(list, {}, { pageNo: 100_000, pageSize: 10, sort: undefined, paged: true }, 1_000_000)?.take, 0);
});
