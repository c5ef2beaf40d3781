import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import { sameBytes } from './bytes.js';
import type { ParsedCertificate } from './parsed-certificate.js';
import { refusal } from './refusal.js';
import { verifySignedBy } from './signature-verification.js';

/**
 * What every issuer in a path and every uploaded CA must be: v3 (KER-PCM-007), cA=true (KER-PCM-104, RFC 5280
 * §4.2.1.9: without it the key MUST NOT verify certificate signatures) in a critical basicConstraints (KER-PCM-117,
 * §4.2.1.9: a CA whose key verifies certificate signatures MUST mark it critical) and, when it has keyUsage,
 * keyCertSign (KER-PCM-105), and a non-empty subject (KER-PCM-118, §4.1.2.6: a CA's subject MUST be non-empty;
 * names chain by their bytes, so an empty one would be the issuer of every certificate whose issuer is empty). A CA without keyUsage is accepted: RFC 5280 path validation (§6.1.4 (n)) checks keyCertSign only
 * when keyUsage is present, and so does MOSIP's keymanager (Java PKIX).
 */
export function checkCaCertificate(cert: ParsedCertificate): void {
  if (cert.version !== 3) throw refusal(CERTIFICATE_ERRORS.INVALID_CERT_VERSION, `${cert.subject.text}: version ${cert.version}, a CA must be version 3`);
  if (!cert.basicConstraints?.cA) {
    const found = cert.basicConstraints ? 'basicConstraints cA=false' : 'no basicConstraints';
    throw refusal(CERTIFICATE_ERRORS.NOT_A_CA_CERTIFICATE, `${cert.subject.text}: ${found}`);
  }
  if (!cert.basicConstraints.critical) {
    throw refusal(CERTIFICATE_ERRORS.CA_BASIC_CONSTRAINTS_NOT_CRITICAL, `${cert.subject.text}: basicConstraints cA=true is not critical`);
  }
  if (cert.keyUsage && !cert.keyUsage.keyCertSign) {
    throw refusal(CERTIFICATE_ERRORS.CA_KEY_USAGE_MISSING_KEY_CERT_SIGN, `${cert.subject.text}: keyUsage without keyCertSign`);
  }
  if (cert.subject.attributes.length === 0) throw refusal(CERTIFICATE_ERRORS.CA_SUBJECT_EMPTY, `a CA issued by ${cert.issuer.text || 'an empty name'}`);
}

/**
 * A partner certificate must not be able to issue certificates (KER-PCM-113, RFC 5280 §4.2.1.9 and §4.2.1.3), and an
 * extKeyUsage it carries names at least one purpose (KER-PCM-120, §4.2.1.12: KeyPurposeId SIZE (1..MAX); an empty
 * one is read differently by different verifiers, as "no purpose" or as "any purpose").
 */
export function checkEndEntityCertificate(cert: ParsedCertificate): void {
  if (cert.basicConstraints?.cA) throw refusal(CERTIFICATE_ERRORS.PARTNER_CERT_IS_CA, `${cert.subject.text}: basicConstraints cA=true`);
  if (cert.keyUsage?.keyCertSign) throw refusal(CERTIFICATE_ERRORS.PARTNER_CERT_IS_CA, `${cert.subject.text}: keyUsage keyCertSign`);
  if (cert.extendedKeyUsage?.length === 0) throw refusal(CERTIFICATE_ERRORS.EMPTY_EXTENDED_KEY_USAGE, `${cert.subject.text}: extKeyUsage lists no purpose`);
}

/**
 * A root (self-signed) certificate's authorityKeyIdentifier, when it has one, holds only its own subjectKeyIdentifier
 * (KER-PCM-125): RFC 5280 §4.2.1.1 lets a self-signed certificate omit it, and when present it identifies the key
 * that signed it, which is its own; an issuer name and serial number in it (§4.2.1.1's optional fields, the CA/Browser
 * Forum profile forbids them on roots) would point at a certificate above the root. Missing key identifiers are
 * accepted on roots and everywhere else: path validation (§6.1) does not need them and older real roots lack them.
 */
export function checkRootKeyIdentifiers(cert: ParsedCertificate): void {
  if (cert.authorityKeyIdentifierNamesIssuer) {
    throw refusal(CERTIFICATE_ERRORS.ROOT_AUTHORITY_KEY_IDENTIFIER_MISMATCH, `${cert.subject.text}: authorityKeyIdentifier names an issuer or serial number`);
  }
  if (cert.authorityKeyIdentifier !== null && cert.authorityKeyIdentifier !== cert.subjectKeyIdentifier) {
    throw refusal(
      CERTIFICATE_ERRORS.ROOT_AUTHORITY_KEY_IDENTIFIER_MISMATCH,
      `${cert.subject.text}: authorityKeyIdentifier ${cert.authorityKeyIdentifier}, subjectKeyIdentifier ${cert.subjectKeyIdentifier ?? '(none)'}`,
    );
  }
}

/** Issuer and subject are the same name and the certificate's own key verifies it (MOSIP checks only the latter). */
export function isSelfSigned(cert: ParsedCertificate): boolean {
  return isSelfIssued(cert) && verifySignedBy(cert, cert.publicKey);
}

/** RFC 5280 §3.2: issuer and subject are the same name (key rollover certificates are self-issued, not self-signed). */
export function isSelfIssued(cert: ParsedCertificate): boolean {
  return sameBytes(cert.issuer.der, cert.subject.der);
}
