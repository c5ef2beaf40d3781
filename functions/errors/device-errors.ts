import type { ErrorDefinition } from './pms-error.js';

/**
 * SBI and device codes: the revamp's (ErrorCode, PMS_DEVICE_ERROR_* and friends) and the legacy ones
 * (DeviceDetailExceptionsConstant and SecureBiometricInterfaceConstant, PMS_AUT_*), release-1.3.x, typos included.
 */
export const DEVICE_ERRORS = {
  SBI_DETAILS_LIST_FETCH_ERROR: { code: 'PMS_SBI_ERROR_001', message: 'Unable to fetch SBI details.' },
  PARTNER_ID_NOT_ASSOCIATED_WITH_USER: { code: 'PMS_DEVICE_ERROR_001', message: 'Partner id is not associated with user.' },
  SBI_NOT_ASSOCIATED_WITH_PARTNER_ID: { code: 'PMS_DEVICE_ERROR_002', message: 'SBI is not associated with partner Id.' },
  INVALID_DEVICE_PARTNER_TYPE: { code: 'PMS_DEVICE_ERROR_003', message: 'Invalid partner type.' },
  DEVICES_LIST_FOR_SBI_FETCH_ERROR: { code: 'PMS_SF_ERROR_001', message: 'Error while fetching devices list for SBI.' },
  INVALID_REQUEST_PARAM: { code: 'PMS_REQUEST_ERROR_001', message: 'Invalid request.' },
  SBI_DEVICE_MAPPING_ALREADY_EXIST: { code: 'PMS_DEVICE_ERROR_004', message: 'SBI and Device mapping already exists.' },
  SBI_NOT_EXISTS: { code: 'PMS_DEVICE_ERROR_005', message: 'SBI do not exists.' },
  DEVICE_NOT_EXISTS: { code: 'PMS_DEVICE_ERROR_006', message: 'Device do not exists.' },
  DEVICE_NOT_ASSOCIATED_WITH_PARTNER_ID: { code: 'PMS_DEVICE_ERROR_007', message: 'Device is not associated with partner Id.' },
  CREATE_DEVICE_ERROR: { code: 'PMS_DEVICE_ERROR_008', message: 'Error while adding device for sbi.' },
  PENDING_APPROVAL_SBI: { code: 'PMS_DEVICE_ERROR_009', message: 'Unable to process the request as the associated SBI is not approved.' },
  DEVICE_NOT_PENDING_FOR_APPROVAL: { code: 'PMS_DEVICE_ERROR_010', message: 'Given device details are not in pending for approval status.' },
  APPROVE_OR_REJECT_DEVICE_WITH_SBI_MAPPING_ERROR: { code: 'PMS_DEVICE_ERROR_011', message: 'Error while approving or rejecting device for Sbi Mapping.' },
  SBI_DEVICE_MAPPING_NOT_EXISTS: { code: 'PMS_DEVICE_ERROR_012', message: 'SBI and Device mapping does not exists.' },
  DEVICE_ALREADY_DEACTIVATED: { code: 'PMS_DEVICE_ERROR_014', message: 'The selected device has been already deactivated.' },
  DEACTIVATE_DEVICE_ERROR: { code: 'PMS_DEVICE_ERROR_015', message: 'Error while deactivating the device' },
  DEVICE_NOT_ASSOCIATED_WITH_USER: { code: 'PMS_DEVICE_ERROR_016', message: 'Device is not associated with user.' },
  DEACTIVATE_SBI_ERROR: { code: 'PMS_DEVICE_ERROR_018', message: 'Error while deactivating the SBI' },
  SBI_NOT_ASSOCIATED_WITH_USER: { code: 'PMS_DEVICE_ERROR_019', message: 'SBI is not associated with user.' },
  SBI_ALREADY_DEACTIVATED: { code: 'PMS_DEVICE_ERROR_020', message: 'The selected SBI is already deactivated.' },
  SBI_EXPIRED: { code: 'PMS_DEVICE_ERROR_021', message: 'SBI for which device is being added is expired' },
  SBI_NOT_APPROVED: { code: 'PMS_DEVICE_ERROR_022', message: 'The selected SBI is not in an approved status.' },
  DEVICE_NOT_APPROVED: { code: 'PMS_DEVICE_ERROR_023', message: 'The selected Device is not in an approved status.' },
  NO_SBI_FOUND_FOR_APPROVE: { code: 'PMS_DEVICE_ERROR_024', message: 'This device cannot be approved as it does not have any SBI associated to it.' },
  NO_SBI_FOUND_FOR_REJECT: { code: 'PMS_DEVICE_ERROR_025', message: 'This device cannot be rejected as it does not have any SBI associated to it.' },
  DEACTIVATE_STATUS_CODE: { code: 'PMS_DEVICE_ERROR_026', message: 'Request status should be De-Activate' },
  APPROVE_REJECT_STATUS_CODE: { code: 'PMS_DEVICE_ERROR_027', message: 'Request status should be either approved or rejected' },
  REJECTED_SBI: { code: 'PMS_DEVICE_ERROR_028', message: 'Unable to process the request as the associated SBI is rejected' },
  DEACTIVATED_SBI: { code: 'PMS_DEVICE_ERROR_029', message: 'Unable to process the request as the associated SBI is deactivated' },
  GET_ALL_DEVICE_DETAILS_FETCH_ERROR: { code: 'PMS_FTM_ERROR_024', message: 'Error occurred while retrieving all device details' },
} as const satisfies Record<string, ErrorDefinition>;

/** DeviceDetailExceptionsConstant and SecureBiometricInterfaceConstant: the legacy device and SBI codes. */
export const LEGACY_DEVICE_ERRORS = {
  REG_DEVICE_SUB_TYPE_NOT_FOUND: { code: 'PMS_AUT_001', message: 'Reg Device Sub Type Code not found in the list of Reg Device Sub Types' },
  DEVICE_PROVIDER_NOT_FOUND: { code: 'PMS_AUT_002', message: 'This partner has been inactivated by Partner admin' },
  DEVICE_DETAIL_EXIST: { code: 'PMS_AUT_003', message: 'Device Details already exists' },
  DEVICE_DETAIL_NOT_FOUND: { code: 'PMS_AUT_005', message: 'Device detail for id %s does not exist' },
  DEVICE_STATUS_CODE: { code: 'PMS_AUT_025', message: 'ApprovalStatus should be Activate / De-activate' },
  DEVICE_DETAIL_NOT_APPROVED: { code: 'PMS_AUT_027', message: 'Device details for id %s are not yet approved. Please provide approved details.' },
  DEVICE_DETAIL_REJECTED: { code: 'PMS_AUT_028', message: "Device details for id %s are rejected. Cann't use same details for mapping." },
  SBI_NOT_FOUND: { code: 'PMS_AUT_007', message: 'Secure Biometric Interface not found for the id %s' },
  SBI_STATUS_CODE: { code: 'PMS_AUT_026', message: 'ApprovalStatus should be Activate / De-activate' },
  SWCREATEDDATE_SHOULD_BE_LESSTHAN_EXPIRYDATE: { code: 'PMS_AUT_507', message: 'ExpiryDate should be greaterthan createdDate' },
  EXPIRYDATE_SHOULD_BE_GREATERTHAN_TODAYSDATE: { code: 'PMS_AUT_508', message: 'ExpiryDate should be greaterthan/equal Today.' },
  DD_SBI_PROVIDER_NOT_MATCHING: { code: 'PMS_AUT_509', message: 'Device Details and SBI do not belongs to same provider.' },
  DD_SBI_MAPPING_NOT_EXISTS: { code: 'PMS_AUT_510', message: 'Mapping not exists for given data.' },
  SBI_NOT_APPROVED: { code: 'PMS_AUT_511', message: 'SBI for which device is being mapped is not approved' },
  SBI_RECORDS_EXISTS: { code: 'PMS_AUT_512', message: 'SBI details exists for given SBI Version. Multiple SBI with same SBI Version cannot be added.' },
  SBI_EXPIRED: { code: 'PMS_AUT_513', message: 'SBI for which device is being mapped is expired' },
  SWCREATEDDATE_SHOULD_BE_PAST_OR_TODAY: { code: 'PMS_AUT_514', message: 'The created date should be less than or equal to the current date.' },
  EXPIRYDATE_SHOULD_NOT_BE_GREATER_THAN_TEN_YEARS: { code: 'PMS_AUT_515', message: 'Expiry date should not be greater than %s years from today' },
  CREATEDDATE_SHOULD_NOT_BE_LESS_THAN_TEN_YEARS: { code: 'PMS_AUT_516', message: 'Created date should not be less than %s years from today' },
  SBI_ALREADY_APPROVED: { code: 'PMS_AUT_517', message: 'The selected SBI has been already approved' },
  SBI_ALREADY_REJECTED: { code: 'PMS_AUT_518', message: 'The selected SBI has been already rejected' },
} as const satisfies Record<string, ErrorDefinition>;
