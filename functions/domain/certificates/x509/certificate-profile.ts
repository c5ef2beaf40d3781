import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import { checkAlgorithmsAndKey } from './algorithm-policy.js';
import type { ParsedCertificate } from './parsed-certificate.js';
import { refusal } from './refusal.js';

/** RFC 5280 §4.1.2.2: conforming CAs MUST NOT use serial numbers longer than 20 octets. */
const MAX_SERIAL_OCTETS = 20;

/**
 * What every certificate of an upload and of a path must be, whatever its role: a positive serial number of at most
 * 20 octets (KER-PCM-119), then the algorithm and key policy. Parsing stays lenient about these, so a certificate
 * stored before a rule existed can still be read and listed; it only stops validating.
 */
export function checkCertificateProfile(cert: ParsedCertificate): void {
  checkSerialNumber(cert);
  checkAlgorithmsAndKey(cert);
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
