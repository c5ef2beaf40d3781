import { PmsError, withArguments } from '../../errors/pms-error.js';
import { REQUEST_ERRORS } from '../../errors/request-errors.js';
import { SEARCH_ERRORS } from '../../errors/search-errors.js';
import type { SearchFilter } from '../../schemas/legacy-search.js';
import { type Column, type Columns, columnNamed, declaresColumn, epochMillis } from './columns.js';

export type RowPredicate<Row> = (row: Row) => boolean;

/**
 * Where MOSIP's search code fails with an unhandled exception (a NullPointerException, JPA refusing a column name,
 * an unparsable date), it answers PMS_COR_003 "Could not process the request".
 */
export function unprocessableRequest(): PmsError {
  return new PmsError(REQUEST_ERRORS.INTERNAL_SERVER_ERROR);
}

/**
 * The services that take joined columns out of the filters before searching read every filter's column name
 * first, so a filter without one fails unhandled there.
 */
export function refuseUnnamedFilters(filters: readonly SearchFilter[]): void {
  if (filters.some((filter) => filter.columnName === null || filter.columnName === undefined)) throw unprocessableRequest();
}

/** The first filter on `column` (names compared ignoring case), and the filters left once every one on it is taken out. */
export function takeFilter(filters: readonly SearchFilter[], column: string): [SearchFilter | undefined, SearchFilter[]] {
  const on = (filter: SearchFilter) => filter.columnName?.toLowerCase() === column.toLowerCase();
  return [filters.find(on), filters.filter((filter) => !on(filter))];
}

/** Java's String#trim().isEmpty(), null included. */
const blank = (value: string | null | undefined): value is null | undefined | '' => value === null || value === undefined || value.trim() === '';
const empty = (value: string | null | undefined) => value === null || value === undefined || value === '';

/**
 * MOSIP SearchHelper#filterQuery: every filter's column must be present (PMS-MSD-311) and declared by the entity,
 * names compared ignoring case (PMS-MSD-310); then filter by filter, each is validated and built. A filter of a
 * type MOSIP does not know passes validation (it still needs a value) and filters nothing.
 */
export function compileFilters<Row>(columns: Columns<Row>, filters: readonly SearchFilter[]): RowPredicate<Row> {
  for (const { columnName } of filters) {
    if (columnName === null || columnName === undefined) throw new PmsError(SEARCH_ERRORS.MISSING_FILTER_COLUMN);
    if (!declaresColumn(columns, columnName)) throw new PmsError(withArguments(SEARCH_ERRORS.INVALID_COLUMN, columnName));
  }
  const predicates = filters.flatMap((filter) => {
    validateFilter(filter);
    const predicate = buildFilter(columns, filter);
    return predicate ? [predicate] : [];
  });
  return allOf(predicates);
}

export function allOf<Row>(predicates: readonly RowPredicate<Row>[]): RowPredicate<Row> {
  return (row) => predicates.every((predicate) => predicate(row));
}

/** SearchHelper#validateFilters: the values each type needs. */
function validateFilter(filter: SearchFilter): void {
  if (blank(filter.columnName)) throw new PmsError(SEARCH_ERRORS.MISSING_FILTER_COLUMN);
  if (blank(filter.type)) throw new PmsError(SEARCH_ERRORS.FILTER_TYPE_NOT_AVAILABLE);
  refuseValueAndValues(filter);
  const type = filter.type.toLowerCase();
  if (type === 'equals' && filter.columnName.toLowerCase() === 'isactive') {
    if (blank(filter.value) || !/^(true|false)$/i.test(filter.value)) throw new PmsError(SEARCH_ERRORS.INVALID_VALUE);
  } else if (type === 'in') {
    if (!filter.values?.length) throw new PmsError(SEARCH_ERRORS.INVALID_VALUES);
  } else if (type !== 'between') {
    if (blank(filter.value)) throw new PmsError(SEARCH_ERRORS.INVALID_VALUE);
  } else if (blank(filter.fromValue) || blank(filter.toValue)) {
    throw new PmsError(SEARCH_ERRORS.INVALID_BETWEEN_VALUES);
  }
}

function refuseValueAndValues(filter: SearchFilter): void {
  if (!empty(filter.value) && filter.values?.length) throw new PmsError(SEARCH_ERRORS.INVALID_VALUE_VALUES);
}

/**
 * SearchHelper#buildFilters, also used unvalidated for the optional filters of filter-value requests. Columns
 * resolve by exact name here: a name that passed the case-insensitive check in another case is an invalid column
 * where MOSIP catches JPA's refusal (contains, startsWith, between) and unprocessable where it does not. Only text
 * columns take contains and startsWith (Hibernate refuses `lower()` of anything else, which MOSIP reports as an
 * invalid column). A boolean between filters nothing, as in MOSIP.
 */
export function buildFilter<Row>(columns: Columns<Row>, filter: SearchFilter): RowPredicate<Row> | undefined {
  refuseValueAndValues(filter);
  const { columnName, value } = filter;
  const exactColumn = () => columnNamed(columns, columnName) ?? throwError(unprocessableRequest());
  const invalidColumn = () => new PmsError(withArguments(SEARCH_ERRORS.INVALID_COLUMN, String(columnName)));
  const textColumn = () => {
    const column = columnNamed(columns, columnName);
    if (column?.kind !== 'string') throw invalidColumn();
    return column;
  };
  switch (filter.type?.toLowerCase()) {
    case 'contains': {
      const column = textColumn();
      if (value === null || value === undefined || value === '*') throw unprocessableRequest();
      if (value.startsWith('*') && value.endsWith('*')) return like(column, `%${value.slice(1, -1)}%`);
      if (value.startsWith('*')) return like(column, `%${value.slice(1)}`);
      return like(column, `%${value}%`);
    }
    case 'startswith': {
      if (value === null || value === undefined) throw unprocessableRequest();
      return like(textColumn(), `${value.endsWith('*') ? value.slice(0, -1) : value}%`);
    }
    case 'equals':
      return equalsPredicate(exactColumn(), value);
    case 'in': {
      const column = exactColumn();
      const values = filter.values ?? throwError(unprocessableRequest());
      return (row) => {
        const cell = column.value(row);
        return cell !== null && values.includes(String(cell));
      };
    }
    case 'between': {
      const column = columnNamed(columns, columnName) ?? throwError(invalidColumn());
      return betweenPredicate(column, filter.fromValue, filter.toValue);
    }
    default:
      return undefined;
  }
}

function equalsPredicate<Row>(column: Column<Row>, value: string | null | undefined): RowPredicate<Row> {
  if (column.kind === 'boolean') {
    // Boolean.valueOf: anything but "true" (any case) is false.
    const wanted = value?.toLowerCase() === 'true';
    return (row) => column.value(row) === wanted;
  }
  if (value === null || value === undefined) throw unprocessableRequest();
  if (column.kind === 'datetime') {
    // MOSIP matches the millisecond it parsed: between start and start + 1 ms.
    const start = mosipDateTime(value);
    return (row) => {
      const cell = column.value(row);
      if (typeof cell !== 'string') return false;
      const at = epochMillis(cell);
      return at >= start && at <= start + 1;
    };
  }
  const wanted = value.toLowerCase();
  return (row) => {
    const cell = column.value(row);
    return typeof cell === 'string' && cell.toLowerCase() === wanted;
  };
}

function betweenPredicate<Row>(column: Column<Row>, from: string | null | undefined, to: string | null | undefined): RowPredicate<Row> | undefined {
  if (column.kind === 'boolean') return undefined;
  if (from === null || from === undefined || to === null || to === undefined) throw unprocessableRequest();
  if (column.kind === 'datetime') {
    const [start, end] = [mosipDateTime(from), mosipDateTime(to)];
    return (row) => {
      const cell = column.value(row);
      if (typeof cell !== 'string') return false;
      const at = epochMillis(cell);
      return at >= start && at <= end;
    };
  }
  return (row) => {
    const cell = column.value(row);
    return typeof cell === 'string' && cell >= from && cell <= to;
  };
}

/** kernel DateUtils#parseToLocalDateTime: `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`, anything else fails unhandled. */
function mosipDateTime(value: string): number {
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) throw unprocessableRequest();
  return at;
}

/** SQL `lower(column) LIKE lower(pattern)` on PostgreSQL: `%` any run, `_` any one character, `\` escapes. */
export function like<Row>(column: Column<Row>, pattern: string): RowPredicate<Row> {
  const matcher = likeMatcher(pattern);
  return (row) => {
    const cell = column.value(row);
    return typeof cell === 'string' && matcher(cell);
  };
}

export function likeMatcher(pattern: string): (text: string) => boolean {
  let source = '';
  const chars = [...pattern.toLowerCase()];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += escapeRegExp(char === '\\' && i + 1 < chars.length ? chars[++i]! : char);
  }
  const regex = new RegExp(`^${source}$`, 'su');
  return (text) => regex.test(text.toLowerCase());
}

function escapeRegExp(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

function throwError(error: Error): never {
  throw error;
}
