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

/**
 * Query string of `GET /partners/v3`: `status` is a required @RequestParam (Spring answers its absence with 400);
 * `policyGroupAvailable` is a Boolean, as Spring converts one (true/on/yes/1, false/off/no/0, any case).
 */
export const partnersV3Query = z.object({
  status: z.string({ error: 'must not be null' }),
  policyGroupAvailable: z.optional(z.string().check(z.refine((value) => SPRING_BOOLEANS.has(value.trim().toLowerCase()), { error: 'must be a boolean' }))),
  partnerType: z.optional(z.string()),
});

const SPRING_BOOLEANS = new Map([
  ['true', true],
  ['on', true],
  ['yes', true],
  ['1', true],
  ['false', false],
  ['off', false],
  ['no', false],
  ['0', false],
]);

/** The Boolean Spring binds from `policyGroupAvailable` (the schema admits only what it converts). */
export function springBoolean(value: string | undefined): boolean | undefined {
  return value === undefined ? undefined : SPRING_BOOLEANS.get(value.trim().toLowerCase());
}

export type PartnersV3Query = z.output<typeof partnersV3Query>;
