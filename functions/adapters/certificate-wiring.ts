import { wholeNumberFromEnv } from '../config/env.js';
import { cachedPmsCa } from '../domain/certificates/pms-ca.js';
import type { CertificateDeps, MinimumRemainingValidity, SelfRegisteredActivation } from '../domain/certificates/ports.js';
import type { ChipCertificateDeps } from '../domain/ftm-chips/ports.js';
import { systemClock } from '../domain/ports.js';
import {
  DEFAULT_MINIMUM_VALIDITY,
  DEFAULT_SELF_REGISTERED_ACTIVATION,
  MINIMUM_VALIDITY_ENV,
  MINIMUM_VALIDITY_RANGES,
  SELF_REGISTERED_ACTIVATION_ENV,
  selfRegisteredActivationSetting,
} from './certificate-upload-settings.js';
import { dynamoCertificateRepository } from './dynamodb/certificate-repository.js';
import { tableContext } from './dynamodb/client.js';
import { dynamoPmsCaStore } from './dynamodb/pms-ca-store.js';
import { uuidIds } from './ids.js';
import { pmsSigners } from './signing/signers-from-env.js';
import { ftmChipDeps, once, partnerDeps } from './wiring.js';

/**
 * Certificates: the trust stores and partner certificates in the table; the PMS CA read once per container; the
 * issuing CA's signer from the environment (KMS key id on AWS, the key file in the data directory locally); the
 * uploads' minimum remaining validity from the environment. Kept apart from wiring.ts so that only the certificate
 * functions bundle the KMS client.
 */
export const certificateDeps = once((): CertificateDeps => {
  const minimumValidity = minimumValidityFromEnv();
  const selfRegisteredActivation = selfRegisteredActivationFromEnv();
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
    minimumValidity,
    selfRegisteredActivation,
  };
});

/** An FTM chip certificate upload: the chips, and the trust stores, signer and minimums of certificate uploads. */
export const chipCertificateDeps = once((): ChipCertificateDeps => {
  const { certificates, signing, minimumValidity } = certificateDeps();
  return { ...ftmChipDeps(), certificates, signing, minimumValidity };
});

/** `CA_CERT_MIN_VALIDITY_MONTHS` and `PARTNER_CERT_MIN_VALIDITY_DAYS`, MOSIP's defaults when unset; a bad value stops the start. */
export function minimumValidityFromEnv(env: NodeJS.ProcessEnv = process.env): MinimumRemainingValidity {
  const setting = (key: keyof MinimumRemainingValidity) =>
    wholeNumberFromEnv(MINIMUM_VALIDITY_ENV[key], DEFAULT_MINIMUM_VALIDITY[key], MINIMUM_VALIDITY_RANGES[key], env);
  return { caMonths: setting('caMonths'), partnerDays: setting('partnerDays') };
}

/** `SELF_REGISTERED_PARTNER_ACTIVATION`, `by-partner-admin` when unset or empty; another value stops the start. */
export function selfRegisteredActivationFromEnv(env: NodeJS.ProcessEnv = process.env): SelfRegisteredActivation {
  const value = env[SELF_REGISTERED_ACTIVATION_ENV];
  return value ? selfRegisteredActivationSetting(SELF_REGISTERED_ACTIVATION_ENV, value) : DEFAULT_SELF_REGISTERED_ACTIVATION;
}
