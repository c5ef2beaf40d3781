import * as z from 'zod/mini';

const optionalString = z.optional(z.nullable(z.string({ error: 'must be a string' })));
const integer = (fallback: number) => z._default(z.int({ error: 'must be an integer' }), fallback);

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
  pagination: z.object({ pageStart: integer(0), pageFetch: integer(10) }, { error: 'must not be null' }),
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
