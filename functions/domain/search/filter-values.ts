import { type ErrorDefinition, PmsError, withArguments } from '../../errors/pms-error.js';
import { SEARCH_ERRORS } from '../../errors/search-errors.js';
import type { FilterValueRequest } from '../../schemas/legacy-search.js';
import { type Columns, columnNamed, declaresColumn } from './columns.js';
import { allOf, buildFilter, likeMatcher, unprocessableRequest } from './filters.js';

/** MOSIP's cap on values returned per filter (`mosip.pms.filtervalue.max_columns`). */
export const MAX_FILTER_VALUES = 500;

export interface FilterValue {
  fieldID: string;
  fieldValue: string | null;
  fieldCode: string;
}

/** FilterColumnValidator's refusal (a ValidationException in MOSIP), every problem of every filter at once. */
export class FilterColumnValidationError extends PmsError {
  constructor(errors: readonly ErrorDefinition[]) {
    super(errors[0]!);
    this.errors.splice(0, 1, ...errors);
  }
}

type FilterDto = FilterValueRequest['filters'][number];

/**
 * Values of the requested columns for filter drop-downs (MOSIP FilterColumnValidator, then
 * FilterHelper#filterValuesWithCode per filter), each with its row's code (`codeOf`). A text narrows to values
 * containing it (SQL LIKE, ignoring case); the optional filters narrow the rows. "unique" and "" give each
 * (code, value) pair once, "all" every row's; values come in ascending order, nulls last, at most 500. Boolean
 * columns always offer true and false; date-time columns are refused (PMS-MSD-324).
 */
export function filterValues<Row>(
  rows: readonly Row[],
  columns: Columns<Row>,
  codeOf: (row: Row) => string,
  request: FilterValueRequest,
): { filters: FilterValue[] } {
  validateFilterColumns(columns, request.filters);
  return { filters: request.filters.flatMap((filter) => valuesOf(rows, columns, codeOf, filter, request.optionalFilters ?? [])) };
}

/**
 * The policy service has no handler for FilterColumnValidator's ValidationException, so there its refusals all
 * come out as PMS_COR_003.
 */
export function policyServiceFilterValues<Row>(...args: Parameters<typeof filterValues<Row>>): { filters: FilterValue[] } {
  try {
    return filterValues(...args);
  } catch (error) {
    if (error instanceof FilterColumnValidationError) throw unprocessableRequest();
    throw error;
  }
}

/** FilterColumnValidator: a blank type (322) alone, else an unknown column (317) and a type other than all/unique (324). */
function validateFilterColumns<Row>(columns: Columns<Row>, filters: readonly FilterDto[]): void {
  const errors: ErrorDefinition[] = [];
  for (const { columnName, type } of filters) {
    if (!type.trim()) {
      errors.push(SEARCH_ERRORS.NO_FILTER_COLUMN_FOUND);
      continue;
    }
    if (!declaresColumn(columns, columnName)) errors.push(withArguments(SEARCH_ERRORS.COLUMN_DOESNT_EXIST, columnName));
    if (!['all', 'unique', ''].includes(type.toLowerCase())) errors.push(SEARCH_ERRORS.FILTER_COLUMN_NOT_SUPPORTED);
  }
  if (errors.length > 0) throw new FilterColumnValidationError(errors);
}

/**
 * FilterHelper#filterValuesWithCode, in its order: the text is required and the column resolves by exact name
 * (both fail unhandled in MOSIP), only text columns take a text, date-time columns are refused, then the optional
 * filters are built. Its type checks are case-sensitive: "ALL" or "UNIQUE" pass the validator but select every
 * row, and fail on a boolean column.
 */
function valuesOf<Row>(
  rows: readonly Row[],
  columns: Columns<Row>,
  codeOf: (row: Row) => string,
  { columnName, type, text }: FilterDto,
  optionalFilters: NonNullable<FilterValueRequest['optionalFilters']>,
): FilterValue[] {
  if (text === null || text === undefined) throw unprocessableRequest();
  const column = columnNamed(columns, columnName);
  if (!column || (text !== '' && column.kind !== 'string')) throw unprocessableRequest();
  if (column.kind === 'datetime') throw new PmsError(SEARCH_ERRORS.FILTER_COLUMN_NOT_SUPPORTED);
  const optional = allOf(optionalFilters.flatMap((filter) => buildFilter(columns, filter) ?? []));
  if (column.kind === 'boolean') {
    if (!['unique', 'all', ''].includes(type)) throw unprocessableRequest();
    return ['true', 'false'].map((fieldValue) => ({ fieldID: columnName, fieldValue, fieldCode: '' }));
  }
  const containsText = text === '' ? () => true : likeMatcher(`%${text}%`);
  const found = rows
    .filter(optional)
    .map((row) => ({ fieldCode: codeOf(row), fieldValue: column.value(row) as string | null }))
    .filter(({ fieldValue }) => (text === '' ? true : fieldValue !== null && containsText(fieldValue)))
    .sort((a, b) => compareNullsLast(a.fieldValue, b.fieldValue));
  const distinct = type === 'unique' || type === '';
  const seen = new Set<string>();
  const values: FilterValue[] = [];
  for (const { fieldCode, fieldValue } of found) {
    if (values.length === MAX_FILTER_VALUES) break;
    const pair = JSON.stringify([fieldCode, fieldValue]);
    if (distinct && seen.has(pair)) continue;
    seen.add(pair);
    values.push({ fieldID: columnName, fieldValue, fieldCode });
  }
  return values;
}

function compareNullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
