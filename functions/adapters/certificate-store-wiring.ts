import { wholeNumberFromEnv } from '../config/env.js';
import { cachedPmsCa } from '../domain/certificates/pms-ca-cache.js';
import type { CaUploadDeps, CertificateReadDeps, MinimumRemainingValidity, SelfRegisteredActivation } from '../domain/certificates/ports.js';
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
import { dynamoPartnerRepository } from './dynamodb/partner-repository.js';
import { dynamoPmsCaStore } from './dynamodb/pms-ca-store.js';
import { uuidIds } from './ids.js';
import { once } from './once.js';

/** The PMS CA as the deployment (or npm start) stored it, read once per container. */
const storedPmsCa = cachedPmsCa(async () => {
  const stored = await dynamoPmsCaStore(tableContext()).get();
  if (!stored) throw new Error('the PMS CA is not stored: the deployment (or npm start) creates it before the API serves');
  return stored;
});

/**
 * The certificate functions that never sign: the downloads and lists, and the CA certificate upload. The trust stores,
 * partner certificates and partners in the table, and the PMS CA read once per container. Kept apart from
 * certificate-wiring.ts (the signers, KMS on AWS) and wiring.ts (the personal-data protector, also KMS), so that these
 * functions bundle neither the KMS client nor the certificate issuer.
 */
export const certificateReadDeps = /* @__PURE__ */ once(
  (): CertificateReadDeps => ({
    certificates: dynamoCertificateRepository(tableContext()),
    partners: dynamoPartnerRepository(tableContext()),
    signing: { pmsCa: storedPmsCa },
    clock: systemClock,
  }),
);

/** A CA certificate upload: the trust stores and the minimum remaining validity from the environment. */
export const caUploadDeps = /* @__PURE__ */ once((): CaUploadDeps => {
  const { certificates, clock } = certificateReadDeps();
  return { certificates, clock, ids: uuidIds, minimumValidity: minimumValidityFromEnv() };
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
