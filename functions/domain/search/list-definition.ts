import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import { type ErrorDefinition, PmsError } from '../../errors/pms-error.js';
import {
  bindPage,
  checkSortAndPage,
  compareNullable,
  compareText,
  containsLike,
  MAX_PAGE_SIZE,
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
  /**
   * pageNo and pageSize are optional Integers with no default (PartnerHelper.validateRequestParameters): they come
   * together (PMS_PS_ERROR_006), sorting needs them (PMS_PS_ERROR_008), and a request without them is unpaged.
   */
  optionalPaging?: true;
  /**
   * The list's rows are also kept in an index ordered by this column (its `sortBy`, e.g. creation time then id),
   * newest or oldest first by default: an unfiltered page in that order is read from the index (indexWindow), not
   * from every row. The column's sortBy and the default order must order rows exactly as the index does.
   */
  indexed?: { column: string; defaultAscending: boolean };
}

/** The checked sorting and paging of one request; `paged` false: MOSIP's `Pageable.unpaged()`. */
export interface ListRequest extends SortAndPage {
  paged: boolean;
}

/** Spring hands an empty String parameter over as "" (present), an empty Integer as null (absent). */
const given = (value: string | undefined) => value !== undefined && value !== '';

/**
 * Binds pageNo/pageSize (unless the list bound them itself, with its other parameters, in MOSIP's order) and
 * checks sorting and paging as checkSortAndPage does, against the list's sortable columns; with optional paging,
 * the sort pair, the page pair and sorting without paging are refused first, in that order.
 */
export function checkListQuery<Row>(list: ListDefinition<Row>, query: SortAndPageQuery, page = bindPage(query)): ListRequest {
  const sortable = Object.fromEntries(Object.entries(list.columns).filter(([, column]) => column.sortable));
  if (!list.optionalPaging) return { ...checkSortAndPage(query, page, sortable, list.errors, { sortPairError: list.sortPairError }), paged: true };
  if ((query.sortFieldName === undefined) !== (query.sortType === undefined))
    throw new PmsError(list.sortPairError ?? PARTNER_PAGING_ERRORS.INVALID_SORT_PARAMETERS);
  const paged = given(query.pageNo);
  if (paged !== given(query.pageSize)) throw new PmsError(PARTNER_PAGING_ERRORS.INVALID_PAGE_PARAMETERS);
  if (query.sortFieldName !== undefined && !paged) throw new PmsError(PARTNER_PAGING_ERRORS.MISSING_PAGINATION_FOR_SORT);
  // Unpaged, the defaults bindPage filled in pass the page checks untouched.
  return { ...checkSortAndPage(query, page, sortable, list.errors), paged };
}

/**
 * One page of the rows that pass every given filter, in the default order, then (when paging.sort is set) stably
 * re-sorted by the column asked for, so ties keep the default order. NULL sorts after every value, so first when
 * the effective direction is descending, as in PostgreSQL.
 *
 * Unpaged, MOSIP returns every row. We return at most MAX_PAGE_SIZE rows in the default order as one page:
 * `pageNo` 0, `pageSize` the number of rows returned (as Spring reports an unpaged page) and `totalResults` the
 * number of rows that matched, so a client sees when rows were left out and can page for the rest.
 */
export function listPage<Row, Item>(
  list: ListDefinition<Row>,
  rows: readonly Row[],
  filters: Readonly<Record<string, FilterValue | undefined>>,
  paging: ListRequest,
  toItem: (row: Row) => Item,
): PageV2<Item> {
  const found = rows.filter(filterOf(list, filters)).sort(orderOf(list.defaultOrder));
  if (paging.sort) {
    const column = list.columns[paging.sort.field]!;
    const descending = paging.sort.ascending === (column.sortable === 'inverted');
    found.sort(orderOf([{ by: column.sortBy ?? column.read, descending }]));
  }
  if (paging.paged) return pageOf(found, paging, toItem);
  const page = pageOf(found, { pageNo: 0, pageSize: MAX_PAGE_SIZE }, toItem);
  return { ...page, pageSize: page.data.length };
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

/** Where a page lies in the index: `take` items after `skip`, reading ascending or descending, reversed if `reverse`. */
export interface IndexWindow {
  ascending: boolean;
  skip: number;
  take: number;
  reverse: boolean;
}

/** The rows of a list kept in an index (ListDefinition.indexed), as its adapter reads them. */
export interface IndexedList<T> {
  /** How many rows the index holds (a counter, not a read of the rows). */
  count(): Promise<number>;
  /** The rows of one window of the index, in the window's reading order. */
  window(window: IndexWindow): Promise<T[]>;
  /** Every row, read to the end: for a page that filters or orders otherwise. */
  all(): Promise<T[]>;
}

/** Whether any filter the list has was given a value that filters (listPage's test). */
function anyFilter<Row>(list: ListDefinition<Row>, filters: Readonly<Record<string, FilterValue | undefined>>): boolean {
  return Object.entries(list.columns).some(([name, { filter }]) => {
    const wanted = filters[name];
    return filter !== undefined && wanted !== undefined && !(wanted === '' && list.emptyFilterIsAbsent);
  });
}

/**
 * The page as a window of the list's index, when it can be one: no filter, and no order but the index's. `total`
 * is the number of rows (a counter). A page in the second half is read from the other end, so the last page of a
 * million rows costs what the first does; `undefined`: the page needs every row (filters or another order).
 */
export function indexWindow<Row>(
  list: ListDefinition<Row>,
  filters: Readonly<Record<string, FilterValue | undefined>>,
  paging: ListRequest,
  total: number,
): IndexWindow | undefined {
  const indexed = list.indexed;
  if (!indexed || anyFilter(list, filters)) return undefined;
  if (paging.sort && paging.sort.field !== indexed.column) return undefined;
  const ascending = paging.sort ? paging.sort.ascending === (list.columns[indexed.column]?.sortable !== 'inverted') : indexed.defaultAscending;
  const { pageNo, pageSize } = paging.paged ? paging : { pageNo: 0, pageSize: MAX_PAGE_SIZE };
  const start = pageNo * pageSize;
  const take = Math.max(0, Math.min(pageSize, total - start));
  const fromOtherEnd = total - start - take;
  return fromOtherEnd < start ? { ascending: !ascending, skip: fromOtherEnd, take, reverse: true } : { ascending, skip: start, take, reverse: false };
}

/** The page listPage would give, from the rows of its index window and the total. */
export function windowPage<Row, Item>(rows: readonly Row[], window: IndexWindow, paging: ListRequest, total: number, toItem: (row: Row) => Item): PageV2<Item> {
  const ordered = window.reverse ? [...rows].reverse() : rows;
  if (ordered.length === 0) return { pageNo: 0, pageSize: 0, totalResults: 0, data: [] };
  if (!paging.paged) return { pageNo: 0, pageSize: ordered.length, totalResults: total, data: ordered.map(toItem) };
  return { pageNo: paging.pageNo, pageSize: paging.pageSize, totalResults: total, data: ordered.map(toItem) };
}
