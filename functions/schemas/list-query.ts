import * as z from 'zod/mini';

/** A query parameter as it arrives: a string, bound later by the operation in MOSIP's order (Spring ignores unknown ones). */
export const queryValue = z.optional(z.string());

/** The sorting and paging parameters of the revamp lists (bound and checked by search/list-definition.ts). */
export const sortAndPageQuery = { sortFieldName: queryValue, sortType: queryValue, pageNo: queryValue, pageSize: queryValue };
