import type { ErrorDefinition } from './pms-error.js';

/** API-key codes (partner manager ErrorCode of PartnerManagementServiceImpl, release-1.3.x), and ours marked below. */
export const API_KEY_ERRORS = {
  PARTNER_ID_DOES_NOT_EXIST: { code: 'PMS_PMP_005', message: 'Partner ID does not exist' },
  PARTNER_NOT_ACTIVE: { code: 'PMS_PMP_016', message: 'Partner is not active.' },
  /** MOSIP appends the policy id on the re-point path, not on generation. */
  POLICY_DOES_NOT_EXIST: { code: 'PMS_PMP_014', message: 'Policy does not exist' },
  POLICY_NOT_ACTIVE: { code: 'PMS_PMP_019', message: 'Policy is not active.' },
  POLICY_GROUP_NOT_ACTIVE: { code: 'PMS_PMP_023', message: 'Policy group is not active.' },
  PARTNER_KEY_NOT_MAPPED: { code: 'PMS_PMP_009', message: 'For given partner and apikey mapping not exists.' },
  KEY_POLICY_MAPPING_DOES_NOT_EXIST: { code: 'PMS_PMP_50', message: 'Given apikey,partner and policy mapping not exists.' },
  KEY_NOT_ACTIVE: { code: 'PMS_PMS_022', message: 'Given Partner api key is not active.' },
  /** Ours: only an admin lifts an admin's deactivation of a key (see docs/security.md). */
  KEY_REVOKED_BY_ADMIN: { code: 'PMS_PMS_023', message: 'Given Partner api key was deactivated by an administrator. Only an administrator can activate it.' },
  /** Ours: a configurable cap on a partner's active keys for one policy (API_KEYS_PER_POLICY_MAX, see docs/security.md). */
  ACTIVE_KEY_LIMIT_REACHED: {
    code: 'PMS_PMS_024',
    message: 'Maximum number of active API keys for this policy is reached. Deactivate an API key of this policy first.',
  },
  POLICY_NOT_MAPPED_TO_PARTNER: { code: 'PMS_PRT_109', message: 'Given policy is not mapped to partner' },
  LABEL_EXISTS: { code: 'PMS_PRT_110', message: 'Given label already exists.Provide unique label.' },
  LABEL_DOES_NOT_EXIST: { code: 'PMS_PRT_111', message: 'API key not exists for the given combination' },
  INVALID_STATUS: { code: 'PMS_PM_058', message: 'Status should be either Active or De-Active' },
  FETCH_ALL_API_KEYS_ERROR: { code: 'PMS_PM_064', message: 'Error while fetching all api key requests' },
  USER_ID_DOES_NOT_EXIST: { code: 'PMS_CERTIFICATE_ERROR_002', message: 'User Id does not exists.' },
} as const satisfies Record<string, ErrorDefinition>;
