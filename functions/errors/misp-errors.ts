import type { ErrorDefinition } from './pms-error.js';

/** MISP license codes (MISPErrorMessages, release-1.3.x), and three of ours marked below. */
export const MISP_ERRORS = {
  MISP_ID_NOT_EXISTS: { code: 'PMS_MSP_005', message: 'MISP Partner does not exist' },
  MISP_ID_NOT_VALID: { code: 'PMS_MSP_009', message: 'Given provider is not valid' },
  MISP_IS_INACTIVE: { code: 'PMS_MSP_405', message: 'MISP partner is not active.' },
  MISP_STATUS_CODE_EXCEPTION: { code: 'PMS_MSP_407', message: 'mispStatus either Active or De-active.' },
  MISP_LICENSE_KEY_NOT_ASSOCIATED_MISP_ID: { code: 'PMS_MSP_408', message: 'MISP Partner and License key combintaion not exists.' },
  MISP_LICENSE_KEY_EXISTS: { code: 'PMS_MSP_416', message: 'License key exists for the given provider.' },
  MISP_POLICY_NOT_APPROVED: { code: 'PMS_MSP_418', message: 'Policy not approved.' },
  MISP_POLICY_NOT_EXISTS: { code: 'PMS_MSP_419', message: 'Policy not exists.' },
  /** Ours: IDA keeps one license per MISP, so only the newest may be active (see docs/security.md). */
  MISP_LICENSE_NOT_LATEST: { code: 'PMS_MSP_420', message: 'Only the latest license key of the MISP can be activated.' },
  /** Ours: the optional `validityDays` of the regenerate route. */
  MISP_LICENSE_VALIDITY_INVALID: { code: 'PMS_MSP_421', message: 'validityDays should be a whole number of days from 1 to 999999.' },
  /** Ours: only an admin lifts an admin's deactivation of a license, by activating it or issuing a new one. */
  MISP_LICENSE_REVOKED_BY_ADMIN: {
    code: 'PMS_MSP_422',
    message: 'MISP license key was deactivated by an administrator. Only an administrator can activate it or issue a new one.',
  },
} as const satisfies Record<string, ErrorDefinition>;
