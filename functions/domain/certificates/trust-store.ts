import type { CaCertificate } from './stored-certificates.js';
import { parseCertificateData } from './x509/certificate-data.js';
import type { ParsedCertificate } from './x509/parsed-certificate.js';
import type { TrustStore } from './x509/path-validation.js';

/** A stored CA certificate with its parsed form. */
export interface TrustedCertificate {
  record: CaCertificate;
  parsed: ParsedCertificate;
}

/** Parses stored CA certificates (they passed every rule when they were uploaded). */
export function trustedCertificates(records: readonly CaCertificate[]): TrustedCertificate[] {
  return records.map((record) => ({ record, parsed: parseCertificateData(record.pem)[0]! }));
}

/**
 * A domain's trust store for path validation: roots are the anchors, intermediates the candidates between. Dates
 * are checked by the path validation itself, so an expired root simply cannot complete a path.
 */
export function trustStoreOf(trusted: readonly TrustedCertificate[]): TrustStore {
  return {
    anchors: trusted.filter(({ record }) => record.caCertificateType === 'ROOT').map(({ parsed }) => parsed),
    intermediates: trusted.filter(({ record }) => record.caCertificateType === 'INTERMEDIATE').map(({ parsed }) => parsed),
  };
}

/** The stored record of a certificate on a validated path. */
export function recordOf(trusted: readonly TrustedCertificate[], cert: ParsedCertificate): CaCertificate | undefined {
  return trusted.find(({ parsed }) => parsed.thumbprintSha256 === cert.thumbprintSha256)?.record;
}
