import { id_ce_authorityKeyIdentifier, id_ce_subjectKeyIdentifier } from '@peculiar/asn1-x509';
import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import { checkAlgorithmsAndKey } from './algorithm-policy.js';
import type { ParsedCertificate } from './parsed-certificate.js';
import { refusal } from './refusal.js';

/** RFC 5280 §4.1.2.2: conforming CAs MUST NOT use serial numbers longer than 20 octets. */
const MAX_SERIAL_OCTETS = 20;

/**
 * What every certificate of an upload and of a path must be, whatever its role: a positive serial number of at most
 * 20 octets (KER-PCM-119), authority and subject key identifiers not marked critical (KER-PCM-122, RFC 5280
 * §4.2.1.1 and §4.2.1.2: conforming CAs MUST mark them non-critical), then the algorithm and key policy. Parsing stays lenient about these, so a certificate
 * stored before a rule existed can still be read and listed; it only stops validating.
 */
export function checkCertificateProfile(cert: ParsedCertificate): void {
  checkSerialNumber(cert);
  checkKeyIdentifiersNotCritical(cert);
  checkAlgorithmsAndKey(cert);
}

const KEY_IDENTIFIERS: Record<string, string> = {
  [id_ce_authorityKeyIdentifier]: 'authorityKeyIdentifier',
  [id_ce_subjectKeyIdentifier]: 'subjectKeyIdentifier',
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
