import { PmsError, withArguments } from '../../errors/pms-error.js';
import { SEARCH_ERRORS } from '../../errors/search-errors.js';
import type { SearchRequest } from '../../schemas/legacy-search.js';
import { type Columns, type ColumnValue, columnOf } from './columns.js';
import { compileFilters } from './filters.js';

/** MOSIP PageResponseDto. */
export interface LegacyPage<T> {
  fromRecord: number;
  toRecord: number;
  totalRecord: number;
  data: T[] | null;
}

/**
 * MOSIP's legacy search over rows already read by a Query: filter, sort (stable, several keys), then slice
 * page `pageStart` (0-based) of `pageFetch` rows. An empty page is MOSIP's all-zero page with `data: null`.
 */
export function legacySearch<Row>(rows: readonly Row[], columns: Columns<Row>, request: SearchRequest): LegacyPage<Row> {
  const matches = compileFilters(columns, request.filters);
  const compare = compileSort(columns, request.sort);
  const { pageStart, pageFetch } = request.pagination;
  if (pageStart < 0 || pageFetch < 1) throw new PmsError(withArguments(SEARCH_ERRORS.INVALID_PAGINATION_VALUE, pageStart, pageFetch));

  const found = rows.filter(matches).sort(compare);
  const start = pageStart * pageFetch;
  const page = found.slice(start, start + pageFetch);
  if (page.length === 0) return { fromRecord: 0, toRecord: 0, totalRecord: 0, data: null };
  return { fromRecord: start + 1, toRecord: start + page.length, totalRecord: found.length, data: page };
}

function compileSort<Row>(columns: Columns<Row>, sort: SearchRequest['sort']): (a: Row, b: Row) => number {
  const keys = sort.map(({ sortField, sortType }) => {
    if (!sortField?.trim() || !sortType?.trim()) throw new PmsError(SEARCH_ERRORS.INVALID_SORT_INPUT);
    const column = columnOf(columns, sortField);
    if (!column) throw new PmsError(withArguments(SEARCH_ERRORS.INVALID_SORT_FIELD, sortField));
    const direction = sortType.toLowerCase();
    if (direction !== 'asc' && direction !== 'desc') throw new PmsError(withArguments(SEARCH_ERRORS.INVALID_SORT_TYPE, sortType));
    return { value: column.value, sign: direction === 'asc' ? 1 : -1 };
  });
  return (a, b) => {
    for (const key of keys) {
      const order = compareValues(key.value(a), key.value(b));
      if (order !== 0) return order * key.sign;
    }
    return 0;
  };
}

/** Code-unit order, as Java's String.compareTo; nulls sort first ascending (MOSIP crashes on them instead). */
function compareValues(a: ColumnValue, b: ColumnValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
