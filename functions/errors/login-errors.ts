import type { ErrorDefinition } from './pms-error.js';

/** MOSIP's authorization-code proxy (kernel-openid-bridge Errors), as its login endpoints answer them. */
export const LOGIN_ERRORS = {
  TOKEN_NOT_IN_COOKIES: { code: 'KER-ACP-002', message: 'Token is not present in cookies' },
  TOKEN_EXCHANGE_FAILED: { code: 'KER-ACP-006', message: 'Error Occured while getting access token from iam' },
  STATE_MISMATCH: { code: 'KER-ACP-007', message: 'state is not maching' },
  URL_NOT_ALLOWED: { code: 'KER-ACP-009', message: "url not found in allowed url's" },
  STATE_MISSING: { code: 'KER-ACP-010', message: 'state is null or empty' },
  STATE_NOT_UUID: { code: 'KER-ACP-011', message: 'state is not uuid' },
  INVALID_TOKEN: { code: 'KER-ATH-401', message: 'Authentication Failed : Invalid Token :' },
  NOT_CONFIGURED: { code: 'KER-ACP-500', message: 'Exception occured login is not configured for this deployment' },
} as const satisfies Record<string, ErrorDefinition>;
