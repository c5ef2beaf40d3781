import * as z from 'zod/mini';
import { queryValue, sortAndPageQuery } from './list-query.js';

/**
 * Query string of `GET /admin-partners`. Every value stays a string, as it arrives: pageNo, pageSize and
 * isActive are bound by the list itself, in MOSIP's order, so that a negative page gets MOSIP's business code
 * (PMS_PRT_360/361) rather than a schema error. Unknown parameters are dropped, as Spring ignores them.
 */
export const adminPartnersQuery = z.object({
  ...sortAndPageQuery,
  partnerId: queryValue,
  partnerType: queryValue,
  isActive: queryValue,
  orgName: queryValue,
  emailAddress: queryValue,
  certificateUploadStatus: queryValue,
  policyGroupName: queryValue,
});

export type AdminPartnersQuery = z.output<typeof adminPartnersQuery>;

const EMPTY = 'value is empty or null';

/** StatusRequestDto (`@NotBlank(message="value is empty or null") status`); the value is checked by the operation. */
export const partnerStatusRequest = z.object({
  status: z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? EMPTY : 'must be a string') })
    .check(z.refine((value) => value.trim().length > 0, { error: EMPTY })),
});

/** `GET /partners` and `GET /partners/v2`: an optional partner type (Spring ignores other parameters). */
export const partnersOfTypeQuery = z.object({ partnerType: queryValue });
