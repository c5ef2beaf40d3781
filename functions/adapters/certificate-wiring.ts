import type { CertificateDeps } from '../domain/certificates/ports.js';
import { caUploadDeps, certificateReadDeps, selfRegisteredActivationFromEnv } from './certificate-store-wiring.js';
import { once } from './once.js';
import { pmsSigners } from './signing/signers-from-env.js';

/**
 * The certificate uploads that re-sign with the PMS CA: the stores and settings of certificate-store-wiring.ts, and
 * the issuing CA's signer from the environment (KMS key id on AWS, the key file in the data directory locally). Only
 * the functions that sign import this module, so only they bundle the KMS client and the certificate issuer.
 */
export const certificateDeps = /* @__PURE__ */ once((): CertificateDeps => {
  const signers = pmsSigners();
  const { partners, signing } = certificateReadDeps();
  return {
    ...caUploadDeps(),
    partners,
    signing: { pmsCa: signing.pmsCa, issuingSigner: () => signers.issuing() },
    selfRegisteredActivation: selfRegisteredActivationFromEnv(),
  };
});
