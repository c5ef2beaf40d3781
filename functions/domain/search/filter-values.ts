import { type ErrorDefinition, PmsError, withArguments } from '../../errors/pms-error.js';
import { SEARCH_ERRORS } from '../../errors/search-errors.js';
import type { FilterValueRequest } from '../../schemas/legacy-search.js';
import { type Columns, columnOf } from './columns.js';
import { compileFilters } from './filters.js';

/** MOSIP's cap on values returned per filter (`mosip.pms.filtervalue.max_columns`). */
export const MAX_FILTER_VALUES = 500;

export interface FilterValue {
  fieldID: string;
  fieldValue: string;
  fieldCode: string;
}

/**
 * Values of the requested columns, for filter drop-downs (MOSIP FilterHelper). `unique` gives each value once
 * (MOSIP's de-duplicates over (code, value) pairs, which de-duplicates nothing); boolean columns always offer
 * true and false; `fieldCode` is the row's code column (for policy groups, the name).
 */
export function filterValues<Row>(
  rows: readonly Row[],
  columns: Columns<Row>,
  codeOf: (row: Row) => string,
  request: FilterValueRequest,
): { filters: FilterValue[] } {
  validate(columns, request);
  const matchesOptional = compileFilters(columns, request.optionalFilters ?? []);
  const candidates = rows.filter(matchesOptional);
  const filters = request.filters.flatMap(({ columnName, type, text }) => {
    const column = columnOf(columns, columnName)!;
    if (column.kind === 'boolean') {
      return ['true', 'false'].map((fieldValue) => ({ fieldID: columnName, fieldValue, fieldCode: '' }));
    }
    if (column.kind === 'datetime') throw new PmsError(SEARCH_ERRORS.FILTER_COLUMN_NOT_SUPPORTED);
    const needle = (text ?? '').toLowerCase();
    const found = candidates
      .map((row) => ({ value: column.value(row), code: codeOf(row) }))
      .filter((entry): entry is { value: string; code: string } => typeof entry.value === 'string' && entry.value.toLowerCase().includes(needle))
      .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    const unique = type.toLowerCase() === 'unique';
    const seen = new Set<string>();
    const values: FilterValue[] = [];
    for (const entry of found) {
      if (values.length === MAX_FILTER_VALUES) break;
      if (unique && seen.has(entry.value)) continue;
      seen.add(entry.value);
      values.push({ fieldID: columnName, fieldValue: entry.value, fieldCode: entry.code });
    }
    return values;
  });
  return { filters };
}

/** MOSIP FilterColumnValidator: collects every problem, then refuses them together. */
function validate<Row>(columns: Columns<Row>, request: FilterValueRequest): void {
  const errors: ErrorDefinition[] = [];
  for (const { columnName, type } of request.filters) {
    if (!type.trim()) errors.push(SEARCH_ERRORS.NO_FILTER_COLUMN_FOUND);
    if (!columnOf(columns, columnName)) errors.push(withArguments(SEARCH_ERRORS.COLUMN_DOESNT_EXIST, columnName));
    if (type.trim() && !/^(unique|all)$/i.test(type)) errors.push(SEARCH_ERRORS.FILTER_COLUMN_NOT_SUPPORTED);
  }
  if (errors.length > 0) throw PmsError.several(errors);
}
