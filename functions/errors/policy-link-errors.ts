import type { ErrorDefinition } from './pms-error.js';

/** Partner–policy linking codes (partner service ErrorCode and partner manager PartnerManageEnum). */
export const POLICY_LINK_ERRORS = {
  PARTNER_NOT_MAPPED_TO_POLICY_GROUP: { code: 'PMS_PRT_047', message: 'Partner is not mapped to policy group' },
  MAPPING_IN_PROGRESS: { code: 'PMS_PRT_053', message: 'This policy is already pending for approval against your partner ID.' },
  MAPPING_APPROVED: { code: 'PMS_PRT_060', message: 'This policy has already been approved against your partner ID.' },
  POLICY_NOT_IN_PARTNER_GROUP: { code: 'PMS_PRT_098', message: "Given policy doesn't exists under partner's policy group." },
  REQUEST_DOES_NOT_EXIST: { code: 'PMS_PMP_007', message: 'Partner api key does not exist' },
  POLICY_DOES_NOT_EXIST: { code: 'PMS_PMP_017', message: 'Partner is not mapped to any policy.' },
  POLICY_EXPIRED: { code: 'PMS_PMP_018', message: 'Policy expired.' },
  POLICY_NOT_ACTIVE: { code: 'PMS_PMP_019', message: 'Policy is not active.' },
  POLICY_GROUP_DOES_NOT_EXIST: { code: 'PMS_PMP_022', message: 'Policy group not exists.' },
  POLICY_GROUP_NOT_ACTIVE: { code: 'PMS_PMP_023', message: 'Policy group is not active.' },
  ALREADY_APPROVED: { code: 'PMS_PM_034', message: 'Policy request already approved.' },
  ALREADY_REJECTED: { code: 'PMS_PM_035', message: 'Policy request already rejected.' },
  INVALID_STATUS: { code: 'PMS_PM_045', message: 'Status should be either Approved or Rejected' },
  EXTRACTORS_NOT_PRESENT: { code: 'PMS_PM_051', message: 'Extractors are not present. Please add extractors.' },
} as const satisfies Record<string, ErrorDefinition>;
