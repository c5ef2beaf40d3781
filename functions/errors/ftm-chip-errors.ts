import type { ErrorDefinition } from './pms-error.js';

/** The revamp's FTM codes (ErrorCode, release-1.3.x, typos included), and ours for the decisions MOSIP never refuses. */
export const FTM_CHIP_ERRORS = {
  FTM_CHIP_DETAILS_LIST_FETCH_ERROR: { code: 'PMS_FTM_ERROR_001', message: 'Error while fetching the FTM chip details' },
  DEACTIVATE_FTM_ERROR: { code: 'PMS_FTM_ERROR_003', message: 'Error while deactivating the FTM' },
  FTM_NOT_EXISTS: { code: 'PMS_FTM_ERROR_005', message: 'FTM Details do not exists.' },
  FTM_NOT_ASSOCIATED_WITH_USER: { code: 'PMS_FTM_ERROR_006', message: 'FTM is not associated with user.' },
  FTM_ALREADY_DEACTIVATED: { code: 'PMS_FTM_ERROR_007', message: 'The selected FTM is already deactivated.' },
  DOWNLOAD_CERTIFICATE_FTM_REJECTED_ERROR: { code: 'PMS_FTM_ERROR_008', message: 'Cannot download the certificate for a rejected FTM' },
  DOWNLOAD_CERTIFICATE_FTM_DEACTIVATED_ERROR: { code: 'PMS_FTM_ERROR_009', message: 'Cannot download the certificate for a deactivated FTM' },
  FTM_NOT_APPROVED: { code: 'PMS_FTM_ERROR_010', message: 'The selected FTM is not in an approved status.' },
  DOWNLOAD_CERTIFICATE_FTM_CERT_NOT_UPLOAD_ERROR: { code: 'PMS_FTM_ERROR_011', message: 'The certificate has not been uploaded for the given FTM' },
  UNABLE_TO_DOWNLOAD_ORIGINAL_FTM_CERTIFICATE: { code: 'PMS_FTM_ERROR_012', message: 'Unable to download original FTM certificate' },
  /** Ours: MOSIP decides a chip in any state, so it re-approves rejected chips and re-activates deactivated ones. */
  FTM_ALREADY_APPROVED: { code: 'PMS_FTM_ERROR_101', message: 'The selected FTM has already been approved.' },
  FTM_ALREADY_REJECTED: { code: 'PMS_FTM_ERROR_102', message: 'The selected FTM has already been rejected.' },
  /** Ours: MOSIP's legacy update changes an approved chip's make and model after its approval. */
  FTM_ALREADY_DECIDED: { code: 'PMS_FTM_ERROR_103', message: 'The make and model of an FTM can only be changed until it is approved or rejected.' },
} as const satisfies Record<string, ErrorDefinition>;

/** FoundationalTrustProviderErrorMessages: the legacy chip codes (PMP_AUT_*), typos and trailing space included. */
export const LEGACY_FTM_CHIP_ERRORS = {
  FTP_PROVIDER_NOT_EXISTS: { code: 'PMP_AUT_030', message: 'The FTP provider is either inactive or does not exist.' },
  FTP_CHIP_ID_NOT_EXISTS: { code: 'PMP_AUT_031', message: 'ftp chip id not exists.' },
  FTP_PROVIDER_MAKE_MODEL_EXISTS: { code: 'PMP_AUT_032', message: 'FTM Chip details already exists for the same make and model' },
  FTP_CERT_NOT_UPLOADED: { code: 'PMP_AUT_033', message: 'Certificate is not uploaded.' },
  FTP_CHIP_ID_PROVIDER_ID_NOT_MATCHED: { code: 'PMP_AUT_034', message: 'Ftp chip detail id and ftp provider id not mappped. ' },
  INVALID_FTP_CHIP_STATUS: {
    code: 'PMP_AUT_038',
    message: 'The certificate can only be uploaded for FTM that is either pending certificate upload or has an approved status.',
  },
  FTP_CHIP_DEACTIVATED: { code: 'PMP_AUT_039', message: 'FTM chip is deactivated.' },
} as const satisfies Record<string, ErrorDefinition>;
