import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { PmsError, withArguments } from '../../errors/pms-error.js';

/** MOSIP `pmp.partner.partnerId.max.length`. */
export const PARTNER_ID_MAX_LENGTH = 36;
/** MOSIP `pmp.partner.mobileNumber.max.length`. */
export const CONTACT_NUMBER_MAX_LENGTH = 16;
/** MOSIP `mosip.mandatory-languages` then `mosip.optional-languages` (sandbox defaults); the first is the default. */
export const SUPPORTED_LANGUAGES = ['eng', 'ara', 'fra'] as const;
/** MOSIP `pmp.partner.valid.email.address.regex`. */
const EMAIL = /^[\w+-]+(\.[\w+-]+)*@[\w-]+(\.[\w-]+)*(\.[a-zA-Z]{2,})$/;

export function checkPartnerId(partnerId: string): void {
  if (/\s/.test(partnerId)) throw new PmsError(PARTNER_ERRORS.PARTNER_ID_CONTAINS_SPACES);
  if (partnerId.length > PARTNER_ID_MAX_LENGTH) throw new PmsError(PARTNER_ERRORS.PARTNER_ID_LENGTH, String(PARTNER_ID_MAX_LENGTH));
}

export function checkEmail(emailId: string): void {
  if (!EMAIL.test(emailId.trim())) throw new PmsError(PARTNER_ERRORS.INVALID_EMAIL_ID);
}

export function checkContactNumber(contactNumber: string): void {
  if (contactNumber.length > CONTACT_NUMBER_MAX_LENGTH) throw new PmsError(PARTNER_ERRORS.INVALID_MOBILE_NUMBER, String(CONTACT_NUMBER_MAX_LENGTH));
}

/** The language to store: the requested one when supported, else MOSIP's default. */
export function languageOf(langCode: string | null | undefined): string {
  if (!langCode) return SUPPORTED_LANGUAGES[0];
  const wanted = langCode.toLowerCase();
  if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(wanted)) throw new PmsError(PARTNER_ERRORS.LANG_CODE_NOT_SUPPORTED);
  return wanted;
}

export function policyGroupMandatory(partnerType: string): PmsError {
  return new PmsError(withArguments(PARTNER_ERRORS.POLICY_GROUP_IS_MANDATORY, partnerType));
}
