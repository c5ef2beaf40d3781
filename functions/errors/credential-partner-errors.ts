import type { ErrorDefinition } from './pms-error.js';

/**
 * Codes of the credential-partner endpoints (biometric extractors, credential-type mapping), from
 * partner-management-service ErrorCode, messages exactly as MOSIP sends them. The two messages ending in a colon
 * get MOSIP's configured list appended.
 */
export const CREDENTIAL_PARTNER_ERRORS = {
  DUPLICATE_CREDENTIAL_MAPPING: { code: 'PMS_PRT_007', message: 'Mapping exists for given policy and partner with this credential type' },
  PARTNER_POLICY_MAPPING_NOT_EXISTS: { code: 'PMS_PRT_061', message: 'Partner policy mapping not exists.' },
  PARTNER_API_KEY_REQUEST_APPROVED: { code: 'PMS_PRT_062', message: "Partner api key request is approved already. Cann't add extractors now." },
  NO_DETAILS_FOUND: { code: 'PMS_PRT_064', message: 'No details found' },
  CREDENTIAL_NOT_ALLOWED_PARTNERS: { code: 'PMS_PRT_070', message: 'Credential mapping allowed only for :' },
  CREDENTIAL_TYPE_NOT_ALLOWED: { code: 'PMS_PRT_072', message: 'Given credential type is not allowed. Allowed credential types : ' },
  POLICY_NOT_EXIST: { code: 'PMS_PRT_073', message: 'Policy not exists.' },
  POLICY_EXPIRED: { code: 'PMS_PMP_018', message: 'Policy expired.' },
  POLICY_NOT_ACTIVE: { code: 'PMS_PMP_019', message: 'Policy is not active.' },
} as const satisfies Record<string, ErrorDefinition>;
