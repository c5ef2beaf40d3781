import * as z from 'zod/mini';

/** MOSIP SearchDto (legacy search endpoints). Refined once the MOSIP source has been read. */
export const searchRequest = z.object({
  filters: z.optional(z.nullable(z.array(z.object({
    columnName: z.optional(z.nullable(z.string())),
    type: z.optional(z.nullable(z.string())),
    value: z.optional(z.nullable(z.string())),
    values: z.optional(z.nullable(z.array(z.string()))),
    fromValue: z.optional(z.nullable(z.string())),
    toValue: z.optional(z.nullable(z.string())),
  })))),
  sort: z.optional(z.nullable(z.array(z.object({ sortField: z.optional(z.nullable(z.string())), sortType: z.optional(z.nullable(z.string())) })))),
  pagination: z.optional(z.nullable(z.object({ pageStart: z.optional(z.number()), pageFetch: z.optional(z.number()) }))),
});

/** MOSIP FilterValueDto. */
export const filterValueRequest = z.object({
  filters: z.array(z.object({ columnName: z.string(), type: z.optional(z.nullable(z.string())), text: z.optional(z.nullable(z.string())) })),
  optionalFilters: z.optional(z.nullable(z.array(z.unknown()))),
});
