import { cachedPmsCa } from '../domain/certificates/pms-ca.js';
import type { CertificateDeps } from '../domain/certificates/ports.js';
import { systemClock } from '../domain/ports.js';
import { dynamoCertificateRepository } from './dynamodb/certificate-repository.js';
import { tableContext } from './dynamodb/client.js';
import { dynamoPmsCaStore } from './dynamodb/pms-ca-store.js';
import { uuidIds } from './ids.js';
import { pmsSigners } from './signing/signers-from-env.js';
import { once, partnerDeps } from './wiring.js';

/**
 * Certificates: the trust stores and partner certificates in the table; the PMS CA read once per container; the
 * issuing CA's signer from the environment (KMS key id on AWS, the key file in the data directory locally). Kept
 * apart from wiring.ts so that only the certificate functions bundle the KMS client.
 */
export const certificateDeps = once((): CertificateDeps => {
  const signers = pmsSigners();
  const pmsCa = cachedPmsCa(async () => {
    const stored = await dynamoPmsCaStore(tableContext()).get();
    if (!stored) throw new Error('the PMS CA is not stored: the deployment (or npm start) creates it before the API serves');
    return stored;
  });
  return {
    certificates: dynamoCertificateRepository(tableContext()),
    partners: partnerDeps().partners,
    signing: { pmsCa, issuingSigner: () => signers.issuing() },
    clock: systemClock,
    ids: uuidIds,
  };
});
