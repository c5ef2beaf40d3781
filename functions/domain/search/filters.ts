import { PmsError, withArguments } from '../../errors/pms-error.js';
import { SEARCH_ERRORS } from '../../errors/search-errors.js';
import type { SearchFilter } from '../../schemas/legacy-search.js';
import { type Column, type Columns, columnOf } from './columns.js';

export type RowPredicate<Row> = (row: Row) => boolean;

const blank = (value: string | null | undefined): value is null | undefined | '' => !value || value.trim() === '';

/**
 * Validates MOSIP SearchFilters against an entity's columns and turns them into one predicate (all must hold).
 * Order of checks follows MOSIP SearchHelper: every column first, then each filter's own rules. Unlike MOSIP,
 * an unknown filter type is refused instead of silently ignored.
 */
export function compileFilters<Row>(columns: Columns<Row>, filters: readonly SearchFilter[]): RowPredicate<Row> {
  for (const filter of filters) {
    if (blank(filter.columnName)) throw new PmsError(SEARCH_ERRORS.MISSING_FILTER_COLUMN);
    if (!columnOf(columns, filter.columnName)) throw new PmsError(withArguments(SEARCH_ERRORS.INVALID_COLUMN, filter.columnName));
  }
  const predicates = filters.map((filter) => compileFilter(columnOf(columns, filter.columnName!)!, filter));
  return (row) => predicates.every((predicate) => predicate(row));
}

function compileFilter<Row>(column: Column<Row>, filter: SearchFilter): RowPredicate<Row> {
  const columnName = filter.columnName!;
  if (blank(filter.type)) throw new PmsError(SEARCH_ERRORS.FILTER_TYPE_NOT_AVAILABLE);
  const values = filter.values ?? [];
  if (!blank(filter.value) && values.length > 0) throw new PmsError(SEARCH_ERRORS.INVALID_VALUE_VALUES);
  const type = filter.type.toLowerCase();
  const unsupported = () => new PmsError(withArguments(SEARCH_ERRORS.FILTER_NOT_SUPPORTED, columnName, filter.type!));

  switch (type) {
    case 'in':
      if (values.length === 0) throw new PmsError(SEARCH_ERRORS.INVALID_VALUES);
      return (row) => values.includes(String(column.value(row)));
    case 'between': {
      if (blank(filter.fromValue) || blank(filter.toValue)) throw new PmsError(SEARCH_ERRORS.INVALID_BETWEEN_VALUES);
      if (column.kind === 'boolean') throw unsupported();
      const from = filter.fromValue;
      const to = filter.toValue;
      return (row) => {
        const value = column.value(row);
        return typeof value === 'string' && value >= from && value <= to;
      };
    }
    case 'equals':
    case 'contains':
    case 'startswith': {
      if (blank(filter.value)) throw new PmsError(SEARCH_ERRORS.INVALID_VALUE);
      const value = filter.value;
      if (column.kind === 'boolean') {
        if (type !== 'equals') throw unsupported();
        if (!/^(true|false)$/i.test(value)) throw new PmsError(SEARCH_ERRORS.INVALID_VALUE);
        const wanted = value.toLowerCase() === 'true';
        return (row) => column.value(row) === wanted;
      }
      if (column.kind === 'datetime') {
        if (type !== 'equals') throw unsupported();
        return (row) => column.value(row) === value;
      }
      return textPredicate(column, type, value);
    }
    default:
      throw unsupported();
  }
}

/** MOSIP's case-insensitive LIKE: `*x*` and `x` contain, `*x` ends with, `x*` starts with (startsWith only). */
function textPredicate<Row>(column: Column<Row>, type: 'equals' | 'contains' | 'startswith', value: string): RowPredicate<Row> {
  const text = (row: Row) => {
    const v = column.value(row);
    return typeof v === 'string' ? v.toLowerCase() : undefined;
  };
  const wanted = value.toLowerCase();
  if (type === 'equals') return (row) => text(row) === wanted;
  if (type === 'startswith') {
    const prefix = wanted.endsWith('*') ? wanted.slice(0, -1) : wanted;
    return (row) => text(row)?.startsWith(prefix) ?? false;
  }
  if (wanted.startsWith('*') && !wanted.endsWith('*')) {
    const suffix = wanted.slice(1);
    return (row) => text(row)?.endsWith(suffix) ?? false;
  }
  const inner = wanted.replace(/^\*/, '').replace(/\*$/, '');
  return (row) => text(row)?.includes(inner) ?? false;
}
