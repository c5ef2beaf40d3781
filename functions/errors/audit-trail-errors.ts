import type { ErrorDefinition } from './pms-error.js';

/** `GET /audit-logs` is ours (MOSIP has no audit read API), so are its codes. */
export const AUDIT_TRAIL_ERRORS = {
  INVALID_OBJECT_TYPE: { code: 'PMS_AUDIT_ERROR_001', message: 'objectType must be one of %s.' },
  MISSING_OBJECT_ID: { code: 'PMS_AUDIT_ERROR_002', message: 'objectId is required and at most 256 characters long.' },
  FETCH_ERROR: { code: 'PMS_AUDIT_ERROR_003', message: 'Error while fetching the audit trail.' },
} as const satisfies Record<string, ErrorDefinition>;
