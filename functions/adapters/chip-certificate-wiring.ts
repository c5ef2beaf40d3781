import type { ChipCertificateDeps } from '../domain/ftm-chips/ports.js';
import { certificateDeps } from './certificate-wiring.js';
import { once } from './once.js';
import { ftmChipDeps } from './wiring.js';

/**
 * An FTM chip certificate upload: the chips, and the trust stores, signer and minimums of certificate uploads. Apart
 * from certificate-wiring.ts so that a partner certificate upload does not bundle wiring.ts's adapters.
 */
export const chipCertificateDeps = /* @__PURE__ */ once((): ChipCertificateDeps => {
  const { certificates, signing, minimumValidity } = certificateDeps();
  return { ...ftmChipDeps(), certificates, signing, minimumValidity };
});
