import * as z from 'zod/mini';

const optionalString = z.optional(z.nullable(z.string({ error: 'must be a string' })));

const JAVA_INT_MIN = -(2 ** 31);
const JAVA_INT_MAX = 2 ** 31 - 1;

/**
 * A Java `int` as Jackson binds it: a JSON number (a fraction truncated) or a numeric string ("10"; blank is 0),
 * null is 0; absent keeps the DTO's default.
 */
function javaInt(fallback: number) {
  return z._default(
    z.pipe(
      z.union([z.number(), z.string(), z.null()], { error: 'must be an integer' }),
      z.transform((input: number | string | null, context) => {
        const text = typeof input === 'string' ? input.trim() : input;
        const value = text === null || text === '' ? 0 : typeof text === 'number' ? Math.trunc(text) : /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
        if (Number.isInteger(value) && value >= JAVA_INT_MIN && value <= JAVA_INT_MAX) return value;
        context.issues.push({ code: 'custom', message: 'must be an integer', input });
        return z.NEVER;
      }),
    ),
    fallback,
  );
}

/** One filter of MOSIP's SearchFilter: columnName, type and value(s); rules are checked by the search itself. */
export const searchFilter = z.object({
  columnName: optionalString,
  type: optionalString,
  value: optionalString,
  values: z.optional(z.nullable(z.array(z.string({ error: 'must be a string' })))),
  fromValue: optionalString,
  toValue: optionalString,
});

/**
 * SearchDto. MOSIP needs all three members (null crashes it with PMS_COR_003); we say so with a validation error.
 */
export const searchRequest = z.object({
  filters: z.array(searchFilter, { error: 'must not be null' }),
  sort: z.array(z.object({ sortField: optionalString, sortType: optionalString }), { error: 'must not be null' }),
  pagination: z.object({ pageStart: javaInt(0), pageFetch: javaInt(10) }, { error: 'must not be null' }),
});

/** FilterValueDto: `type` defaults to "unique" when omitted; an explicit null is refused, as in MOSIP. */
export const filterValueRequest = z.object({
  filters: z.array(
    z.object({
      columnName: z.string({ error: 'must not be blank' }).check(z.refine((v) => v.trim().length > 0, { error: 'must not be blank' })),
      type: z._default(z.string({ error: (issue) => (issue.input === null ? 'must not be null' : 'must be a string') }), 'unique'),
      text: optionalString,
    }),
    { error: 'must not be null' },
  ),
  optionalFilters: z.optional(z.nullable(z.array(searchFilter))),
});

export type SearchRequest = z.output<typeof searchRequest>;
export type SearchFilter = z.output<typeof searchFilter>;
export type FilterValueRequest = z.output<typeof filterValueRequest>;
