import { CERTIFICATE_ERRORS } from '../../errors/certificate-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import type { ParsedCertificate } from './x509/parsed-certificate.js';
import { isValidAt } from './x509/path-validation.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * MOSIP's first two date rules for every upload, in its order: not future-dated (the UTC date of notBefore is not
 * after today's, KER-PMS-020), then valid now with inclusive bounds (KER-PCM-004).
 */
export function checkCurrentlyValid(cert: ParsedCertificate, now: Date): void {
  if (utcDate(cert.notBefore) > utcDate(now)) {
    throw new PmsError(CERTIFICATE_ERRORS.FUTURE_DATED_CERT_NOT_ALLOWED, ` (${cert.subject.text}: valid from ${cert.notBefore.toISOString()})`);
  }
  if (!isValidAt(cert, now)) {
    throw new PmsError(
      CERTIFICATE_ERRORS.CERTIFICATE_DATES_NOT_VALID,
      ` (${cert.subject.text}: valid ${cert.notBefore.toISOString()} to ${cert.notAfter.toISOString()})`,
    );
  }
}

/**
 * A CA certificate must stay valid for `months` more (MOSIP `...cacertificate.upload.minimumvalidity.month`),
 * counted in days as keymanager does: its expiry date is not before the date `months` from now.
 */
export function checkCaRemainingValidity(cert: ParsedCertificate, now: Date, months: number): void {
  const required = new Date(now);
  required.setUTCMonth(required.getUTCMonth() + months);
  if (utcDate(cert.notAfter) < utcDate(required)) {
    throw new PmsError(
      CERTIFICATE_ERRORS.CA_CERT_VALIDITY_TOO_SHORT,
      ` (${cert.subject.text}: expires ${cert.notAfter.toISOString()}, needs ${months} months)`,
    );
  }
}

/**
 * A partner certificate must stay valid for `days` more (KER-KMS-021; keymanager's issuer certificate duration,
 * 1 year, minus its 30-day grace).
 */
export function checkPartnerRemainingValidity(cert: ParsedCertificate, now: Date, days: number): void {
  if (cert.notAfter.getTime() - now.getTime() < days * DAY_MS) {
    throw new PmsError(
      CERTIFICATE_ERRORS.PARTNER_CERT_VALIDITY_TOO_SHORT,
      ` (${cert.subject.text}: expires ${cert.notAfter.toISOString()}, needs ${days} days)`,
    );
  }
}

function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
