import { CREDENTIAL_PARTNER_ERRORS } from '../../errors/credential-partner-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import type { PartnerType } from '../partners/partner-types.js';
import { UI_CONFIG } from '../policies/ui-config.js';

/** MOSIP `pmp.allowed.credential.types`: the one setting, also revealed by `GET /policies/config/{key}`. */
const ALLOWED_CREDENTIAL_TYPES_SETTING = UI_CONFIG['pmp.allowed.credential.types']!;
const ALLOWED_CREDENTIAL_TYPES = ALLOWED_CREDENTIAL_TYPES_SETTING.split(',');

/** MOSIP `policy.credential.type.mapping.allowed.partner.types` (mosip-config release-1.3.x). */
const CREDENTIAL_MAPPING_PARTNER_TYPES: readonly PartnerType[] = ['Credential_Partner', 'Online_Verification_Partner', 'Auth_Partner'];

/** The configured spelling of a credential type, matched case-insensitively as MOSIP does; undefined if unknown. */
export function credentialTypeOf(input: string): string | undefined {
  const wanted = input.toLowerCase();
  return ALLOWED_CREDENTIAL_TYPES.find((type) => type.toLowerCase() === wanted);
}

export function allowedCredentialType(input: string): string {
  const type = credentialTypeOf(input);
  if (!type) throw new PmsError(CREDENTIAL_PARTNER_ERRORS.CREDENTIAL_TYPE_NOT_ALLOWED, ALLOWED_CREDENTIAL_TYPES_SETTING);
  return type;
}

export function checkMayMapCredentialTypes(partnerType: PartnerType): void {
  if (!CREDENTIAL_MAPPING_PARTNER_TYPES.includes(partnerType)) {
    throw new PmsError(CREDENTIAL_PARTNER_ERRORS.CREDENTIAL_NOT_ALLOWED_PARTNERS, CREDENTIAL_MAPPING_PARTNER_TYPES.join(','));
  }
}
