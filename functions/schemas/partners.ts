import * as z from 'zod/mini';
import { PARTNER_TYPES } from '../domain/partners/partner-types.js';
import { SUPPORTED_LANGUAGES } from '../domain/partners/registration-rules.js';
import { optionalText, requiredText } from '../http/constraints.js';
import { boundedJson } from './bounded-json.js';
import { allowedWords } from './documented.js';
import { searchRequest } from './legacy-search.js';

/** MOSIP's messages on the partner DTOs' @NotBlank and @Size. */
const EMPTY = 'value is empty or null';
const mosipText = (max: number) => requiredText(1, max, { blank: EMPTY, size: `Length should be between 1 and ${max} chars` });
/** @NotBlank only: the bound is ours (the operation checks what MOSIP checks, e.g. the id's length, PMS_PRT_052). */
const notBlank = (max: number) => requiredText(1, max, { blank: EMPTY });

/** PartnerRequest (`POST /partners`); PartnerRequestDto adds logoUrl and additionalInfo (`POST /partners/v2`). */
export const registerPartnerRequest = z.object({
  partnerId: notBlank(256),
  policyGroup: optionalText(128),
  organizationName: mosipText(128),
  address: mosipText(2000),
  contactNumber: mosipText(16),
  emailId: mosipText(254),
  partnerType: allowedWords(notBlank(256), Object.keys(PARTNER_TYPES), 'Any case'),
  langCode: allowedWords(optionalText(3), SUPPORTED_LANGUAGES, 'Any case; absent: eng'),
});

export const registerPartnerV2Request = z.extend(registerPartnerRequest, {
  logoUrl: optionalText(2048),
  additionalInfo: z.optional(boundedJson()),
});

/** PartnerUpdateRequest (`PUT /partners/{id}`). */
export const updatePartnerRequest = z.object({
  address: mosipText(2000),
  contactNumber: mosipText(16),
});

/** PartnerUpdateDto (`PUT /partners/v2/{id}`). */
export const updatePartnerV2Request = z.extend(updatePartnerRequest, {
  logoUrl: optionalText(2048),
  additionalInfo: z.optional(boundedJson()),
});

/** EmailVerificationRequestDto: no bean constraint in MOSIP; the address is checked by the operation. */
export const verifyEmailRequest = z.object({
  emailId: z.optional(z.nullable(z.string({ error: 'must be a string' }).check(z.maxLength(254, { error: 'size must be between 0 and 254' })))),
});

/** AddContactRequestDto (`POST /partners/{id}/contact/add`): @NotBlank only; the number's length is PMS_PRT_013. */
export const addContactRequest = z.object({
  address: notBlank(2000),
  contactNumber: notBlank(256),
  emailId: notBlank(254),
  is_Active: z.optional(z.nullable(z.boolean({ error: 'must be a boolean' }))),
});

/** PartnerSearchDto: SearchDto plus the partner type to search ("all" or a type code). */
export const partnerSearchRequest = z.extend(searchRequest, {
  partnerType: allowedWords(requiredText(1, 36), ['all', ...Object.keys(PARTNER_TYPES)], 'Any case'),
});
