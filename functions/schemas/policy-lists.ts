import * as z from 'zod/mini';
import { POLICY_STATUSES } from '../domain/policies/policy.js';
import { POLICY_TYPES } from '../domain/policies/policy-types.js';
import { allowedWords, queryWord } from './documented.js';
import { filterValueRequest, searchRequest } from './legacy-search.js';
import { queryValue, sortAndPageQuery } from './list-query.js';

/**
 * Query string of `GET /policies/v2`. Every value stays a string, as it arrives: `pageNo` and `pageSize` are
 * parsed by the list itself, so that a negative or zero value gets MOSIP's business code (PMS_PRT_360/361)
 * rather than a schema error. Unknown parameters are dropped, as Spring ignores them.
 */
export const listPoliciesQuery = z.object({
  ...sortAndPageQuery,
  policyType: queryWord(POLICY_TYPES),
  policyId: queryValue,
  policyName: queryValue,
  policyDescription: queryValue,
  policyGroupName: queryValue,
  status: queryWord(POLICY_STATUSES, 'Exactly'),
});

/** `@NotNull String policyType`: "all" or a policy type; an empty string passes, as in MOSIP. */
const policyType = z.string({
  error: (issue) => (issue.input === undefined || issue.input === null ? 'must not be null' : 'must be a string'),
});

/** PolicySearchDto: SearchDto plus the policy type to restrict to ("all" for every type). */
export const policySearchRequest = z.extend(searchRequest, { policyType: allowedWords(policyType, ['all', ...POLICY_TYPES], 'Any case') });

/** PolicyFilterValueDto: FilterValueDto plus the policy type to restrict to ("all" for every type). */
export const policyFilterValueRequest = z.extend(filterValueRequest, { policyType: allowedWords(z.clone(policyType), ['all', ...POLICY_TYPES], 'Any case') });

export type ListPoliciesQuery = z.output<typeof listPoliciesQuery>;
export type PolicySearchRequest = z.output<typeof policySearchRequest>;
export type PolicyFilterValueRequest = z.output<typeof policyFilterValueRequest>;
