import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import type { CertificateSigner } from '../../domain/certificates/signer.js';
import { loadOnce } from '../../domain/load-once.js';
import { PMS_CA_KEY_ENV, PMS_CA_SIGNING_ALGORITHM, type PmsCaKeyRole } from './ca-keys.js';
import { kmsSigner } from './kms-signer.js';
import { loadOrCreateLocalSigner } from './local-key-signer.js';

/** The PMS CA signers this function may use. Each is built on first use and kept. */
export interface PmsSigners {
  root(): Promise<CertificateSigner>;
  issuing(): Promise<CertificateSigner>;
}

type KmsClientSource = () => Pick<KMSClient, 'send'>;

let sharedKmsClient: KMSClient | undefined;
const containerKmsClient: KmsClientSource = () => (sharedKmsClient ??= new KMSClient({}));

/**
 * On AWS a CA key id in the environment (PMS_CA_KEY_ENV) selects KMS, and a function can sign with exactly the keys
 * it was given; otherwise PMS_DATA_DIR selects the local key files `<dataDir>/signing/{root,issuing}.pem`. The two are
 * never mixed: a function given only the issuing key id cannot sign with a local root key either.
 */
export function pmsSigners(env: NodeJS.ProcessEnv = process.env, kmsClient: KmsClientSource = containerKmsClient): PmsSigners {
  const signerFor = signerSource(env, kmsClient);
  return { root: loadOnce(() => signerFor('root')), issuing: loadOnce(() => signerFor('issuing')) };
}

function signerSource(env: NodeJS.ProcessEnv, kmsClient: KmsClientSource): (role: PmsCaKeyRole) => Promise<CertificateSigner> {
  const keyIds = { root: env[PMS_CA_KEY_ENV.root] || undefined, issuing: env[PMS_CA_KEY_ENV.issuing] || undefined };
  if (keyIds.root || keyIds.issuing) {
    return async (role) => {
      const keyId = keyIds[role];
      if (!keyId) throw new Error(`this function may not sign with the PMS ${role} CA key: ${PMS_CA_KEY_ENV[role]} is not set`);
      return kmsSigner(kmsClient(), keyId, PMS_CA_SIGNING_ALGORITHM);
    };
  }
  const dataDir = env.PMS_DATA_DIR || undefined;
  if (dataDir) return (role) => loadOrCreateLocalSigner(join(dataDir, 'signing'), role);
  return async () => {
    throw new Error(`no PMS CA signing key configured: set ${PMS_CA_KEY_ENV.issuing} (KMS key id) on AWS, or PMS_DATA_DIR (local key files)`);
  };
}
