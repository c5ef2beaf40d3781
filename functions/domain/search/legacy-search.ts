import { PmsError, withArguments } from '../../errors/pms-error.js';
import { SEARCH_ERRORS } from '../../errors/search-errors.js';
import type { SearchRequest } from '../../schemas/legacy-search.js';
import { type Column, type Columns, type ColumnValue, columnNamed, epochMillis } from './columns.js';
import { compileFilters } from './filters.js';

/** MOSIP PageResponseDto. */
export interface LegacyPage<T> {
  fromRecord: number;
  toRecord: number;
  totalRecord: number;
  data: T[] | null;
}

export const EMPTY_PAGE: LegacyPage<never> = Object.freeze({ fromRecord: 0, toRecord: 0, totalRecord: 0, data: null });

/** A legacy page with its rows in the response's shape. */
export function mapPage<Row, View>(page: LegacyPage<Row>, view: (row: Row) => View): LegacyPage<View> {
  return { ...page, data: page.data === null ? null : page.data.map(view) };
}

/**
 * MOSIP's legacy search (SearchHelper#search, then PageUtils#sortPage) over rows already read by a Query, in
 * MOSIP's order of checks: filters, sort, paging, then the search itself. `narrow` is what a service does in
 * memory between the entity query and the re-sort (filters on joined names). Only when rows are left does the
 * re-sort look each sort field up on the response DTO (PMS-MSD-357). Pages are 0-based; an empty one is MOSIP's
 * all-zero page with `data: null`.
 */
export function legacySearch<Row>(
  rows: readonly Row[],
  columns: Columns<Row>,
  request: SearchRequest,
  narrow: (found: Row[]) => Row[] = (found) => found,
): LegacyPage<Row> {
  const matches = compileFilters(columns, request.filters);
  const sortKeys = compileSort(columns, request.sort);
  const { pageStart, pageFetch } = request.pagination;
  if (pageStart < 0 || pageFetch < 1) throw new PmsError(withArguments(SEARCH_ERRORS.INVALID_PAGINATION_VALUE, pageStart, pageFetch));

  const found = narrow(rows.filter(matches));
  if (found.length === 0) return EMPTY_PAGE;
  const unsortable = sortKeys.find((key) => !key.column.sortable);
  if (unsortable) throw new PmsError(withArguments(SEARCH_ERRORS.INVALID_SORT_FIELD, unsortable.field));
  const sorted = found.sort(comparing(sortKeys));
  const start = pageStart * pageFetch;
  const page = sorted.slice(start, start + pageFetch);
  if (page.length === 0) return EMPTY_PAGE;
  return { fromRecord: start + 1, toRecord: start + page.length, totalRecord: sorted.length, data: page };
}

interface SortKey<Row> {
  field: string;
  column: Column<Row>;
  sign: 1 | -1;
}

/** SearchHelper#sortQuery: field and type present (PMS-MSD-314), field an entity attribute by exact name (357), type asc or desc (358). */
function compileSort<Row>(columns: Columns<Row>, sort: SearchRequest['sort']): SortKey<Row>[] {
  return sort.map(({ sortField, sortType }) => {
    if (!sortField || !sortType) throw new PmsError(SEARCH_ERRORS.INVALID_SORT_INPUT);
    const column = columnNamed(columns, sortField);
    if (!column) throw new PmsError(withArguments(SEARCH_ERRORS.INVALID_SORT_FIELD, sortField));
    const direction = sortType.toLowerCase();
    if (direction !== 'asc' && direction !== 'desc') throw new PmsError(withArguments(SEARCH_ERRORS.INVALID_SORT_TYPE, sortType));
    return { field: sortField, column, sign: direction === 'asc' ? 1 : -1 };
  });
}

/** MOSIP's FieldComparator chain: stable, key by key. */
function comparing<Row>(keys: readonly SortKey<Row>[]): (a: Row, b: Row) => number {
  return (a, b) => {
    for (const { column, sign } of keys) {
      const order = compareValues(column, column.value(a), column.value(b));
      if (order !== 0) return order * sign;
    }
    return 0;
  };
}

/**
 * Code-unit order for text (Java's String#compareTo), false before true, date-times by instant. Nulls sort first
 * ascending, as MOSIP does for LocalDateTime fields (on other types its comparator fails).
 */
function compareValues<Row>(column: Column<Row>, a: ColumnValue, b: ColumnValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const [x, y] = column.kind === 'datetime' ? [epochMillis(String(a)), epochMillis(String(b))] : [a, b];
  return x < y ? -1 : x > y ? 1 : 0;
}
