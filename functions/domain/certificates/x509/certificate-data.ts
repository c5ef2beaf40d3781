import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import { type ErrorDefinition, PmsError } from '../../../errors/pms-error.js';
import { BerError, childrenOf, readElement } from './ber-reader.js';
import { parseCertificate } from './parse-certificate.js';
import type { ParsedCertificate } from './parsed-certificate.js';
import { decodeStrictBase64, pemBlocks } from './pem.js';
import { decodeCertsOnlyPkcs7 } from './pkcs7.js';
import { refusal } from './refusal.js';

export interface CertificateDataLimits {
  maxCertificates: number;
  /** Of the certificateData text, in UTF-8 bytes. */
  maxBytes: number;
}

export const DEFAULT_CERTIFICATE_DATA_LIMITS: CertificateDataLimits = { maxCertificates: 10, maxBytes: 1024 * 1024 };

/**
 * How the operation reports data that holds no readable certificate (KER-PCM-001 unless it says otherwise): MOSIP's
 * CA and partner uploads each answer in their own way, depending on how far their parser got.
 */
export interface UnreadableDataErrors {
  /** The text is neither base64 nor PEM, or a PEM block of it is not a readable certificate or P7B. */
  text: ErrorDefinition;
  /** Base64 whose bytes are neither a certificate nor a P7B. */
  der: ErrorDefinition;
}

export interface CertificateDataOptions extends CertificateDataLimits {
  unreadable: UnreadableDataErrors;
}

const UNREADABLE: UnreadableDataErrors = { text: CERTIFICATE_ERRORS.INVALID_CERTIFICATE, der: CERTIFICATE_ERRORS.INVALID_CERTIFICATE };

const OBJECT_IDENTIFIER = 0x06;

/**
 * What the API receives in `certificateData`: (a) PEM CERTIFICATE blocks, in the order given; (b) one PEM PKCS7
 * block; (c) base64 or base64url of a DER P7B or of one DER certificate. Only whitespace may surround PEM blocks, and
 * base64 is strict. The size cap (KER-PCM-102) is checked first and the certificate count (KER-PCM-103) before any
 * certificate is parsed. Whether one certificate or several are acceptable is the caller's rule.
 */
export function parseCertificateData(text: string, options: Partial<CertificateDataOptions> = {}): ParsedCertificate[] {
  const { maxCertificates, maxBytes, unreadable } = { ...DEFAULT_CERTIFICATE_DATA_LIMITS, unreadable: UNREADABLE, ...options };
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) throw refusal(CERTIFICATE_ERRORS.CERTIFICATE_TOO_LARGE, `certificateData has ${size} bytes, at most ${maxBytes}`);
  const data = text.trim();
  if (data.length === 0) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'certificateData is empty');

  if (data.startsWith('-----')) return reportedAs(unreadable.text, () => certificatesOf(dersOfPem(data, maxCertificates), maxCertificates));
  const der = decodeStrictBase64(data);
  if (!der) throw refusal(unreadable.text, 'neither PEM nor base64');
  return reportedAs(unreadable.der, () => certificatesOf(dersOfBase64(der), maxCertificates));
}

function certificatesOf(ders: Uint8Array[], maxCertificates: number): ParsedCertificate[] {
  if (ders.length === 0) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'certificateData holds no certificate');
  checkCount(ders.length, maxCertificates);
  return ders.map((der, index) => (ders.length === 1 ? parseCertificate(der) : parseNumbered(der, index, ders.length)));
}

/** An unreadable-data refusal (KER-PCM-001) under the operation's code, with the same detail; any other passes. */
function reportedAs<T>(definition: ErrorDefinition, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const invalid = CERTIFICATE_ERRORS.INVALID_CERTIFICATE;
    if (!(error instanceof PmsError) || error.code !== invalid.code || definition.code === invalid.code) throw error;
    throw new PmsError(definition, error.errors[0]!.message.slice(invalid.message.length));
  }
}

function dersOfPem(data: string, maxCertificates: number): Uint8Array[] {
  const blocks = pemBlocks(data);
  if (!blocks) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'only PEM blocks and whitespace are allowed');
  const labels = [...new Set(blocks.map((block) => block.label))];
  if (labels.length === 1 && labels[0] === 'CERTIFICATE') {
    checkCount(blocks.length, maxCertificates);
    return blocks.map((block, index) => {
      const der = decodeStrictBase64(block.body);
      if (!der) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `PEM block ${index + 1} is not base64`);
      return der;
    });
  }
  if (labels.length === 1 && labels[0] === 'PKCS7' && blocks.length === 1) {
    const der = decodeStrictBase64(blocks[0]!.body);
    if (!der) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'the PKCS7 block is not base64');
    return decodeCertsOnlyPkcs7(der);
  }
  throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `expected CERTIFICATE blocks or one PKCS7 block, got ${blocks.map((block) => block.label).join(', ')}`);
}

/** A P7B's ContentInfo starts with an OBJECT IDENTIFIER, a certificate with its TBSCertificate SEQUENCE. */
function dersOfBase64(der: Uint8Array): Uint8Array[] {
  let isPkcs7: boolean;
  try {
    const outer = readElement(der, 0);
    isPkcs7 = outer.constructed && childrenOf(der, outer)[0]?.tag === OBJECT_IDENTIFIER;
  } catch (error) {
    if (!(error instanceof BerError)) throw error;
    isPkcs7 = false; // not even BER: parseCertificate says so with its own detail
  }
  return isPkcs7 ? decodeCertsOnlyPkcs7(der) : [der];
}

function checkCount(count: number, maxCertificates: number): void {
  if (count > maxCertificates) throw refusal(CERTIFICATE_ERRORS.TOO_MANY_CERTIFICATES, `${count} certificates, at most ${maxCertificates}`);
}

/** The refusal says which certificate of the bundle it is about. */
function parseNumbered(der: Uint8Array, index: number, count: number): ParsedCertificate {
  try {
    return parseCertificate(der);
  } catch (error) {
    if (!(error instanceof PmsError)) throw error;
    const [{ code, message }] = error.errors as [{ code: string; message: string }];
    throw new PmsError({ code, message }, ` (certificate ${index + 1} of ${count})`);
  }
}
