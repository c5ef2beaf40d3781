import type { ErrorDefinition } from './pms-error.js';

/**
 * Certificate codes. MOSIP's keymanager codes (PartnerCertManagerErrorConstants) pass through PMS unchanged, so
 * clients already match on them. Our stricter RFC 5280 rules have no MOSIP code: they use KER-PCM-1xx, outside
 * MOSIP's range (001-020), so a client that matches the `KER-PCM-` prefix still files them as certificate errors.
 */
export const CERTIFICATE_ERRORS = {
  INVALID_CERTIFICATE: { code: 'KER-PCM-001', message: 'Invalid Certificate uploaded.' },
  CERTIFICATE_EXISTS: { code: 'KER-PCM-003', message: 'Certificate already exists in store.' },
  CERTIFICATE_DATES_NOT_VALID: { code: 'KER-PCM-004', message: 'Certificate Dates are not valid.' },
  ROOT_CA_NOT_FOUND: { code: 'KER-PCM-005', message: 'Root CA Certificate not found.' },
  ROOT_INTER_CA_NOT_FOUND: { code: 'KER-PCM-006', message: 'Root CA/Intermediate CA Certificates not found.' },
  INVALID_CERT_VERSION: { code: 'KER-PCM-007', message: 'Certificate version not supported.' },
  PARTNER_ORG_NOT_MATCH: { code: 'KER-PCM-008', message: 'Partner Organization Name not Matched.' },
  INVALID_CERTIFICATE_ID: { code: 'KER-PCM-010', message: 'Invalid Partner Certificate ID.' },
  INVALID_PARTNER_DOMAIN: { code: 'KER-PCM-011', message: 'Invalid Partner Domain.' },
  PARTNER_CERT_ID_NOT_FOUND: { code: 'KER-PCM-012', message: 'Partner Certificate not found for the given ID.' },
  CERT_KEY_NOT_ALLOWED: { code: 'KER-PCM-013', message: 'Partner Certificate Key Size is less than allowed size.' },
  CERT_SIGNATURE_ALGO_NOT_ALLOWED: { code: 'KER-PCM-014', message: 'Partner Certificate Signature algorithm not supported.' },
  SELF_SIGNED_CERT_NOT_ALLOWED: { code: 'KER-PCM-015', message: 'Self Signed Certificate not allowed as partner.' },
  CA_CERT_VALIDITY_TOO_SHORT: { code: 'KER-PCM-017', message: 'The CA Certificate validity is less than required minimum validity.' },
  CA_CERT_ID_NOT_FOUND: { code: 'KER-PMS-019', message: 'CA Certificate not found for the given ID.' },
  FUTURE_DATED_CERT_NOT_ALLOWED: { code: 'KER-PMS-020', message: 'Future Dated Certificate not allowed to upload.' },
  PARTNER_CERT_VALIDITY_TOO_SHORT: { code: 'KER-KMS-021', message: 'The PARTNER Certificate validity is less than required minimum validity' },
  CERTIFICATE_PARSING_ERROR: { code: 'KER-KMS-013', message: 'Certificate Parsing Error.' },
  // CryptomanagerErrorCode.INVALID_DATA, leading space included: keymanager's CA upload falls back to reading the
  // text as URL-safe base64, so text that is not, a PEM whose certificate cannot be read included, ends here.
  DATA_NOT_BASE64: { code: 'KER-CRY-003', message: ' input data is not base64 encoded' },

  // Ours: RFC 5280 and resource rules MOSIP's keymanager does not apply (docs/security.md, "Certificates").
  NOT_CANONICAL_DER: { code: 'KER-PCM-101', message: 'Certificate is not canonical DER (BER encoding, bad lengths or trailing bytes).' },
  CERTIFICATE_TOO_LARGE: { code: 'KER-PCM-102', message: 'Certificate data is larger than allowed.' },
  TOO_MANY_CERTIFICATES: { code: 'KER-PCM-103', message: 'Too many certificates in the uploaded data.' },
  NOT_A_CA_CERTIFICATE: { code: 'KER-PCM-104', message: 'A CA certificate must have basicConstraints with cA=true.' },
  CA_KEY_USAGE_MISSING_KEY_CERT_SIGN: { code: 'KER-PCM-105', message: 'A CA certificate with keyUsage must include keyCertSign.' },
  PATH_LENGTH_CONSTRAINT_EXCEEDED: { code: 'KER-PCM-106', message: "The certificate path is longer than an issuer's pathLenConstraint allows." },
  UNKNOWN_CRITICAL_EXTENSION: { code: 'KER-PCM-107', message: 'Certificate has a critical extension that is not supported.' },
  DUPLICATE_EXTENSION: { code: 'KER-PCM-108', message: 'Certificate has the same extension more than once.' },
  SIGNATURE_ALGORITHM_MISMATCH: { code: 'KER-PCM-109', message: 'Certificate signature algorithm differs from the one inside the signed part.' },
  INVALID_SIGNATURE: { code: 'KER-PCM-110', message: "Certificate signature does not verify with its issuer's key." },
  PATH_TOO_LONG: { code: 'KER-PCM-111', message: 'The certificate path is longer than allowed.' },
  VALIDATION_BUDGET_EXCEEDED: { code: 'KER-PCM-112', message: 'Certificate path validation needed more signature checks or candidate issuers than allowed.' },
  PARTNER_CERT_IS_CA: { code: 'KER-PCM-113', message: 'A partner certificate must not be a CA certificate (cA=true or keyCertSign).' },
  UNSUPPORTED_KEY_TYPE: { code: 'KER-PCM-114', message: 'Certificate key type is not supported (RSA >= 2048, EC P-256/P-384 or Ed25519).' },
  SUBJECT_COMMON_NAME_MISSING: { code: 'KER-PCM-115', message: 'Certificate subject must contain a CN.' },
  SINGLE_CERTIFICATE_EXPECTED: { code: 'KER-PCM-116', message: 'Exactly one certificate is expected in certificateData.' },
  CA_BASIC_CONSTRAINTS_NOT_CRITICAL: { code: 'KER-PCM-117', message: 'A CA certificate must mark basicConstraints critical.' },
  CA_SUBJECT_EMPTY: { code: 'KER-PCM-118', message: 'A CA certificate must have a non-empty subject.' },
  INVALID_SERIAL_NUMBER: { code: 'KER-PCM-119', message: 'Certificate serial number must be a positive integer of at most 20 octets.' },
  EMPTY_EXTENDED_KEY_USAGE: { code: 'KER-PCM-120', message: 'A partner certificate with extendedKeyUsage must list at least one purpose.' },
  RSA_MODULUS_NOT_WHOLE_OCTETS: { code: 'KER-PCM-121', message: 'Certificate RSA modulus length must be a multiple of 8 bits.' },
  CRITICAL_KEY_IDENTIFIER: { code: 'KER-PCM-122', message: 'Certificate authority and subject key identifiers must not be critical.' },
  NAME_CONSTRAINTS_NOT_SUPPORTED: { code: 'KER-PCM-123', message: 'Certificates with name constraints are not supported.' },
  POLICY_CONSTRAINTS_NOT_SUPPORTED: { code: 'KER-PCM-124', message: 'Certificates with policy constraints are not supported.' },
  ROOT_AUTHORITY_KEY_IDENTIFIER_MISMATCH: {
    code: 'KER-PCM-125',
    message: "A root certificate's authorityKeyIdentifier must be its own subjectKeyIdentifier, without issuer name or serial number.",
  },
  EMPTY_SUBJECT_WITHOUT_CRITICAL_ALT_NAME: { code: 'KER-PCM-126', message: 'A certificate with an empty subject must carry a critical subjectAltName.' },

  // Partner service (partner/constant/ErrorCode, release-1.3.x).
  CERTIFICATE_NOT_UPLOADED: { code: 'PMS_PRT_108', message: 'Certficate is not uploaded for the selected partner.' },
  POLICY_GROUP_NOT_MAPPED: { code: 'PMS_PRT_054', message: 'Policy group not mapped for given partner' },
  INVALID_INPUT_FORMAT: { code: 'PMS_PRT_099', message: "Invalid input for '%s'. Expected: %s." },
  PARTNER_CERTIFICATES_FETCH_ERROR: { code: 'PMS_CERTIFICATE_ERROR_001', message: 'Error while fetching partner certificates.' },
  USER_ID_NOT_EXISTS: { code: 'PMS_CERTIFICATE_ERROR_002', message: 'User Id does not exists.' },
  PARTNER_DOES_NOT_BELONG_TO_THE_USER: {
    code: 'PMS_CERTIFICATE_ERROR_007',
    message: 'The given partner ID does not belong to the user.So unable to get the original partner certificates',
  },
  CERTIFICATE_FETCH_ERROR: { code: 'PMS_CERTIFICATE_ERROR_008', message: 'Error while fetching certificate.' },
  DEACTIVATED_PARTNER_CERTIFICATE_DOWNLOAD_ERROR: {
    code: 'PMS_CERTIFICATE_ERROR_009',
    message: 'Unable to download the certificate for a deactivated partner',
  },
  TRUST_CERTIFICATES_FETCH_ERROR: { code: 'PMS_CERTIFICATE_ERROR_010', message: 'Error while fetching trust certificates.' },
  DOWNLOAD_TRUST_CERTIFICATE_ERROR: { code: 'PMS_CERTIFICATE_ERROR_011', message: 'Error while downloading trust certificates.' },
  CERTIFICATE_ID_EMPTY: { code: 'PMS_CERTIFICATE_ERROR_012', message: 'Certificate id is null or empty' },
} as const satisfies Record<string, ErrorDefinition>;
