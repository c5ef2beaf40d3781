import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import { type BerElement, BerError, childrenOf, readWholeElement } from './ber-reader.js';
import { sameBytes } from './bytes.js';
import { derElement } from './der-writer.js';
import { pemText } from './pem.js';
import { refusal } from './refusal.js';

const SEQUENCE = 0x30;
const SET = 0x31;
const INTEGER = 0x02;
const CONTEXT_0 = 0xa0;
const CONTEXT_1 = 0xa1;
/** The DER of OBJECT IDENTIFIER 1.2.840.113549.1.7.2 (id-signedData). */
const SIGNED_DATA_OID = Uint8Array.of(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02);
/** The DER of OBJECT IDENTIFIER 1.2.840.113549.1.7.1 (id-data). */
const DATA_OID = Uint8Array.of(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01);
/** The DER of INTEGER 1 (CMSVersion v1). */
const VERSION_1 = Uint8Array.of(0x02, 0x01, 0x01);

/**
 * A "certs-only" CMS SignedData (RFC 5652 §5, degenerate: no content, no signers), MOSIP's P7B; certificates in the
 * given order, their bytes carried unchanged (they must be DER: parsed or stored ones are). Written by hand, not with
 * @peculiar/asn1-cms, so that the trust-path download does not bundle the ASN.1 packages (issue #18); the bytes are
 * the ones asn1-cms wrote (test/unit/stored-certificate.test.ts).
 */
export function encodeCertsOnlyPkcs7(ders: Uint8Array[]): Uint8Array {
  for (const [index, der] of ders.entries()) {
    let element: BerElement | undefined;
    try {
      element = readWholeElement(der);
    } catch (error) {
      if (!(error instanceof BerError)) throw error;
    }
    if (element?.tag !== SEQUENCE || der[1] === 0x80) throw new Error(`certificate ${index + 1} is not one DER SEQUENCE`);
  }
  const signedData = derElement(
    SEQUENCE,
    VERSION_1,
    derElement(SET), // digestAlgorithms
    derElement(SEQUENCE, DATA_OID), // encapContentInfo, no eContent
    derElement(CONTEXT_0, ...ders), // [0] IMPLICIT CertificateSet
    derElement(SET), // signerInfos
  );
  return derElement(SEQUENCE, SIGNED_DATA_OID, derElement(CONTEXT_0, signedData));
}

/**
 * The certificates of a certs-only SignedData, in order and byte for byte (so parseCertificate still sees a BER
 * certificate as BER). The bundle itself may be BER: MOSIP's keymanager (BouncyCastle) writes indefinite lengths.
 * A SignedData with signers is not a certificate bundle and is refused, as is any non-X.509 certificate choice.
 */
export function decodeCertsOnlyPkcs7(der: Uint8Array): Uint8Array[] {
  try {
    return certificatesOf(der);
  } catch (error) {
    if (error instanceof BerError) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `unreadable PKCS#7: ${error.message}`);
    throw error;
  }
}

/** RFC 7468's label for it; MOSIP's trust-path download writes no newline after the END line, and neither do we. */
export function pkcs7Pem(der: Uint8Array): string {
  return pemText('PKCS7', der);
}

function certificatesOf(der: Uint8Array): Uint8Array[] {
  const contentInfo = expectTag(readWholeElement(der), SEQUENCE, 'ContentInfo');
  const [contentType, content, ...extra] = childrenOf(der, contentInfo);
  if (!contentType || !sameBytes(der.subarray(contentType.start, contentType.end), SIGNED_DATA_OID)) throw notABundle('the content is not SignedData');
  if (!content || extra.length > 0) throw notABundle('ContentInfo has the wrong shape');
  const [signedData, ...more] = childrenOf(der, expectTag(content, CONTEXT_0, 'content'));
  if (!signedData || more.length > 0) throw notABundle('ContentInfo has the wrong shape');

  const fields = childrenOf(der, expectTag(signedData, SEQUENCE, 'SignedData'));
  const [version, digestAlgorithms, encapContentInfo] = fields;
  const signerInfos = fields.at(-1);
  if (fields.length < 4 || !version || !digestAlgorithms || !encapContentInfo || !signerInfos) throw notABundle('SignedData has the wrong shape');
  expectTag(version, INTEGER, 'SignedData version');
  expectTag(digestAlgorithms, SET, 'digestAlgorithms');
  expectTag(encapContentInfo, SEQUENCE, 'encapContentInfo');
  if (expectTag(signerInfos, SET, 'signerInfos').contentEnd !== signerInfos.contentStart)
    throw notABundle('it has signers: a signed message, not a certificate bundle');

  // Between encapContentInfo and signerInfos: [0] certificates, then [1] crls, each optional.
  const optional = fields.slice(3, -1);
  const certificates = optional[0]?.tag === CONTEXT_0 ? optional.shift() : undefined;
  if (optional.length > 1 || (optional[0] && optional[0].tag !== CONTEXT_1)) throw notABundle('SignedData has the wrong shape');
  if (!certificates) return [];
  return childrenOf(der, certificates).map((certificate, index) => {
    if (certificate.tag !== SEQUENCE) throw notABundle(`entry ${index + 1} is not an X.509 certificate`);
    return new Uint8Array(der.subarray(certificate.start, certificate.end));
  });
}

function expectTag(element: BerElement, tag: number, what: string): BerElement {
  if (element.tag !== tag) throw notABundle(`${what} has tag 0x${element.tag.toString(16)}`);
  return element;
}

function notABundle(detail: string) {
  return refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `PKCS#7: ${detail}`);
}
