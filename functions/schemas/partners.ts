import * as z from 'zod/mini';
import { optionalText, requiredText } from '../http/constraints.js';
import { searchRequest } from './legacy-search.js';

/** PartnerRequest (`POST /partners`); PartnerRequestDto adds logoUrl and additionalInfo (`POST /partners/v2`). */
export const registerPartnerRequest = z.object({
  partnerId: requiredText(1, 256),
  policyGroup: optionalText(128),
  organizationName: requiredText(1, 128),
  address: requiredText(1, 2000),
  contactNumber: requiredText(1, 16),
  emailId: requiredText(1, 254),
  partnerType: requiredText(1, 36),
  langCode: optionalText(3),
});

export const registerPartnerV2Request = z.extend(registerPartnerRequest, {
  logoUrl: optionalText(2048),
  additionalInfo: z.optional(z.unknown()),
});

/** PartnerUpdateRequest (`PUT /partners/{id}`). */
export const updatePartnerRequest = z.object({
  address: requiredText(1, 2000),
  contactNumber: requiredText(1, 16),
});

/** PartnerUpdateDto (`PUT /partners/v2/{id}`). */
export const updatePartnerV2Request = z.extend(updatePartnerRequest, {
  logoUrl: optionalText(2048),
  additionalInfo: z.optional(z.unknown()),
});

/** EmailVerificationRequestDto: no bean constraint in MOSIP; the address is checked by the operation. */
export const verifyEmailRequest = z.object({
  emailId: z.optional(z.nullable(z.string({ error: 'must be a string' }).check(z.maxLength(254, { error: 'size must be between 0 and 254' })))),
});

/** AddContactRequestDto (`POST /partners/{id}/contact/add`). */
export const addContactRequest = z.object({
  address: requiredText(1, 2000),
  contactNumber: requiredText(1, 16),
  emailId: requiredText(1, 254),
  is_Active: z.optional(z.nullable(z.boolean({ error: 'must be a boolean' }))),
});

/** PartnerSearchDto: SearchDto plus the partner type to search ("all" or a type code). */
export const partnerSearchRequest = z.extend(searchRequest, { partnerType: requiredText(1, 36) });
