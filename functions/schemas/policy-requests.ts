import * as z from 'zod/mini';
import { PARTNER_TYPES } from '../domain/partners/partner-types.js';
import { DECISIONS } from '../domain/status-words.js';
import { requiredText } from '../http/constraints.js';
import { allowedWords, queryWord } from './documented.js';
import { queryValue } from './list-query.js';

/** PartnerPolicyMappingRequest; MOSIP stores the description in a varchar(4000). */
export const policyMapRequest = z.object({
  policyName: requiredText(1, 128),
  useCaseDescription: requiredText(1, 4000),
});

/** StatusRequestDto of `PUT /partners/policy/{mappingkey}`; the value is checked by the operation (PMS_PM_045). */
export const policyDecisionRequest = z.object({
  status: allowedWords(requiredText(1, 36), DECISIONS, 'Any case'),
});

/**
 * Query string of `GET /partners/v3`: `status` is a required @RequestParam (Spring answers its absence with 400);
 * `policyGroupAvailable` is a Boolean, bound by the operation as Spring converts one (springBoolean).
 */
export const partnersV3Query = z.object({
  status: z.string({ error: 'must not be null' }),
  policyGroupAvailable: queryValue,
  partnerType: queryWord(Object.keys(PARTNER_TYPES)),
});

export type PartnersV3Query = z.output<typeof partnersV3Query>;
