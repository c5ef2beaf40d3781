import { createHash, createPublicKey, randomBytes, X509Certificate } from 'node:crypto';
import { CERTIFICATE_ERRORS } from '../../errors/certificate-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import type { CertificateSigner, SigningAlgorithm } from './signer.js';
import { BerError } from './x509/ber-reader.js';
import { MAX_SERIAL_OCTETS } from './x509/certificate-profile.js';
import { DerReader, expectEnd, readBitString, TAG } from './x509/der-reader.js';
import {
  derBitString,
  derBoolean,
  derElement,
  derIntegerOctets,
  derNamedBits,
  derNull,
  derObjectIdentifier,
  derOctetString,
  derPrintableString,
  derSequence,
  derSet,
  derSmallInteger,
  derTime,
  derUtf8String,
} from './x509/der-writer.js';
import { OID } from './x509/object-identifiers.js';
import { parseCertificate } from './x509/parse-certificate.js';

export type SubjectAttributeType = 'C' | 'ST' | 'L' | 'O' | 'OU' | 'CN';
export interface SubjectAttribute {
  type: SubjectAttributeType;
  value: string;
}
export type KeyUsageName = 'digitalSignature' | 'keyEncipherment' | 'keyCertSign' | 'cRLSign';

export interface CertificateToIssue {
  subject: SubjectAttribute[];
  subjectPublicKeyInfo: Uint8Array;
  /** DER of the issuing CA's certificate (its subject becomes our issuer, its SKI our AKI); absent = self-signed. */
  issuerCertificate?: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** Positive, at most 20 octets, minimally encoded (RFC 5280 §4.1.2.2). */
  serialNumber: Uint8Array;
  basicConstraints: { cA: boolean; pathLenConstraint?: number };
  keyUsage: KeyUsageName[];
}

/** The signer produced a certificate that does not verify: nothing may store it. */
export class CertificateSignatureError extends Error {
  constructor(detail: string) {
    super(`the issued certificate does not verify: ${detail}`);
    this.name = 'CertificateSignatureError';
  }
}

const ATTRIBUTE_OIDS: Record<SubjectAttributeType, string> = {
  C: '2.5.4.6',
  ST: '2.5.4.8',
  L: '2.5.4.7',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
};

/** RSA's parameters are NULL, ECDSA's absent (RFC 4055, 5758). */
const SIGNATURE_ALGORITHMS: Record<SigningAlgorithm, Uint8Array> = {
  RSASSA_PKCS1_V1_5_SHA_256: derSequence(derObjectIdentifier(OID.sha256WithRSAEncryption), derNull()),
  ECDSA_SHA_256: derSequence(derObjectIdentifier(OID.ecdsaWithSHA256)),
};

/** RFC 5280 §4.2.1.3 bit positions. */
const KEY_USAGE_BITS: Record<KeyUsageName, number> = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5, cRLSign: 6 };

const V3 = 2;

/** X.520 PrintableString; RFC 5280 requires it for countryName. */
const PRINTABLE_STRING = /^[A-Za-z0-9 '()+,\-./:=?]+$/;

/**
 * Builds the TBSCertificate (v3, SKI, AKI, BC critical, KU critical), signs SHA-256(TBS) with the signer, assembles
 * the certificate and verifies it with node:crypto against the issuer's public key before returning it; a signer that
 * produced a bad signature (e.g. a wrong ECDSA encoding) makes this throw instead of storing a corrupt certificate.
 *
 * The certificate is assembled here rather than by a certificate generator, so a signer's output goes into
 * signatureValue untouched: KMS's DER ECDSA signature is exactly the Ecdsa-Sig-Value X.509 expects, and no
 * DER-to-P1363 conversion is needed (@peculiar/x509's generator slices raw r‖s from the signature, so a DER
 * signature gives it a silently corrupt certificate). Times are whole seconds.
 */
export async function issueCertificate(request: CertificateToIssue, signer: CertificateSigner): Promise<Uint8Array> {
  assertSerialNumber(request.serialNumber);
  const validity = { notBefore: wholeSeconds(request.notBefore), notAfter: wholeSeconds(request.notAfter) };
  if (!(validity.notBefore < validity.notAfter)) throw new Error('notBefore must be before notAfter');
  const subjectKeyId = keyIdentifier(subjectPublicKeyOf(request.subjectPublicKeyInfo));
  const issuer = request.issuerCertificate ? issuerOf(request.issuerCertificate, validity) : { name: nameOf(request.subject), keyId: subjectKeyId };
  const signatureAlgorithm = SIGNATURE_ALGORITHMS[signer.algorithm];

  const tbsCertificate = derSequence(
    derElement(0xa0, derSmallInteger(V3)),
    derIntegerOctets(request.serialNumber),
    signatureAlgorithm,
    issuer.name,
    derSequence(derTime(validity.notBefore), derTime(validity.notAfter)),
    nameOf(request.subject),
    request.subjectPublicKeyInfo,
    derElement(
      0xa3,
      derSequence(
        extension(OID.basicConstraints, true, basicConstraints(request.basicConstraints)),
        extension(OID.keyUsage, true, keyUsage(request.keyUsage)),
        extension(OID.subjectKeyIdentifier, false, derOctetString(subjectKeyId)),
        extension(OID.authorityKeyIdentifier, false, derSequence(derElement(0x80, issuer.keyId))),
      ),
    ),
  );
  const signatureValue = await signer.signDigest(createHash('sha256').update(tbsCertificate).digest());
  const der = derSequence(tbsCertificate, signatureAlgorithm, derBitString(signatureValue));
  verifyIssued(der, request.issuerCertificate);
  return der;
}

/** 16 random bytes (126 random bits), positive and minimally encoded: the top bits are fixed to 01. */
export function randomSerialNumber(): Uint8Array {
  const serial = new Uint8Array(randomBytes(16));
  serial[0] = (serial[0]! & 0x3f) | 0x40;
  return serial;
}

function assertSerialNumber(serial: Uint8Array): void {
  const [first, second] = serial;
  if (first === undefined || serial.length > MAX_SERIAL_OCTETS) throw new Error(`a serial number has 1 to ${MAX_SERIAL_OCTETS} octets`);
  if (first & 0x80) throw new Error('a serial number must be positive');
  if (first === 0 && (second === undefined || (second & 0x80) === 0)) throw new Error('a serial number must be non-zero and minimally encoded');
}

/**
 * The subjectPublicKey bits of an SPKI that goes into the certificate byte for byte: it must be a key node:crypto
 * reads, in canonical DER.
 */
function subjectPublicKeyOf(spki: Uint8Array): Uint8Array {
  createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  const reader = new DerReader(spki);
  try {
    const [algorithm, key, ...rest] = reader.childrenOf(reader.whole(), TAG.SEQUENCE, 'SubjectPublicKeyInfo');
    expectEnd(rest, 'SubjectPublicKeyInfo');
    for (const part of reader.childrenOf(algorithm, TAG.SEQUENCE, 'algorithm')) reader.anyValue(part);
    const { unusedBits, bytes } = readBitString(reader, key, 'subjectPublicKey');
    if (unusedBits !== 0 || reader.nonCanonical) throw new BerError('not DER');
    return bytes;
  } catch (error) {
    if (!(error instanceof BerError)) throw error;
    throw new Error('the SubjectPublicKeyInfo is not canonical DER');
  }
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's value. */
function keyIdentifier(subjectPublicKey: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(subjectPublicKey).digest());
}

/** The issuer's name (its subject's DER) and key identifier (its SKI, else computed from its key). */
function issuerOf(issuerDer: Uint8Array, validity: { notBefore: Date; notAfter: Date }): { name: Uint8Array; keyId: Uint8Array } {
  const issuer = parseCertificate(issuerDer);
  // A certificate valid past its issuer stops validating when the issuer expires: renew the CA instead (rotation runbook).
  if (validity.notBefore < issuer.notBefore || validity.notAfter > issuer.notAfter) {
    throw new Error(
      `the certificate's validity (${validity.notBefore.toISOString()} to ${validity.notAfter.toISOString()}) falls outside its issuer's (${issuer.notBefore.toISOString()} to ${issuer.notAfter.toISOString()})`,
    );
  }
  const keyId = issuer.subjectKeyIdentifier ? Buffer.from(issuer.subjectKeyIdentifier, 'hex') : keyIdentifier(subjectPublicKeyOf(issuer.publicKey.spkiDer));
  return { name: issuer.subject.der, keyId: new Uint8Array(keyId) };
}

/**
 * One attribute per RDN, in the given order; countryName as PrintableString, everything else as UTF8String. The
 * values come from the partner's certificate, so one that cannot be encoded is the partner's error.
 */
function nameOf(attributes: SubjectAttribute[]): Uint8Array {
  if (attributes.length === 0) throw new Error('a certificate needs a subject');
  return derSequence(
    ...attributes.map(({ type, value }) => {
      if (value.length === 0) throw new PmsError(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, ` Empty ${type} in the subject.`);
      if (type === 'C' && !PRINTABLE_STRING.test(value))
        throw new PmsError(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, ' The subject country is not a PrintableString.');
      return derSet(derSequence(derObjectIdentifier(ATTRIBUTE_OIDS[type]), type === 'C' ? derPrintableString(value) : derUtf8String(value)));
    }),
  );
}

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL } */
function basicConstraints({ cA, pathLenConstraint }: CertificateToIssue['basicConstraints']): Uint8Array {
  return derSequence(...(cA ? [derBoolean(true)] : []), ...(pathLenConstraint === undefined ? [] : [derSmallInteger(pathLenConstraint)]));
}

function keyUsage(names: KeyUsageName[]): Uint8Array {
  if (names.length === 0) throw new Error('a certificate needs at least one key usage');
  return derNamedBits(names.map((name) => KEY_USAGE_BITS[name]));
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
function extension(oid: string, critical: boolean, value: Uint8Array): Uint8Array {
  return derSequence(derObjectIdentifier(oid), ...(critical ? [derBoolean(true)] : []), derOctetString(value));
}

/** Self-signed: the certificate's own key. Otherwise the issuer certificate must name, identify and allow it (keyCertSign). */
function verifyIssued(der: Uint8Array, issuerDer: Uint8Array | undefined): void {
  const certificate = new X509Certificate(der);
  const issuer = issuerDer ? new X509Certificate(issuerDer) : certificate;
  if (issuerDer && !certificate.checkIssued(issuer))
    throw new CertificateSignatureError('the issuer certificate does not match its issuer name or key identifier, or may not sign certificates');
  if (!certificate.verify(issuer.publicKey)) throw new CertificateSignatureError("the signature does not verify with the issuer's public key");
}

/** DER times carry whole seconds; comparing and encoding the truncated instants keeps both in step. */
function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
