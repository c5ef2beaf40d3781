import type { ErrorDefinition } from './pms-error.js';

/** Envelope checks (pms-common ValidationErrorCode) and the bean-validation code. */
export const REQUEST_ERRORS = {
  INVALID_REQUEST_ID: { code: 'PMS_REQUEST_ERROR_002', message: 'Invalid Request Id' },
  INVALID_REQUEST_VERSION: { code: 'PMS_REQUEST_ERROR_003', message: 'Request version is invalid' },
  INVALID_REQUEST_DATETIME: { code: 'PMS_REQUEST_ERROR_004', message: 'Invalid request time' },
  INVALID_REQUEST_BODY: { code: 'PMS_REQUEST_ERROR_005', message: 'Request body is invalid' },
  REQUEST_DATE_NOT_CURRENT: { code: 'PMS_REQUEST_ERROR_006', message: 'Request date should be current date' },
  INVALID_REQUEST_PARAMETER: { code: 'PMS_COR_001', message: 'Invalid request parameter - ' },
  INVALID_INPUT_PARAMETER: { code: 'PMS_COR_002', message: 'Invalid Input Parameter - ' },
  INTERNAL_SERVER_ERROR: { code: 'PMS_COR_003', message: 'Could not process the request' },
  /** Ours: the request lost an edit race after its retries; nothing was written, and the same request may be sent again. */
  CONCURRENT_UPDATE: { code: 'PMS_COR_101', message: 'Another request changed the same data at the same time; nothing was changed, please try again' },
} as const satisfies Record<string, ErrorDefinition>;

/** Platform codes of kernel-auth-adapter. */
export const AUTH_ERRORS = {
  AUTHENTICATION_FAILED: { code: 'KER-ATH-401', message: 'Authentication Failed' },
  FORBIDDEN: { code: 'KER-ATH-403', message: 'Forbidden' },
} as const satisfies Record<string, ErrorDefinition>;
