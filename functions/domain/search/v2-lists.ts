import { type ErrorDefinition, PmsError, RequestValidationError, withArguments } from '../../errors/pms-error.js';

/*
 * Conventions shared by the revamp (v2) list endpoints of both services: `pageNo`/`pageSize` paging with
 * MOSIP's defaults and our cap, `sortFieldName`/`sortType` sorting, Spring's binding of query parameters, and
 * the `LIKE %value%` text filters. A list declares its columns, filters and sorting with list-definition.ts.
 */

/** MOSIP's `@RequestParam` defaults where a list has them (`GET /policies/v2`, `GET /admin-partners`). */
export const DEFAULT_PAGE_NO = 0;
export const DEFAULT_PAGE_SIZE = 8;

/**
 * Our cap, not MOSIP's (which takes any positive int): a larger pageSize is refused with MOSIP's own
 * PMS_PRT_361 rather than clamped, so that no request builds and returns an unbounded page, and a client
 * never receives fewer rows than it asked for without being told.
 */
export const MAX_PAGE_SIZE = 100;

/** MOSIP PageResponseV2Dto. */
export interface PageV2<T> {
  pageNo: number;
  pageSize: number;
  totalResults: number;
  data: T[];
}

/** The four codes every list refuses sorting and paging with; the two services word PMS_PRT_357 differently. */
export interface PagingErrors {
  INVALID_SORT_FIELD: ErrorDefinition;
  INVALID_SORT_TYPE: ErrorDefinition;
  INVALID_PAGE_NO: ErrorDefinition;
  INVALID_PAGE_SIZE: ErrorDefinition;
}

/** The sorting and paging parameters as they arrive (strings, not yet bound). */
export interface SortAndPageQuery {
  sortFieldName?: string | undefined;
  sortType?: string | undefined;
  pageNo?: string | undefined;
  pageSize?: string | undefined;
}

export interface SortAndPage {
  pageNo: number;
  pageSize: number;
  /** Present only when both sortFieldName and sortType were given. */
  sort: { field: string; ascending: boolean } | undefined;
}

/**
 * Spring's binding of `int pageNo`/`int pageSize` with MOSIP's defaults: a value that is no Java int fails
 * before the operation runs (HTTP 400). Lists bind their other typed parameters after these, in MOSIP's
 * declaration order, before any business check.
 */
export function bindPage(query: Pick<SortAndPageQuery, 'pageNo' | 'pageSize'>, defaultPageSize = DEFAULT_PAGE_SIZE): Pick<SortAndPage, 'pageNo' | 'pageSize'> {
  return { pageNo: springInt('pageNo', query.pageNo, DEFAULT_PAGE_NO), pageSize: springInt('pageSize', query.pageSize, defaultPageSize) };
}

/**
 * The business checks of sorting and paging, in MOSIP's order:
 * - `sortPairError` (partner service only, PartnerHelper.validateRequestParameters): sortFieldName and sortType
 *   must come together; without it (policy service, PolicyUtil) either alone is checked, then ignored;
 * - sortFieldName is one of `sortFields` (case-sensitive) → INVALID_SORT_FIELD;
 * - sortType is asc/desc (case-insensitive) → INVALID_SORT_TYPE;
 * - pageNo >= 0 → INVALID_PAGE_NO; 0 < pageSize <= MAX_PAGE_SIZE → INVALID_PAGE_SIZE.
 */
export function checkSortAndPage(
  { sortFieldName, sortType }: Pick<SortAndPageQuery, 'sortFieldName' | 'sortType'>,
  { pageNo, pageSize }: Pick<SortAndPage, 'pageNo' | 'pageSize'>,
  sortFields: Readonly<Record<string, unknown>>,
  errors: PagingErrors,
  options: { sortPairError?: ErrorDefinition } = {},
): SortAndPage {
  if (options.sortPairError && (sortFieldName === undefined) !== (sortType === undefined)) {
    throw new PmsError(options.sortPairError);
  }
  if (sortFieldName !== undefined && !Object.hasOwn(sortFields, sortFieldName)) {
    throw new PmsError(withArguments(errors.INVALID_SORT_FIELD, sortFieldName));
  }
  const direction = sortType?.toLowerCase();
  if (sortType !== undefined && direction !== 'asc' && direction !== 'desc') {
    throw new PmsError(withArguments(errors.INVALID_SORT_TYPE, sortType));
  }
  if (pageNo < 0) throw new PmsError(errors.INVALID_PAGE_NO);
  if (pageSize <= 0 || pageSize > MAX_PAGE_SIZE) throw new PmsError(errors.INVALID_PAGE_SIZE);
  const sort = sortFieldName !== undefined && sortType !== undefined ? { field: sortFieldName, ascending: direction === 'asc' } : undefined;
  return { pageNo, pageSize, sort };
}

/** One page of rows already filtered and ordered; a page with no rows (past the end included) is all zeros. */
export function pageOf<Row, Item>(
  rows: readonly Row[],
  { pageNo, pageSize }: Pick<SortAndPage, 'pageNo' | 'pageSize'>,
  toItem: (row: Row) => Item,
): PageV2<Item> {
  const start = pageNo * pageSize;
  const page = rows.slice(start, start + pageSize);
  if (page.length === 0) return { pageNo: 0, pageSize: 0, totalResults: 0, data: [] };
  return { pageNo, pageSize, totalResults: rows.length, data: page.map(toItem) };
}

/** Strings compare by UTF-16 code units, where PostgreSQL would use the database collation. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** PostgreSQL's default ordering of a nullable column: NULL sorts after every value (first when descending). */
export function compareNullable<T>(a: T | null, b: T | null, compare: (a: T, b: T) => number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compare(a, b);
}

// ---------------------------------------------------------------------------------------------------------
// Spring's binding of request parameters (StringToNumberConverterFactory + NumberUtils.parseNumber,
// StringToBooleanConverter).

/** Characters Java's Character.isWhitespace accepts; Spring strips them from anywhere in the value. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+001C..U+001F are whitespace to Java, so Spring strips them.
const JAVA_WHITESPACE = /[\t\n\v\f\r\u001c-\u001f \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]/g;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/**
 * An absent or empty value takes the default; otherwise whitespace is removed anywhere, then a decimal with an
 * optional sign, or a hexadecimal `0x`/`0X`/`#` with an optional minus, must fit a Java int. Anything else is
 * a binding failure, which MOSIP answers with HTTP 400 before the operation runs.
 */
function springInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const text = raw.replace(JAVA_WHITESPACE, '');
  const hex = /^(-?)(?:0[xX]|#)([0-9a-fA-F]+)$/.exec(text);
  let value: number | undefined;
  if (hex) value = (hex[1] ? -1 : 1) * Number.parseInt(hex[2]!, 16);
  else if (/^[+-]?[0-9]+$/.test(text)) value = Number(text);
  if (value === undefined || value < INT_MIN || value > INT_MAX) {
    throw new RequestValidationError('must be an integer', name);
  }
  return value + 0; // turns -0 into 0
}

/** An optional `Integer` parameter, bound as Spring binds it (absent or empty: undefined). */
export function springOptionalInt(name: string, raw: string | undefined): number | undefined {
  return raw === undefined || raw === '' ? undefined : springInt(name, raw, 0);
}

const SPRING_TRUE = new Set(['true', 'on', 'yes', '1']);
const SPRING_FALSE = new Set(['false', 'off', 'no', '0']);

/** A `Boolean` parameter: trimmed, empty is absent, then true/on/yes/1 or false/off/no/0, case-insensitive. */
export function springBoolean(name: string, raw: string | undefined): boolean | undefined {
  const text = raw?.trim().toLowerCase();
  if (text === undefined || text === '') return undefined;
  if (SPRING_TRUE.has(text)) return true;
  if (SPRING_FALSE.has(text)) return false;
  throw new RequestValidationError('must be a boolean', name);
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL LIKE. MOSIP binds the lowercased value into `LIKE %:value%` without escaping it.

/**
 * `lower(column) LIKE %lower(value)%`: `%` and `_` in the value are wildcards, as in MOSIP. A null column
 * matches nothing.
 */
export function containsLike(value: string): (column: string | null) => boolean {
  const pattern = likePattern(`%${value.toLowerCase()}%`);
  return (column) => column !== null && matchesLike(column.toLowerCase(), pattern);
}

type LikeToken = { kind: 'any' } | { kind: 'one' } | { kind: 'char'; char: string };

/** `%` is any run, `_` any one character, and a backslash (PostgreSQL's default escape) takes the next literally. */
function likePattern(pattern: string): LikeToken[] {
  const chars = [...pattern];
  const tokens: LikeToken[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === '\\' && i + 1 < chars.length) tokens.push({ kind: 'char', char: chars[++i]! });
    else if (char === '%') {
      if (tokens.at(-1)?.kind !== 'any') tokens.push({ kind: 'any' });
    } else if (char === '_') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

/** Greedy wildcard matching with one backtrack point: O(text × pattern), whatever the pattern. */
function matchesLike(value: string, tokens: readonly LikeToken[]): boolean {
  const text = [...value];
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const token = tokens[p];
    if (token && token.kind === 'any') {
      starP = p++;
      starT = t;
    } else if (token && (token.kind === 'one' || token.char === text[t])) {
      t++;
      p++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (tokens[p]?.kind === 'any') p++;
  return p === tokens.length;
}
