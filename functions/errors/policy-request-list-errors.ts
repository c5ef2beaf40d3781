import type { ErrorDefinition } from './pms-error.js';

/**
 * Codes of `GET /partner-policy-requests` that no other list uses yet (partner-management-service
 * partner/constant/ErrorCode, and partner/manager/constant/ErrorCode for the fallback).
 */
export const POLICY_REQUEST_LIST_ERRORS = {
  /** PartnerHelper.validateRequestParameters: pageNo and pageSize are optional, but only together. */
  INVALID_PAGE_PARAMETERS: { code: 'PMS_PS_ERROR_006', message: "Invalid pagination request: 'pageNo' and 'pageSize' must be specified together." },
  /** Sorting is only applied to a paged request; asking for it unpaged is refused. */
  MISSING_PAGINATION_FOR_SORT: {
    code: 'PMS_PS_ERROR_008',
    message: "Please provide pagination parameters ('pageNo' and 'pageSize') when requesting sorted data.",
  },
  /** PartnerHelper.validatePolicyGroup: a caller's partner names a policy group that does not exist. */
  POLICY_GROUP_NOT_EXISTS: { code: 'PMS_POLICY_ERROR_001', message: 'Policy Group does not exists.' },
  FETCH_ALL_PARTNER_POLICY_MAPPING_REQUEST_ERROR: { code: 'PMS_PM_062', message: 'Error while fetching all partner policy mapping requests' },
} as const satisfies Record<string, ErrorDefinition>;
