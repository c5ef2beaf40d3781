import type { ErrorDefinition } from '../../errors/pms-error.js';
import {
  bindPage,
  checkSortAndPage,
  compareNullable,
  compareText,
  containsLike,
  type PageV2,
  type PagingErrors,
  pageOf,
  type SortAndPage,
  type SortAndPageQuery,
} from './v2-lists.js';

/*
 * A revamp (v2) list described as data: its columns, each with how it is read from a joined row, how its query
 * parameter filters and whether its name is accepted as `sortFieldName`; its default order; its error codes.
 * What a list does beyond that (reading and joining rows, extra parameters, business checks, the response item)
 * stays in its own module. checkListQuery runs before any row is read, as MOSIP refuses bad parameters first;
 * listPage runs on the joined rows.
 */

/** A column's value in a joined row; null is SQL NULL. */
export type CellValue = string | number | boolean | null;

/** A filter parameter once bound: query text, or a value the list bound itself (e.g. a Spring Boolean). */
export type FilterValue = string | boolean;

/** Builds the test one filter value puts to a column's cells. */
export type CellMatcher = (wanted: FilterValue) => (cell: CellValue) => boolean;

const MATCHERS = {
  /** `lower(column) LIKE %lower(value)%`, MOSIP's text filter; NULL matches nothing. */
  like: (wanted) => {
    const matches = containsLike(String(wanted));
    return (cell) => typeof cell === 'string' && matches(cell);
  },
  /** `column = value`, case-sensitive. */
  exact: (wanted) => (cell) => cell === wanted,
} satisfies Record<string, CellMatcher>;

export interface ListColumn<Row> {
  read: (row: Row) => CellValue;
  /** How the query parameter named as the column filters rows; without it the column has no filter. */
  filter?: keyof typeof MATCHERS | CellMatcher;
  /**
   * Accepted as `sortFieldName`. `inverted`: MOSIP flips the direction asked for (its query orders the column
   * the other way round), so `asc` gives the descending order.
   */
  sortable?: true | 'inverted';
  /** What sorting orders by, where that is not what `read` gives the filter (e.g. the raw value behind a derived one). */
  sortBy?: (row: Row) => CellValue;
}

/** One key of the default order. */
export interface OrderKey<Row> {
  by: (row: Row) => CellValue;
  descending?: boolean;
}

export interface ListDefinition<Row> {
  columns: Readonly<Record<string, ListColumn<Row>>>;
  /** The order of unsorted rows, and of ties when sorted (MOSIP leaves both to PostgreSQL). */
  defaultOrder: readonly OrderKey<Row>[];
  errors: PagingErrors;
  /** The partner service's rule that sortFieldName and sortType come together (see checkSortAndPage). */
  sortPairError?: ErrorDefinition;
  /** An empty filter parameter filters nothing (otherwise `''` is a value: LIKE `%%` still refuses NULL). */
  emptyFilterIsAbsent?: true;
}

/**
 * Binds pageNo/pageSize (unless the list bound them itself, with its other parameters, in MOSIP's order) and
 * checks sorting and paging as checkSortAndPage does, against the list's sortable columns.
 */
export function checkListQuery<Row>(list: ListDefinition<Row>, query: SortAndPageQuery, page = bindPage(query)): SortAndPage {
  const sortable = Object.fromEntries(Object.entries(list.columns).filter(([, column]) => column.sortable));
  return checkSortAndPage(query, page, sortable, list.errors, { sortPairError: list.sortPairError });
}

/**
 * One page of the rows that pass every given filter, in the default order, then (when paging.sort is set) stably
 * re-sorted by the column asked for, so ties keep the default order. NULL sorts after every value, so first when
 * the effective direction is descending, as in PostgreSQL.
 */
export function listPage<Row, Item>(
  list: ListDefinition<Row>,
  rows: readonly Row[],
  filters: Readonly<Record<string, FilterValue | undefined>>,
  paging: SortAndPage,
  toItem: (row: Row) => Item,
): PageV2<Item> {
  const found = rows.filter(filterOf(list, filters)).sort(orderOf(list.defaultOrder));
  if (paging.sort) {
    const column = list.columns[paging.sort.field]!;
    const descending = paging.sort.ascending === (column.sortable === 'inverted');
    found.sort(orderOf([{ by: column.sortBy ?? column.read, descending }]));
  }
  return pageOf(found, paging, toItem);
}

function filterOf<Row>(list: ListDefinition<Row>, filters: Readonly<Record<string, FilterValue | undefined>>): (row: Row) => boolean {
  const tests = Object.entries(list.columns).flatMap(([name, { read, filter }]) => {
    const wanted = filters[name];
    if (!filter || wanted === undefined || (wanted === '' && list.emptyFilterIsAbsent)) return [];
    const matches = (typeof filter === 'string' ? MATCHERS[filter] : filter)(wanted);
    return [(row: Row) => matches(read(row))];
  });
  return (row) => tests.every((test) => test(row));
}

function orderOf<Row>(keys: readonly OrderKey<Row>[]): (a: Row, b: Row) => number {
  return (a, b) => {
    for (const { by, descending } of keys) {
      const order = compareCells(by(a), by(b));
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  };
}

/** Text by UTF-16 code units (see compareText), numbers by value, false before true; NULL last. */
function compareCells(a: CellValue, b: CellValue): number {
  return compareNullable(a, b, (x, y) => (typeof x === 'string' && typeof y === 'string' ? compareText(x, y) : Number(x) - Number(y)));
}
