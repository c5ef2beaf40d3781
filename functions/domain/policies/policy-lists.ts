import { PmsError, RequestValidationError, withArguments } from '../../errors/pms-error.js';
import { POLICY_PAGING_ERRORS } from '../../errors/paging-errors.js';
import type { ListPoliciesQuery } from '../../schemas/policy-lists.js';
import { policySummary, type PolicySummary, type PolicyWithGroup } from './list-views.js';

export type { PolicyWithGroup, PolicySummary, SearchAuthPolicy } from './list-views.js';
export { searchPolicies, policyFilterValues } from './policy-search.js';

/** MOSIP's `@RequestParam` defaults of `GET /policies/v2`. */
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

type SortKey = (row: PolicyWithGroup) => string;

/** PolicyUtil.aliasToColumnMap: the only accepted `sortFieldName`s (case-sensitive). `policyType` is not one. */
const SORT_KEYS: Record<string, SortKey> = {
  policyId: ({ policy }) => policy.id,
  policyName: ({ policy }) => policy.name,
  policyDescription: ({ policy }) => policy.desc,
  policyGroupId: ({ policy }) => policy.policyGroupId,
  policyGroupName: ({ groupName }) => groupName,
  // MOSIP orders by the derived status text: activated < deactivated < draft.
  status: ({ policy }) => policy.status,
  createdDateTime: ({ policy }) => policy.crDtimes,
};

/** The text filters, each matched as `lower(column) LIKE %lower(value)%`. */
const TEXT_FILTERS = {
  policyId: ({ policy }) => policy.id,
  policyType: ({ policy }) => policy.policyType,
  policyName: ({ policy }) => policy.name,
  policyDescription: ({ policy }) => policy.desc,
  policyGroupName: ({ groupName }) => groupName,
} satisfies Record<string, SortKey> & Partial<Record<keyof ListPoliciesQuery, SortKey>>;

/**
 * `GET /policies/v2` over every policy (read by the caller) joined with its group's name.
 *
 * As MOSIP (release-1.3.x PolicyManagementService#getAllPolicies, PolicyUtil, PolicySummaryRepository):
 * - a pageNo/pageSize that is no Java int fails binding before anything else (HTTP 400);
 * - then sortFieldName (PMS_PRT_357), sortType (PMS_PRT_358), pageNo < 0 (PMS_PRT_360), pageSize <= 0
 *   (PMS_PRT_361) are checked in that order; there are no "must come together" rules in this service;
 * - sorting happens only when both sortFieldName and sortType are given; either alone is checked, then ignored;
 * - text filters are case-insensitive SQL LIKE '%value%' (so `%` and `_` are wildcards), `policyType` included;
 *   `status` is compared exactly and case-sensitively, so an unknown status matches nothing;
 * - a page with no rows, past the end included, is `{pageNo:0, pageSize:0, totalResults:0, data:[]}`.
 * MOSIP leaves the order of unsorted rows (and of ties) to PostgreSQL; we use creation time, then id.
 * Strings compare by UTF-16 code units, where PostgreSQL would use the database collation.
 */
export function listPoliciesV2(rows: readonly PolicyWithGroup[], query: ListPoliciesQuery): PageV2<PolicySummary> {
  const pageNo = springInt('pageNo', query.pageNo, DEFAULT_PAGE_NO);
  const pageSize = springInt('pageSize', query.pageSize, DEFAULT_PAGE_SIZE);
  const { sortFieldName, sortType } = query;
  if (sortFieldName !== undefined && !Object.hasOwn(SORT_KEYS, sortFieldName)) {
    throw new PmsError(withArguments(POLICY_PAGING_ERRORS.INVALID_SORT_FIELD, sortFieldName));
  }
  const direction = sortType?.toLowerCase();
  if (sortType !== undefined && direction !== 'asc' && direction !== 'desc') {
    throw new PmsError(withArguments(POLICY_PAGING_ERRORS.INVALID_SORT_TYPE, sortType));
  }
  if (pageNo < 0) throw new PmsError(POLICY_PAGING_ERRORS.INVALID_PAGE_NO);
  if (pageSize <= 0 || pageSize > MAX_PAGE_SIZE) throw new PmsError(POLICY_PAGING_ERRORS.INVALID_PAGE_SIZE);

  const found = rows.filter(filterOf(query)).sort(byDefaultOrder);
  if (sortFieldName !== undefined && sortType !== undefined) {
    const key = SORT_KEYS[sortFieldName]!;
    const sign = direction === 'asc' ? 1 : -1;
    found.sort((a, b) => sign * compareText(key(a), key(b)));
  }
  const start = pageNo * pageSize;
  const page = found.slice(start, start + pageSize);
  if (page.length === 0) return { pageNo: 0, pageSize: 0, totalResults: 0, data: [] };
  return { pageNo, pageSize, totalResults: found.length, data: page.map(policySummary) };
}

function filterOf(query: ListPoliciesQuery): (row: PolicyWithGroup) => boolean {
  const tests: ((row: PolicyWithGroup) => boolean)[] = [];
  for (const [name, column] of Object.entries(TEXT_FILTERS) as [keyof typeof TEXT_FILTERS, SortKey][]) {
    const value = query[name];
    if (value === undefined) continue;
    const pattern = likePattern(`%${value.toLowerCase()}%`);
    tests.push((row) => matchesLike(column(row).toLowerCase(), pattern));
  }
  const { status } = query;
  if (status !== undefined) tests.push(({ policy }) => policy.status === status);
  return (row) => tests.every((test) => test(row));
}

function byDefaultOrder(a: PolicyWithGroup, b: PolicyWithGroup): number {
  return compareText(a.policy.crDtimes, b.policy.crDtimes) || compareText(a.policy.id, b.policy.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------
// Spring's binding of an `int` request parameter (StringToNumberConverterFactory + NumberUtils.parseNumber).

/** Characters Java's Character.isWhitespace accepts; Spring strips them from anywhere in the value. */
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

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL LIKE. MOSIP binds the lowercased value into `LIKE %:value%` without escaping it.

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
