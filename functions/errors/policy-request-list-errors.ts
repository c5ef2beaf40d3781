import type { ErrorDefinition } from './pms-error.js';

/**
 * Codes of `GET /partner-policy-requests` that no other list uses yet (partner-management-service
 * partner/constant/ErrorCode, and partner/manager/constant/ErrorCode for the fallback).
 */
export const POLICY_REQUEST_LIST_ERRORS = {
  /** PartnerHelper.validatePolicyGroup: a caller's partner names a policy group that does not exist. */
  POLICY_GROUP_NOT_EXISTS: { code: 'PMS_POLICY_ERROR_001', message: 'Policy Group does not exists.' },
  FETCH_ALL_PARTNER_POLICY_MAPPING_REQUEST_ERROR: { code: 'PMS_PM_062', message: 'Error while fetching all partner policy mapping requests' },
} as const satisfies Record<string, ErrorDefinition>;
