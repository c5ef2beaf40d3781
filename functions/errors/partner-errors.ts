import type { ErrorDefinition } from './pms-error.js';

/** Partner service codes (partner-management-service ErrorCode and PartnerManageEnum) used so far. */
export const PARTNER_ERRORS = {
  POLICY_GROUP_DOES_NOT_EXIST: { code: 'PMS_PRT_002', message: 'Policy group does not exist' },
  PARTNER_DOES_NOT_EXIST: { code: 'PMS_PRT_005', message: 'Partner does not exist' },
  PARTNER_TYPE_DOES_NOT_EXIST: { code: 'PMS_PRT_010', message: 'Partner Type does not exist' },
  EMAIL_ALREADY_EXISTS: { code: 'PMS_PRT_011', message: 'Email is already exists.' },
  INVALID_EMAIL_ID: { code: 'PMS_PRT_012', message: 'Invalid emailId.' },
  INVALID_MOBILE_NUMBER: { code: 'PMS_PRT_013', message: 'Invalid mobile number.Length should be less than ' },
  POLICY_GROUP_NOT_REQUIRED: { code: 'PMS_PRT_048', message: 'policy group mapping is not required for given partner' },
  POLICY_GROUP_NOT_MAP_ACTIVE_PARTNER: { code: 'PMS_PRT_050', message: 'Policy group cannot be updated for approved partner' },
  PARTNER_ID_TAKEN: { code: 'PMS_PRT_051', message: 'A Partner is already registered with the same Id' },
  PARTNER_ID_LENGTH: { code: 'PMS_PRT_052', message: 'PartnerId max length should be ' },
  USER_NOT_AUTHORIZED: { code: 'PMS_PRT_055', message: 'User not authorized.' },
  LANG_CODE_NOT_SUPPORTED: { code: 'PMS_PRT_056', message: 'Given langCode is not supported' },
  PARTNER_ID_CONTAINS_SPACES: { code: 'PMS_PRT_066', message: 'PartnerId should not have any spaces' },
  JSON_NOT_VALID: { code: 'PMS_PRT_096', message: 'Json is not valid' },
  POLICY_GROUP_IS_MANDATORY: { code: 'PMS_PRT_108', message: 'Policy group is Mandatory for %s' },
  PARTNER_NOT_ACTIVE: { code: 'PMS_PMP_016', message: 'Partner is not active.' },
  POLICY_GROUP_NOT_ACTIVE: { code: 'PMS_PMP_023', message: 'Policy group is not active.' },
  // Partner manager (partner/manager/constant/ErrorCode): the admin's status change and lists.
  PARTNER_ID_DOES_NOT_EXIST: { code: 'PMS_PMP_005', message: 'Partner ID does not exist' },
  NO_PARTNERS: { code: 'PMS_PMP_013', message: 'Partner does not exist' },
  INVALID_PARTNER_STATUS: { code: 'PMS_PM_058', message: 'Status should be either Active or De-Active' },
  // The manager's PMS_PRT_108; the partner service words the same code differently for certificate downloads.
  CERTIFICATE_NOT_UPLOADED_TO_ACTIVATE: { code: 'PMS_PRT_108', message: 'Certficate is not uploaded for the given partner.Cannot activate the same.' },
  FETCH_PARTNER_DETAILS_ERROR: { code: 'PMS_PM_059', message: 'Error while fetching partner details.' },
  FETCH_ALL_PARTNER_DETAILS_ERROR: { code: 'PMS_PM_061', message: 'Error while fetching all partners details' },
  PARTNER_ALREADY_DEACTIVATED: { code: 'PMS_PM_063', message: 'The selected partner has already been deactivated.' },
  POLICY_GROUP_ID_EMPTY: { code: 'PMS_POLICY_ERROR_005', message: 'Policy Group Id is empty.' },
  NO_MATCHING_POLICY_GROUP: { code: 'PMS_POLICY_ERROR_008', message: 'No matching policy group was found for the provided partner' },
  UNSUPPORTED_COLUMN: { code: 'KER_PRT_391', message: "The column '%s' is not supported due to system limitations." },
} as const satisfies Record<string, ErrorDefinition>;
