import * as z from 'zod/mini';
import { requiredText } from '../http/constraints.js';

/** PartnerPolicyMappingRequest; MOSIP stores the description in a varchar(4000). */
export const policyMapRequest = z.object({
  policyName: requiredText(1, 128),
  useCaseDescription: requiredText(1, 4000),
});

/** StatusRequestDto of `PUT /partners/policy/{mappingkey}`; the value is checked by the operation (PMS_PM_045). */
export const policyDecisionRequest = z.object({
  status: requiredText(1, 36),
});
