import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import { checkAlgorithmsAndKey } from './algorithm-policy.js';
import { OID } from './object-identifiers.js';
import type { ParsedCertificate } from './parsed-certificate.js';
import { refusal } from './refusal.js';

/** RFC 5280 §4.1.2.2: conforming CAs MUST NOT use serial numbers longer than 20 octets. */
export const MAX_SERIAL_OCTETS = 20;

/**
 * What every certificate of an upload and of a path must be, whatever its role: a positive serial number of at most
 * 20 octets (KER-PCM-119), authority and subject key identifiers not marked critical (KER-PCM-122, RFC 5280
 * §4.2.1.1 and §4.2.1.2: conforming CAs MUST mark them non-critical), no name or policy constraints (KER-PCM-123,
 * KER-PCM-124), a critical subjectAltName when the subject is empty (KER-PCM-126, §4.2.1.6), then the algorithm and
 * key policy. Parsing stays lenient about these, so a certificate stored before a rule existed can still be read and
 * listed; it only stops validating.
 */
export function checkCertificateProfile(cert: ParsedCertificate): void {
  checkSerialNumber(cert);
  checkKeyIdentifiersNotCritical(cert);
  checkNoConstraints(cert);
  checkEmptySubjectNamedElsewhere(cert);
  checkAlgorithmsAndKey(cert);
}

/**
 * Our profile refuses name and policy constraints, critical or not, instead of processing them: MOSIP's partner
 * trust domains use unconstrained CAs, a partial implementation of the name forms would be a false accept waiting to
 * happen, and ignoring a non-critical one trusts a constrained CA as unconstrained. policyConstraints is the only
 * policy extension that can make a path fail (requireExplicitPolicy); certificatePolicies, policyMappings and
 * inhibitAnyPolicy only shape the policy tree, which PMS does not use, so non-critical ones pass.
 */
function checkNoConstraints(cert: ParsedCertificate): void {
  if (cert.extensionIds.includes(OID.nameConstraints)) {
    throw refusal(CERTIFICATE_ERRORS.NAME_CONSTRAINTS_NOT_SUPPORTED, `${cert.subject.text}: nameConstraints`);
  }
  if (cert.extensionIds.includes(OID.policyConstraints)) {
    throw refusal(CERTIFICATE_ERRORS.POLICY_CONSTRAINTS_NOT_SUPPORTED, `${cert.subject.text}: policyConstraints`);
  }
}

/** RFC 5280 §4.2.1.6: when the subject is an empty sequence, the identity is in subjectAltName, which MUST be critical. */
function checkEmptySubjectNamedElsewhere(cert: ParsedCertificate): void {
  if (cert.subject.attributes.length > 0 || cert.criticalExtensions.includes(OID.subjectAltName)) return;
  const found = cert.extensionIds.includes(OID.subjectAltName) ? 'a non-critical subjectAltName' : 'no subjectAltName';
  throw refusal(
    CERTIFICATE_ERRORS.EMPTY_SUBJECT_WITHOUT_CRITICAL_ALT_NAME,
    `a certificate issued by ${cert.issuer.text || 'an empty name'} has an empty subject and ${found}`,
  );
}

const KEY_IDENTIFIERS: Record<string, string> = {
  [OID.authorityKeyIdentifier]: 'authorityKeyIdentifier',
  [OID.subjectKeyIdentifier]: 'subjectKeyIdentifier',
};

function checkKeyIdentifiersNotCritical(cert: ParsedCertificate): void {
  const critical = cert.criticalExtensions.find((oid) => KEY_IDENTIFIERS[oid]);
  if (critical) throw refusal(CERTIFICATE_ERRORS.CRITICAL_KEY_IDENTIFIER, `${cert.subject.text}: ${KEY_IDENTIFIERS[critical]} is marked critical`);
}

/** serialNumberHex holds the INTEGER's content octets, sign octet included, as the 20-octet limit counts them. */
function checkSerialNumber(cert: ParsedCertificate): void {
  const octets = Buffer.from(cert.serialNumberHex, 'hex');
  const problem =
    octets.length > MAX_SERIAL_OCTETS
      ? `${octets.length} octets, at most ${MAX_SERIAL_OCTETS}`
      : octets[0]! & 0x80
        ? 'negative'
        : octets.every((octet) => octet === 0)
          ? 'zero'
          : null;
  if (problem) throw refusal(CERTIFICATE_ERRORS.INVALID_SERIAL_NUMBER, `${cert.subject.text}: serial number ${cert.serialNumberHex} is ${problem}`);
}
