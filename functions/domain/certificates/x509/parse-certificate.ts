import { createHash } from 'node:crypto';
import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import { PmsError } from '../../../errors/pms-error.js';
import { type BerElement, BerError } from './ber-reader.js';
import { sameBytes, toHex } from './bytes.js';
import { type RawExtension, readExtensions } from './certificate-extensions.js';
import {
  contextConstructed,
  contextPrimitive,
  DerReader,
  expectEnd,
  readBitString,
  readBoolean,
  readIntegerOctets,
  readObjectIdentifier,
  readOctetString,
  readSmallInteger,
  TAG,
} from './der-reader.js';
import { readTime } from './der-time.js';
import { readDistinguishedName } from './distinguished-name.js';
import type { DistinguishedName, ParsedCertificate } from './parsed-certificate.js';
import { describePublicKey, MalformedKeyError, type SubjectPublicKeyInfo } from './public-key.js';
import { refusal } from './refusal.js';

export { firstAttribute } from './distinguished-name.js';

/** Real certificates are a few KiB; a cap keeps one upload from costing a large parse (OWASP API4, resource consumption). */
export const MAX_CERTIFICATE_BYTES = 16 * 1024;

const VERSIONS: Record<number, ParsedCertificate['version']> = { 0: 1, 1: 2, 2: 3 };

/**
 * Parses one certificate strictly: canonical DER only (definite minimal lengths, no trailing bytes, minimal
 * integers, DEFAULT values left out...: the only valid encoding, so the thumbprints are those of that encoding), the
 * same signature algorithm outside and inside the signed part, no duplicate extensions, no critical extension we do
 * not process. Versions 1 and 2 parse (the upload rules refuse them with KER-PCM-007) but must not carry extensions.
 * Throws PmsError only.
 */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  try {
    return parseStrictly(der);
  } catch (error) {
    if (error instanceof PmsError) throw error;
    if (error instanceof MalformedKeyError) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `subject public key: ${error.message}`);
    if (error instanceof BerError) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `not an X.509 certificate: ${error.message}`);
    // The reader throws BerError only; anything else is a bug, but to the caller the data is still not a certificate.
    throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'not an X.509 certificate');
  }
}

function parseStrictly(der: Uint8Array): ParsedCertificate {
  if (der.length > MAX_CERTIFICATE_BYTES) throw refusal(CERTIFICATE_ERRORS.CERTIFICATE_TOO_LARGE, `${der.length} bytes, at most ${MAX_CERTIFICATE_BYTES}`);
  const ownDer = new Uint8Array(der);
  const reader = new DerReader(ownDer);
  const certificate = readCertificate(reader);
  if (reader.nonCanonical) throw refusal(CERTIFICATE_ERRORS.NOT_CANONICAL_DER, `the certificate is not DER: ${reader.nonCanonical}`);
  const { tbs, signatureAlgorithm } = certificate;
  if (!sameBytes(signatureAlgorithm.der, tbs.signature.der)) {
    throw refusal(CERTIFICATE_ERRORS.SIGNATURE_ALGORITHM_MISMATCH, `${signatureAlgorithm.oid} outside, ${tbs.signature.oid} inside`);
  }

  const version = VERSIONS[tbs.version];
  if (!version) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `unknown version value ${tbs.version}`);
  if (version < 3 && tbs.extensions) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `a version ${version} certificate cannot carry extensions`);
  if (version < 2 && tbs.hasUniqueIds) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'a version 1 certificate cannot carry unique identifiers');
  if (tbs.extensions?.length === 0) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'an empty extensions list');

  return {
    der: ownDer,
    tbsDer: new Uint8Array(tbs.der),
    version,
    serialNumberHex: toHex(tbs.serialNumber),
    subject: tbs.subject,
    issuer: tbs.issuer,
    notBefore: tbs.notBefore,
    notAfter: tbs.notAfter,
    signatureAlgorithmOid: signatureAlgorithm.oid,
    signatureAlgorithmParameters: signatureAlgorithm.parameters && new Uint8Array(signatureAlgorithm.parameters),
    signatureValue: new Uint8Array(certificate.signatureValue),
    publicKey: describePublicKey(tbs.subjectPublicKeyInfo),
    ...readExtensions(tbs.extensions ?? []),
    thumbprintSha1: createHash('sha1').update(ownDer).digest('hex'),
    thumbprintSha256: createHash('sha256').update(ownDer).digest('hex'),
  };
}

interface AlgorithmIdentifier {
  /** The whole AlgorithmIdentifier, to compare the outer one with the signed one. */
  der: Uint8Array;
  oid: string;
  /** The parameters' DER, null when absent (RSA-PSS needs them; a NULL and none are different encodings). */
  parameters: Uint8Array | null;
}

interface TbsCertificate {
  der: Uint8Array;
  /** The INTEGER value of the version field (0 for v1). */
  version: number;
  serialNumber: Uint8Array;
  signature: AlgorithmIdentifier;
  issuer: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
  subject: DistinguishedName;
  subjectPublicKeyInfo: SubjectPublicKeyInfo;
  hasUniqueIds: boolean;
  extensions: RawExtension[] | null;
}

/** Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING } (RFC 5280 §4.1) */
function readCertificate(reader: DerReader) {
  const [tbs, signatureAlgorithm, signatureValue, ...rest] = reader.childrenOf(reader.whole(), TAG.SEQUENCE, 'Certificate');
  expectEnd(rest, 'Certificate');
  return {
    tbs: readTbsCertificate(reader, tbs),
    signatureAlgorithm: readAlgorithmIdentifier(reader, signatureAlgorithm, 'signatureAlgorithm'),
    signatureValue: readWholeOctets(reader, signatureValue, 'signatureValue'),
  };
}

/**
 * TBSCertificate ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, serialNumber INTEGER, signature,
 * issuer Name, validity SEQUENCE { notBefore Time, notAfter Time }, subject Name, subjectPublicKeyInfo,
 * issuerUniqueID [1] IMPLICIT BIT STRING OPTIONAL, subjectUniqueID [2] IMPLICIT BIT STRING OPTIONAL,
 * extensions [3] EXPLICIT Extensions OPTIONAL }
 */
function readTbsCertificate(reader: DerReader, element: BerElement | undefined): TbsCertificate {
  const fields = reader.childrenOf(element, TAG.SEQUENCE, 'TBSCertificate');
  let version = 0;
  if (fields[0]?.tag === contextConstructed(0)) {
    const [value, ...rest] = reader.children(fields.shift()!);
    expectEnd(rest, 'version');
    version = readSmallInteger(reader, value, 'version');
    if (version === 0) reader.note('version v1 is the DEFAULT and is not encoded in DER');
  }
  const [serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, ...optional] = fields;
  const [notBefore, notAfter, ...more] = reader.childrenOf(validity, TAG.SEQUENCE, 'validity');
  expectEnd(more, 'validity');

  let hasUniqueIds = false;
  for (const [number, what] of [
    [1, 'issuerUniqueID'],
    [2, 'subjectUniqueID'],
  ] as const) {
    if (optional[0]?.tag !== contextPrimitive(number)) continue;
    readWholeOctets(reader, optional.shift(), what, contextPrimitive(number));
    hasUniqueIds = true;
  }
  let extensions: RawExtension[] | null = null;
  if (optional[0]?.tag === contextConstructed(3)) {
    const [list, ...rest] = reader.children(optional.shift()!);
    expectEnd(rest, 'extensions');
    extensions = reader.childrenOf(list, TAG.SEQUENCE, 'extensions').map((extension) => readExtension(reader, extension));
  }
  expectEnd(optional, 'TBSCertificate');

  return {
    der: reader.encoding(element!),
    version,
    serialNumber: readIntegerOctets(reader, serialNumber, 'serialNumber'),
    signature: readAlgorithmIdentifier(reader, signature, 'signature'),
    issuer: readDistinguishedName(reader, issuer, 'issuer'),
    notBefore: readTime(reader, notBefore, 'notBefore'),
    notAfter: readTime(reader, notAfter, 'notAfter'),
    subject: readDistinguishedName(reader, subject, 'subject'),
    subjectPublicKeyInfo: readSubjectPublicKeyInfo(reader, subjectPublicKeyInfo),
    hasUniqueIds,
    extensions,
  };
}

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL } */
function readAlgorithmIdentifier(reader: DerReader, element: BerElement | undefined, what: string): AlgorithmIdentifier {
  const [algorithm, parameters, ...rest] = reader.childrenOf(element, TAG.SEQUENCE, what);
  expectEnd(rest, what);
  return {
    der: reader.encoding(element!),
    oid: readObjectIdentifier(reader, algorithm, `${what} algorithm`),
    parameters: parameters ? reader.encoding(reader.anyValue(parameters)) : null,
  };
}

/** SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING } */
function readSubjectPublicKeyInfo(reader: DerReader, element: BerElement | undefined): SubjectPublicKeyInfo {
  const [algorithm, key, ...rest] = reader.childrenOf(element, TAG.SEQUENCE, 'subjectPublicKeyInfo');
  expectEnd(rest, 'subjectPublicKeyInfo');
  const { oid, parameters } = readAlgorithmIdentifier(reader, algorithm, 'subjectPublicKeyInfo algorithm');
  const spkiDer = new Uint8Array(reader.encoding(element!));
  return {
    spkiDer,
    algorithm: oid,
    parameters: parameters && new Uint8Array(parameters),
    key: new Uint8Array(readWholeOctets(reader, key, 'subjectPublicKey')),
  };
}

/** Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
function readExtension(reader: DerReader, element: BerElement): RawExtension {
  const [extnID, ...fields] = reader.childrenOf(element, TAG.SEQUENCE, 'an extension');
  let critical = false;
  if (fields[0]?.tag === TAG.BOOLEAN) {
    critical = readBoolean(reader, fields.shift(), 'critical');
    if (!critical) reader.note('critical FALSE is the DEFAULT and is not encoded in DER');
  }
  const value = readOctetString(reader, fields.shift(), 'extnValue');
  expectEnd(fields, 'an extension');
  return { extnID: readObjectIdentifier(reader, extnID, 'extnID'), critical, value: new Uint8Array(value) };
}

/** A BIT STRING that holds whole octets (a signature, a unique identifier): DER leaves no unused bits. */
function readWholeOctets(reader: DerReader, element: BerElement | undefined, what: string, tag: number = TAG.BIT_STRING): Uint8Array {
  const { unusedBits, bytes } = readBitString(reader, element, what, tag);
  if (unusedBits !== 0) reader.note(`${what} has unused bits`);
  return bytes;
}
