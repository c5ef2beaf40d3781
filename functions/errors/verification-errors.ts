import type { ErrorDefinition } from './pms-error.js';

/**
 * Key-verification refusals: the codes and messages of MOSIP's removed validate API (PMS 1.1.5
 * PartnerManagementServiceImpl#getPartnerMappedPolicyFile), which still exist in PMS's ErrorCode.
 * Where the table has a "partner policy" variant and a "policy" variant of a code, the partner-policy one (MOSIP's
 * `partner_policy`, i.e. the API key) is used for the key and the plain one for the policy.
 */
export const VERIFICATION_ERRORS = {
  /** No key with that hash, a malformed key, a key of another partner, or a partner we do not hold. */
  NOT_MAPPED: { code: 'PMS_PMP_017', message: 'Partner is not mapped to any policy.' },
  PARTNER_NOT_ACTIVE: { code: 'PMS_PMP_016', message: 'Partner is not active.' },
  POLICY_NOT_ACTIVE: { code: 'PMS_PMP_019', message: 'Policy is not active.' },
  POLICY_EXPIRED: { code: 'PMS_PMP_018', message: 'Policy expired.' },
  /** The key (MOSIP partner_policy) switched off. */
  KEY_NOT_ACTIVE: { code: 'PMS_PMP_019', message: 'Partner policy is not active.' },
  /** The key (MOSIP partner_policy) outside its validity. */
  KEY_EXPIRED: { code: 'PMS_PMP_018', message: 'Partner policy got expired.' },
  LICENSE_NOT_FOUND: { code: 'PMS_PMP_020', message: 'MISP license key not exists.' },
  LICENSE_EXPIRED: { code: 'PMS_PMP_021', message: 'MISP license key is expired.' },
  LICENSE_BLOCKED: { code: 'PMS_PMP_025', message: 'License key of MISP is blocked' },
} as const satisfies Record<string, ErrorDefinition>;
