import type { WholeNumberRange } from '../config/env.js';
import type { MinimumRemainingValidity, SelfRegisteredActivation } from '../domain/certificates/ports.js';

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

/** Who activates a self-registered partner: set on the partner certificate upload function. */
export const SELF_REGISTERED_ACTIVATION_ENV = 'SELF_REGISTERED_PARTNER_ACTIVATION';

/** A certificate is public: by default a partner admin, not its upload, makes a self-registered partner active. */
export const DEFAULT_SELF_REGISTERED_ACTIVATION: SelfRegisteredActivation = 'by-partner-admin';

const SELF_REGISTERED_ACTIVATIONS: readonly SelfRegisteredActivation[] = ['by-partner-admin', 'on-certificate-upload'];

/** The setting as `name` (a variable or a context key) gives it; anything else stops the start or the synth, naming it. */
export function selfRegisteredActivationSetting(name: string, value: unknown): SelfRegisteredActivation {
  if (SELF_REGISTERED_ACTIVATIONS.includes(value as SelfRegisteredActivation)) return value as SelfRegisteredActivation;
  throw new Error(`${name} must be ${SELF_REGISTERED_ACTIVATIONS.join(' or ')}, not ${JSON.stringify(value)}`);
}
