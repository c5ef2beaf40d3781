import type { PartnerDomain } from './partner-domains.js';

/** A root or intermediate CA certificate in a domain's trust store (MOSIP ca_cert_store). */
export interface CaCertificate {
  certId: string;
  partnerDomain: PartnerDomain;
  caCertificateType: 'ROOT' | 'INTERMEDIATE';
  /** The certificate that issued it: itself for a root. */
  issuerId: string;
  /** Subject and issuer in MOSIP's formatCertificateDN order. */
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  /** SHA-1 of the DER, lower-case hex: MOSIP's duplicate key and the thumbprint it lists. */
  thumbprintSha1: string;
  thumbprintSha256: string;
  serialNumber: string;
  pem: string;
  uploadedBy: string;
  uploadTime: string;
}

/** An uploaded end-entity certificate and the certificate PMS issued for it (MOSIP partner_cert_store). */
export interface UploadedCertificate {
  subject: string;
  issuer: string;
  /** Validity and thumbprint of the uploaded (CA-signed) certificate. */
  notBefore: string;
  notAfter: string;
  thumbprintSha256: string;
  /** The uploaded certificate and the MOSIP-signed one, PEM. */
  originalPem: string;
  signedPem: string;
  signedNotAfter: string;
  uploadedBy: string;
  uploadTime: string;
}

/** One upload of a partner's own certificate. Every upload keeps its own record; the partner names the current one. */
export interface PartnerCertificate extends UploadedCertificate {
  certId: string;
  partnerId: string;
  partnerDomain: PartnerDomain;
}

/**
 * When a partner's certificate stops serving: the earlier of its own expiry and that of the certificate PMS issued
 * for it (which IDA uses, valid a year from upload). Its expiry calendar entry and its notices use this.
 */
export function partnerCertificateExpiry(cert: Pick<PartnerCertificate, 'notAfter' | 'signedNotAfter'>): string {
  // biome-ignore lint/complexity/useMathMinMax: ISO-8601 strings, compared as text.
  return cert.signedNotAfter < cert.notAfter ? cert.signedNotAfter : cert.notAfter;
}

/** The uploaded and the MOSIP-signed certificate, each replaced by "" with its flag set once expired (PartnerHelper#populateCertificateExpiryState). */
export function certificatePair(record: UploadedCertificate, now: Date) {
  const at = now.toISOString();
  const caSignedExpired = record.notAfter < at;
  const mosipSignedExpired = record.signedNotAfter < at;
  return {
    caSignedCertificateData: caSignedExpired ? '' : record.originalPem,
    isCaSignedCertificateExpired: caSignedExpired,
    mosipSignedCertificateData: mosipSignedExpired ? '' : record.signedPem,
    isMosipSignedCertificateExpired: mosipSignedExpired,
  };
}
