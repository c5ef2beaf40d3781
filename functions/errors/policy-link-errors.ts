import type { ErrorDefinition } from './pms-error.js';

/**
 * Partner–policy linking codes: the partner service's ErrorCode (a partner asking for a policy) and the partner
 * manager's ErrorCode (an admin deciding, the legacy request reads). The two enums word some codes differently.
 */
export const POLICY_LINK_ERRORS = {
  MAPPING_IN_PROGRESS: { code: 'PMS_PRT_053', message: 'This policy is already pending for approval against your partner ID.' },
  MAPPING_APPROVED: { code: 'PMS_PRT_060', message: 'This policy has already been approved against your partner ID.' },
  /** No group holds an active policy of that name. */
  POLICY_NOT_EXIST: { code: 'PMS_PRT_073', message: 'Policy not exists.' },
  POLICY_NOT_IN_PARTNER_GROUP: { code: 'PMS_PRT_098', message: "Given policy doesn't exists under partner's policy group." },
  PARTNER_REQUESTS_DO_NOT_EXIST: { code: 'PMS_PRT_006', message: 'No api key req exist' },
  REQUEST_DOES_NOT_EXIST: { code: 'PMS_PMP_007', message: 'Partner api key does not exist' },
  NO_REQUESTS: { code: 'PMS_PMP_015', message: 'No Partner api key requests for the Policy Group' },
  POLICY_DOES_NOT_EXIST: { code: 'PMS_PMP_017', message: 'Partner is not mapped to any policy.' },
  POLICY_EXPIRED: { code: 'PMS_PMP_018', message: 'Policy expired.' },
  POLICY_NOT_ACTIVE: { code: 'PMS_PMP_019', message: 'Policy is not active.' },
  /** The partner manager's wording of PMS_PMP_018 and PMS_PMP_019, on a decision. */
  PARTNER_POLICY_EXPIRED: { code: 'PMS_PMP_018', message: 'Partner policy got expired.' },
  PARTNER_POLICY_NOT_ACTIVE: { code: 'PMS_PMP_019', message: 'Partner policy is not active.' },
  POLICY_GROUP_DOES_NOT_EXIST: { code: 'PMS_PMP_022', message: 'Policy group not exists.' },
  POLICY_GROUP_NOT_ACTIVE: { code: 'PMS_PMP_023', message: 'Policy group is not active.' },
  ALREADY_APPROVED: { code: 'PMS_PM_034', message: 'Policy request already approved.' },
  ALREADY_REJECTED: { code: 'PMS_PM_035', message: 'Policy request already rejected.' },
  INVALID_STATUS: { code: 'PMS_PM_045', message: 'Status should be either Approved or Rejected' },
  EXTRACTORS_NOT_PRESENT: { code: 'PMS_PM_051', message: 'Extractors are not present. Please add extractors.' },
  /** The fallback of `GET /partners/v3`. */
  PARTNERS_FETCH_ERROR: { code: 'PMS_PS_ERROR_001', message: 'Error while fetching partners list' },
} as const satisfies Record<string, ErrorDefinition>;
