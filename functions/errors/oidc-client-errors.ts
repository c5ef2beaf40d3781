import type { ErrorDefinition } from './pms-error.js';

/** MOSIP's OIDC client codes (partner ErrorCode and ApiAccessibleExceptionConstant, release-1.3.x, typos included). */
export const OIDC_CLIENT_ERRORS = {
  PARTNER_POLICY_TYPE_MISMATCH: { code: 'PMS_PRT_057', message: 'Policy Type Mismatch. Only Auth policy can be used to create OIDC Client.' },
  INVALID_PARTNERID: { code: 'PMS_PRT_058', message: "AuthPartner doesn't exists with this Id - %s." },
  INVALID_PARTNER_TYPE: { code: 'PMS_PRT_059', message: 'Only Auth_partner can Create OIDC Client. %s is not allowed to create OIDC Client.' },
  PARTNER_POLICY_MAPPING_NOT_EXISTS: { code: 'PMS_PRT_061', message: 'Partner policy mapping not exists.' },
  POLICY_NOT_EXIST: { code: 'PMS_PRT_073', message: 'Policy not exists.' },
  INVALID_INPUT_FORMAT: { code: 'PMS_PRT_099', message: "Invalid input for '%s'. Expected: %s." },
  PARTNER_NOT_ACTIVE: { code: 'PMS_PMP_016', message: 'Partner is not active.' },
  DUPLICATE_CLIENT: { code: 'PMS_ESI_001', message: 'Client public key already exists.' },
  PARTNER_POLICY_NOT_APPROVED: { code: 'PMS_ESI_002', message: 'Partner policy mapping is not approved. Please check mapping status.' },
  POLICY_HAVING_MANDATORY_AUTHS: { code: 'PMS_ESI_003', message: "Policy having mandatory auths. So client can't be created for the same." },
  CLIENT_NOT_EXISTS: { code: 'PMS_ESI_004', message: 'Client not exists with given id.' },
  PARTNER_HAVING_NO_CLAIMS: { code: 'PMS_ESI_005', message: 'Partner has no user claims' },
  PARTNER_HAVING_NO_ACRVALUES: { code: 'PMS_ESI_006', message: 'Partner has no Authentication Context Refrences' },
  FAILED_TO_PROCESS_JWK: { code: 'PMS_ESI_007', message: 'Failed to process the Public Key' },
  CLIENT_ALREADY_DEACTIVATED: { code: 'PMS_ESI_008', message: 'Client already deactivated.' },
  USER_ID_NOT_EXISTS: { code: 'PMS_CERTIFICATE_ERROR_002', message: 'User Id does not exists.' },
  OIDC_CLIENTS_FETCH_ERROR: { code: 'PMS_POLICY_ERROR_006', message: 'Error while fetching OIDC clients list.' },
  PARTNER_NOT_BELONGS_TO_THE_USER_CREATE_OIDC: {
    code: 'PMS_POLICY_ERROR_009',
    message: 'The given partner ID does not belong to the user.So unable to create OIDC client',
  },
  PARTNER_NOT_BELONGS_TO_THE_USER_UPDATE_OIDC: {
    code: 'PMS_POLICY_ERROR_010',
    message: 'The given partner ID does not belong to the user.So unable to update OIDC client details',
  },
  PARTNER_NOT_BELONGS_TO_THE_USER_GET_OIDC: {
    code: 'PMS_POLICY_ERROR_011',
    message: 'The given partner ID does not belong to the user.So unable to get OIDC client details',
  },
  /** FeatureAvailabilityUtil#validateOidcClientFeatureEnabled: here, eSignet is not configured (no esignetUrl). */
  OIDC_CLIENT_FEATURE_DISABLED: { code: 'PMS_FEATURE_002', message: 'OIDC client related features are not available in the current deployment.' },
  /** eSignet could not be reached (MOSIP's RestUtil: ApiAccessibleException). */
  API_NOT_ACCESSIBLE: { code: 'PMS_KKS_001', message: 'Error while accessing the API.Please check the logs.' },
  API_NULL_RESPONSE: { code: 'PMS_PRT_107', message: 'Responese from the api is null' },
  UNABLE_TO_PROCESS: { code: 'PMS_PRT_500', message: 'Unable to process the request.' },
} as const satisfies Record<string, ErrorDefinition>;

/** What MOSIP's controller says a client id must be (`mosip.pms.client.id.regex`), in its PMS_PRT_099 message. */
export const CLIENT_ID_EXPECTED =
  'Only alphanumeric characters (A–Z, a–z, 0–9), hyphens (-), and underscores (_) are allowed, with a maximum length of 100 characters';

/**
 * eSignet's ErrorConstants (v1.6.1) that its client-management API answers and PMS passes through; our own checks
 * answer the same codes before eSignet is called, so a refused request is never half-sent.
 */
export const ESIGNET_ERRORS = {
  INVALID_CLIENT_ID: { code: 'invalid_client_id', message: 'invalid_client_id' },
  INVALID_CLIENT_NAME: { code: 'invalid_client_name', message: 'invalid_client_name' },
  INVALID_LANGUAGE_CODE: { code: 'invalid_language_code', message: 'invalid_language_code' },
  INVALID_CLIENT_NAME_VALUE: { code: 'invalid_client_name_value', message: 'invalid_client_name_value' },
  INVALID_CLIENT_NAME_LENGTH: { code: 'invalid_client_name_length', message: 'invalid_client_name_length' },
  INVALID_URI: { code: 'invalid_uri', message: 'invalid_uri' },
  INVALID_RP_ID: { code: 'invalid_rp_id', message: 'invalid_rp_id' },
  INVALID_GRANT_TYPE: { code: 'invalid_grant_type', message: 'invalid_grant_type' },
  INVALID_REDIRECT_URI: { code: 'invalid_redirect_uri', message: 'invalid_redirect_uri' },
  INVALID_CLIENT_AUTH: { code: 'invalid_client_auth', message: 'invalid_client_auth' },
  INVALID_ACR: { code: 'invalid_acr', message: 'invalid_acr' },
  INVALID_CLAIM: { code: 'invalid_claim', message: 'invalid_claim' },
  INVALID_PUBLIC_KEY: { code: 'invalid_public_key', message: 'invalid_public_key' },
  INVALID_STATUS: { code: 'invalid_status', message: 'invalid_status' },
  DUPLICATE_CLIENT_ID: { code: 'duplicate_client_id', message: 'duplicate_client_id' },
  DUPLICATE_PUBLIC_KEY: { code: 'duplicate_public_key', message: 'duplicate_public_key' },
  INVALID_REQUEST: { code: 'invalid_request', message: 'invalid_request' },
  UNKNOWN_ERROR: { code: 'unknown_error', message: 'unknown_error' },
} as const satisfies Record<string, ErrorDefinition>;
