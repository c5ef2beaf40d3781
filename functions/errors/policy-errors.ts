import type { ErrorDefinition } from './pms-error.js';

/** Policy management service codes (policy-management-service ErrorMessages). */
export const POLICY_ERRORS = {
  POLICY_ID_NOT_EXISTS: { code: 'PMS_POL_008', message: 'Policy ID does not exist' },
  POLICY_GROUP_NAME_DUPLICATE: { code: 'PMS_POL_014', message: 'Policy group exists with name : ' },
  POLICY_GROUP_ID_NOT_EXISTS: { code: 'PMS_POL_016', message: 'Policy Group ID does not exist' },
  POLICY_GROUP_NAME_NOT_EXISTS: { code: 'PMS_POL_019', message: 'Policy group name does not exist' },
  POLICY_GROUP_NOT_ACTIVE: { code: 'PMS_POL_053', message: 'Policy group is not active.' },
  ACTIVE_POLICY_EXISTS_UNDER_POLICY_GROUP: { code: 'PMS_POL_056', message: 'Active policies exists under the policy group.' },
  POLICY_GROUPS_NOT_AVAILABLE: { code: 'PMS_POL_059', message: 'There are no active policy groups.' },
  POLICY_GROUPS_FETCH_ERROR: { code: 'PMS_POL_060', message: 'Error while fetching policy groups.' },
  POLICY_GROUP_ALREADY_DEACTIVATED: { code: 'PMS_POL_067', message: 'The policy group has already been deactivated' },
  POLICY_GROUP_DOES_NOT_EXIST: { code: 'PMS_POL_068', message: 'The specified policy group does not exist' },
  ACTIVE_AND_DRAFT_POLICIES_EXISTS_UNDER_POLICY_GROUP: {
    code: 'PMS_POL_069',
    message: 'Active or draft policies are associated with the policy group',
  },
  DRAFT_POLICIES_EXISTS_UNDER_POLICY_GROUP: { code: 'PMS_POL_070', message: 'Draft policies exists under the policy group.' },
  POLICY_GROUP_DEACTIVATION_ERROR: { code: 'PMS_POL_071', message: 'Error while deactivating policy group' },
  DEACTIVATE_STATUS_CODE: { code: 'PMS_POL_073', message: 'Request status should be De-Activate' },
} as const satisfies Record<string, ErrorDefinition>;
