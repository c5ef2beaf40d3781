import type { WholeNumberRange } from '../config/env.js';
import type { MinimumRemainingValidity } from '../domain/certificates/ports.js';

/**
 * The operator's minimum remaining validity of uploaded certificates, one environment variable each. The deployment
 * sets them on the two upload functions from CDK context; `npm start` passes the shell's through.
 */
export const MINIMUM_VALIDITY_ENV: Readonly<Record<keyof MinimumRemainingValidity, string>> = {
  caMonths: 'CA_CERT_MIN_VALIDITY_MONTHS',
  partnerDays: 'PARTNER_CERT_MIN_VALIDITY_DAYS',
};

/**
 * MOSIP's defaults: `mosip.kernel.partner.cacertificate.upload.minimumvalidity.month` (12), and keymanager's issuer
 * certificate duration (1 year, 365 days) minus its grace period (30 days) for partner certificates.
 */
export const DEFAULT_MINIMUM_VALIDITY: MinimumRemainingValidity = { caMonths: 12, partnerDays: 335 };

/** From 0 (any certificate valid now) up to 100 years. */
export const MINIMUM_VALIDITY_RANGES: Readonly<Record<keyof MinimumRemainingValidity, WholeNumberRange>> = {
  caMonths: { min: 0, max: 1200, unit: 'months' },
  partnerDays: { min: 0, max: 36525, unit: 'days' },
};
