import type { BerElement } from './ber-reader.js';
import { BerError } from './ber-reader.js';
import { isDerNull } from './bytes.js';
import { contextConstructed, DerReader, expectEnd, readObjectIdentifier, readSmallInteger, TAG } from './der-reader.js';
import { OID } from './object-identifiers.js';

export type HashName = 'sha256' | 'sha384' | 'sha512';

/** An allowed signature algorithm, as node:crypto needs it to verify; the key family must match the issuer's key. */
export type SignatureScheme =
  | { family: 'RSA'; padding: 'pkcs1'; hash: HashName }
  | { family: 'RSA'; padding: 'pss'; hash: HashName; saltLength: number }
  | { family: 'EC'; hash: HashName }
  | { family: 'Ed25519' };

const HASH_LENGTHS: Record<HashName, number> = { sha256: 32, sha384: 48, sha512: 64 };
const HASHES_BY_OID: Record<string, HashName> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

const RSA_PKCS1: Record<string, HashName> = {
  [OID.sha256WithRSAEncryption]: 'sha256',
  [OID.sha384WithRSAEncryption]: 'sha384',
  [OID.sha512WithRSAEncryption]: 'sha512',
};
const ECDSA: Record<string, HashName> = { [OID.ecdsaWithSHA256]: 'sha256', [OID.ecdsaWithSHA384]: 'sha384', [OID.ecdsaWithSHA512]: 'sha512' };

/** Names for the refusal detail, so a partner reads "sha1WithRSAEncryption" rather than an OID. */
const REFUSED_NAMES: Record<string, string> = {
  [OID.md2WithRSAEncryption]: 'md2WithRSAEncryption',
  [OID.md5WithRSAEncryption]: 'md5WithRSAEncryption',
  [OID.sha1WithRSAEncryption]: 'sha1WithRSAEncryption',
  [OID.sha224WithRSAEncryption]: 'sha224WithRSAEncryption',
  [OID.ecdsaWithSHA1]: 'ecdsa-with-SHA1',
  [OID.ecdsaWithSHA224]: 'ecdsa-with-SHA224',
  '1.2.840.10040.4.3': 'dsa-with-sha1',
  '2.16.840.1.101.3.4.3.1': 'dsa-with-sha224',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-sha256',
  '1.3.101.113': 'Ed448',
};

/**
 * The scheme of an allowed algorithm, or why it is not allowed: RSA PKCS#1 v1.5 and RSA-PSS with SHA-256/384/512,
 * ECDSA with SHA-256/384/512, Ed25519. Parameters must be what the RFCs prescribe (RFC 4055, 5758, 8410).
 */
export function signatureSchemeOf(oid: string, parameters: Uint8Array | null): SignatureScheme | { refused: string } {
  const pkcs1Hash = RSA_PKCS1[oid];
  if (pkcs1Hash) {
    // RFC 4055 §5 says NULL; some encoders leave the parameters out, which is harmless.
    if (parameters && !isDerNull(parameters)) return { refused: `${oid} with parameters other than NULL` };
    return { family: 'RSA', padding: 'pkcs1', hash: pkcs1Hash };
  }
  const ecdsaHash = ECDSA[oid];
  if (ecdsaHash) return parameters ? { refused: `${oid} with parameters` } : { family: 'EC', hash: ecdsaHash };
  if (oid === OID.ed25519) return parameters ? { refused: 'Ed25519 with parameters' } : { family: 'Ed25519' };
  if (oid === OID.rsassaPss) return pssScheme(parameters);
  return { refused: REFUSED_NAMES[oid] ?? oid };
}

/**
 * RSASSA-PSS (RFC 4055 §3.1) with the same SHA-2 hash for the message and MGF1, a salt as long as the hash (the
 * CA/Browser Forum's encodings) and trailerField 1. The defaults of an absent field are SHA-1, so they are refused.
 */
function pssScheme(parameters: Uint8Array | null): SignatureScheme | { refused: string } {
  if (!parameters) return { refused: 'RSASSA-PSS without parameters (SHA-1 defaults)' };
  let params: PssParameters;
  try {
    params = readPssParameters(parameters);
  } catch (error) {
    if (!(error instanceof BerError)) throw error;
    return { refused: 'RSASSA-PSS with unreadable parameters' };
  }
  if (params.maskGenAlgorithm.oid !== OID.mgf1 || !params.mgfHash) return { refused: 'RSASSA-PSS with a mask generation other than MGF1' };
  const hash = hashOf(params.hashAlgorithm);
  if (!hash) return { refused: `RSASSA-PSS with hash ${params.hashAlgorithm.oid}` };
  if (hashOf(params.mgfHash) !== hash) return { refused: `RSASSA-PSS with MGF1 over ${params.mgfHash.oid}, not the message hash ${hash}` };
  if (params.saltLength !== HASH_LENGTHS[hash])
    return { refused: `RSASSA-PSS with a ${params.saltLength}-byte salt (expected ${HASH_LENGTHS[hash]} for ${hash})` };
  if (params.trailerField !== 1) return { refused: `RSASSA-PSS with trailerField ${params.trailerField}` };
  return { family: 'RSA', padding: 'pss', hash, saltLength: params.saltLength };
}

interface Algorithm {
  oid: string;
  parameters: Uint8Array | null;
}

interface PssParameters {
  hashAlgorithm: Algorithm;
  maskGenAlgorithm: Algorithm;
  /** The maskGenAlgorithm's parameters read as an AlgorithmIdentifier (MGF1's hash); null when they are not one. */
  mgfHash: Algorithm | null;
  saltLength: number;
  trailerField: number;
}

const SHA1: Algorithm = { oid: '1.3.14.3.2.26', parameters: Uint8Array.of(TAG.NULL, 0) };
/** The DER of SHA1, MGF1's default hash. */
const SHA1_IDENTIFIER = Uint8Array.of(TAG.SEQUENCE, 0x09, TAG.OBJECT_IDENTIFIER, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, TAG.NULL, 0);

/**
 * RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] DEFAULT sha1, maskGenAlgorithm [1] DEFAULT mgf1SHA1,
 * saltLength [2] INTEGER DEFAULT 20, trailerField [3] INTEGER DEFAULT 1 }, all EXPLICIT (RFC 4055 §3.1). Only the
 * lengths need be DER here: the certificate's DER check already covered these bytes.
 */
function readPssParameters(der: Uint8Array): PssParameters {
  const reader = new DerReader(der);
  const fields = reader.childrenOf(reader.whole(), TAG.SEQUENCE, 'RSASSA-PSS-params');
  const explicit = <T>(number: number, read: (element: BerElement) => T, absent: T): T => {
    if (fields[0]?.tag !== contextConstructed(number)) return absent;
    const [inner, ...rest] = reader.children(fields.shift()!);
    expectEnd(rest, 'RSASSA-PSS-params');
    return read(inner!);
  };
  const hashAlgorithm = explicit(0, (element) => readAlgorithm(reader, element), SHA1);
  const maskGenAlgorithm = explicit(1, (element) => readAlgorithm(reader, element), { oid: OID.mgf1, parameters: SHA1_IDENTIFIER });
  const saltLength = explicit(2, (element) => readSmallInteger(reader, element, 'saltLength'), 20);
  const trailerField = explicit(3, (element) => readSmallInteger(reader, element, 'trailerField'), 1);
  expectEnd(fields, 'RSASSA-PSS-params');
  const mgfParameters = maskGenAlgorithm.parameters;
  const mgfReader = mgfParameters && new DerReader(mgfParameters);
  const mgfHash = mgfReader ? readAlgorithm(mgfReader, mgfReader.whole()) : null;
  return { hashAlgorithm, maskGenAlgorithm, mgfHash, saltLength, trailerField };
}

function readAlgorithm(reader: DerReader, element: BerElement | undefined): Algorithm {
  const [algorithm, parameters, ...rest] = reader.childrenOf(element, TAG.SEQUENCE, 'an AlgorithmIdentifier');
  expectEnd(rest, 'an AlgorithmIdentifier');
  return { oid: readObjectIdentifier(reader, algorithm, 'an algorithm'), parameters: parameters ? reader.encoding(reader.anyValue(parameters)) : null };
}

/** A SHA-2 hash identifier whose parameters are absent or NULL (RFC 4055 §2.1 allows both). */
function hashOf(identifier: Algorithm): HashName | undefined {
  if (identifier.parameters && !isDerNull(identifier.parameters)) return undefined;
  return HASHES_BY_OID[identifier.oid];
}
