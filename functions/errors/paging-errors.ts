import type { ErrorDefinition } from './pms-error.js';

/**
 * Sorting and paging codes of the revamp list endpoints, worded as the policy service words them
 * (policy-management-service ErrorMessages). The partner service reuses the same codes, but its PMS_PRT_357
 * reads "Invalid sort field %s"; keep the two sets apart.
 */
export const POLICY_PAGING_ERRORS = {
  INVALID_SORT_FIELD: { code: 'PMS_PRT_357', message: 'Sorting is not supported for %s field' },
  INVALID_SORT_TYPE: { code: 'PMS_PRT_358', message: 'Sort type %s is not supported' },
  INVALID_PAGE_NO: { code: 'PMS_PRT_360', message: 'Invalid Page No' },
  INVALID_PAGE_SIZE: { code: 'PMS_PRT_361', message: 'Invalid page size' },
} as const satisfies Record<string, ErrorDefinition>;

/** The partner service's wording (partner/constant/ErrorCode), with its rule that sort parameters come in pairs. */
export const PARTNER_PAGING_ERRORS = {
  INVALID_SORT_FIELD: { code: 'PMS_PRT_357', message: 'Invalid sort field %s' },
  INVALID_SORT_TYPE: { code: 'PMS_PRT_358', message: 'Sort type %s is not supported' },
  INVALID_PAGE_NO: { code: 'PMS_PRT_360', message: 'Invalid Page No' },
  INVALID_PAGE_SIZE: { code: 'PMS_PRT_361', message: 'Invalid page size' },
  INVALID_SORT_PARAMETERS: { code: 'PMS_PS_ERROR_007', message: "Invalid Sorting request: 'sortType' and 'sortFieldName' must be specified together." },
  /** PartnerHelper.validateRequestParameters, on lists whose pageNo and pageSize have no default: only together. */
  INVALID_PAGE_PARAMETERS: { code: 'PMS_PS_ERROR_006', message: "Invalid pagination request: 'pageNo' and 'pageSize' must be specified together." },
  /** Sorting is only applied to a paged request; asking for it unpaged is refused. */
  MISSING_PAGINATION_FOR_SORT: {
    code: 'PMS_PS_ERROR_008',
    message: "Please provide pagination parameters ('pageNo' and 'pageSize') when requesting sorted data.",
  },
} as const satisfies Record<string, ErrorDefinition>;
