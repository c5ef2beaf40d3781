import type { ErrorDefinition } from './pms-error.js';

/** User-level codes of the partner service (partner-management-service ErrorCode): consent and "who is this user". */
export const USER_ERRORS = {
  /** The signed-in user owns no partner; MOSIP's revamp endpoints refuse such users with this code. */
  USER_ID_NOT_EXISTS: { code: 'PMS_CERTIFICATE_ERROR_002', message: 'User Id does not exists.' },
  CONSENT_FETCH_ERROR: { code: 'PMS_CONSENT_ERROR_001', message: 'Error while fetching partner consent.' },
  CONSENT_SAVE_ERROR: { code: 'PMS_CONSENT_ERROR_002', message: 'Error while saving partner consent.' },
} as const satisfies Record<string, ErrorDefinition>;
