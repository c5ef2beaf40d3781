import type { SigningAlgorithm } from '../../domain/certificates/signer.js';

/**
 * The environment variables naming the PMS CA's KMS keys. A function finds only the keys it may sign with: the CA
 * bootstrap both, certificate-signing routes the issuing key (lib/signing-keys.ts grants accordingly).
 */
export const PMS_CA_KEY_ENV = {
  root: 'PMS_ROOT_CA_KEY_ID',
  issuing: 'PMS_ISSUING_CA_KEY_ID',
} as const;

export type PmsCaKeyRole = keyof typeof PMS_CA_KEY_ENV;

/** The one algorithm the RSA_2048 CA keys sign with; IAM allows kms:Sign with nothing else. */
export const PMS_CA_SIGNING_ALGORITHM: SigningAlgorithm = 'RSASSA_PKCS1_V1_5_SHA_256';
