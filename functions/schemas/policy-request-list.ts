import * as z from 'zod/mini';
import { PARTNER_TYPES } from '../domain/partners/partner-types.js';
import { POLICY_REQUEST_STATUSES } from '../domain/policy-requests/policy-request.js';
import { queryWord } from './documented.js';
import { queryValue, sortAndPageQuery } from './list-query.js';

/**
 * Query string of `GET /partner-policy-requests` (PartnerManagementController#getAllPartnerPolicyRequests).
 * Every value stays a string: pageNo and pageSize are bound by the list itself, in MOSIP's order. Unknown
 * parameters are dropped, as Spring ignores them.
 */
export const policyRequestListQuery = z.object({
  ...sortAndPageQuery,
  partnerId: queryValue,
  partnerComment: queryValue,
  orgName: queryValue,
  status: queryWord(POLICY_REQUEST_STATUSES, 'Exactly'),
  policyId: queryValue,
  policyName: queryValue,
  policyGroupName: queryValue,
  partnerType: queryWord(Object.keys(PARTNER_TYPES)),
});

export type PolicyRequestListQuery = z.output<typeof policyRequestListQuery>;
