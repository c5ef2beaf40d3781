import { X509Certificate } from 'node:crypto';
import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import { firstAttribute } from './name-attributes.js';
import type { NameAttribute } from './parsed-certificate.js';
import { refusal } from './refusal.js';

/** What the certificate readers need of a certificate that PMS stored. */
export interface StoredCertificate {
  der: Uint8Array;
  /** The subject's CN as firstAttribute reads it (the last one encoded), unescaped; null without one. */
  commonName: string | null;
  notBefore: Date;
  notAfter: Date;
}

/**
 * Reads a stored certificate (PEM; the first one if there are several) with Node's X509Certificate (OpenSSL) rather
 * than parseCertificate: the readers need only the validity and the CN, and bundle no parser at all (issue #18).
 * Only for certificates that parseCertificate accepted on upload or that PMS issued: canonical DER, so `raw` is the
 * stored bytes, and string-typed names, which OpenSSL's name object gives unescaped as parseCertificate does. test/unit/stored-certificate.test.ts compares the two. Anything unreadable is KER-PCM-001, as parsing says.
 */
export function readStoredCertificate(pem: string): StoredCertificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'not an X.509 certificate');
  }
  // The legacy object's subject has one key per attribute type, with an array of the values in encoding order when
  // the type repeats.
  const values: string | string[] | undefined = certificate.toLegacyObject().subject?.CN;
  const attributes = [values ?? []].flat().map((value): NameAttribute => ({ oid: '2.5.4.3', shortName: 'CN', value }));
  return {
    der: new Uint8Array(certificate.raw),
    commonName: firstAttribute({ attributes }, 'CN'),
    notBefore: opensslTime(certificate.validFrom),
    notAfter: opensslTime(certificate.validTo),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** ASN1_TIME_print: "Dec  6 05:27:28 2026 GMT", a fraction of a second after the seconds if the time has one. */
const OPENSSL_TIME = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? (\d{4}) GMT$/;

/** The instant of an OpenSSL time text, to the millisecond (asn1js keeps no more); any other text is an error. */
function opensslTime(text: string): Date {
  const match = OPENSSL_TIME.exec(text);
  const month = match ? MONTHS.indexOf(match[1]!) : -1;
  if (!match || month < 0) throw new Error(`unexpected certificate time "${text}"`);
  const [, , day, hours, minutes, seconds, fraction, year] = match;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), month, Number(day));
  date.setUTCHours(Number(hours), Number(minutes), Number(seconds), Number((fraction ?? '').padEnd(3, '0').slice(0, 3)));
  return date;
}
