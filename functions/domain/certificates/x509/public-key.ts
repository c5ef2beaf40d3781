import type { BerElement } from './ber-reader.js';
import { BerError } from './ber-reader.js';
import { isDerNull, sameBytes } from './bytes.js';
import { DerReader, expectEnd, readIntegerOctets, readObjectIdentifier, TAG } from './der-reader.js';
import { OID } from './object-identifiers.js';
import type { CertificatePublicKey } from './parsed-certificate.js';

export const ID_ED25519 = OID.ed25519;
const ED25519_KEY_LENGTH = 32;

const NAMED_CURVES: Record<string, CertificatePublicKey['curve']> = {
  [OID.secp256r1]: 'P-256',
  [OID.secp384r1]: 'P-384',
  [OID.secp521r1]: 'P-521',
  [OID.secp192r1]: 'P-192',
};

/** A key whose encoding is broken (as opposed to one we merely do not accept): the certificate is malformed. */
export class MalformedKeyError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'MalformedKeyError';
  }
}

/** A SubjectPublicKeyInfo as read from the certificate, before its key is looked into. */
export interface SubjectPublicKeyInfo {
  spkiDer: Uint8Array;
  algorithm: string;
  /** The parameters' DER; null when absent. */
  parameters: Uint8Array | null;
  /** The subjectPublicKey BIT STRING's octets. */
  key: Uint8Array;
}

/** What the key is; the policy (algorithm-policy.ts) decides whether we accept it. */
export function describePublicKey({ spkiDer, algorithm, parameters, key }: SubjectPublicKeyInfo): CertificatePublicKey {
  switch (algorithm) {
    case OID.rsaEncryption:
      // RFC 3279 §2.3.1: the parameters are NULL (Go's crypto/x509 refuses their absence too).
      if (!isDerNull(parameters)) throw new MalformedKeyError('rsaEncryption parameters must be NULL');
      return describeRsaKey(spkiDer, key);
    case OID.ecPublicKey:
      return describeEcKey(spkiDer, parameters);
    case OID.ed25519:
      if (parameters) throw new MalformedKeyError('Ed25519 keys have no parameters');
      if (key.length !== ED25519_KEY_LENGTH) throw new MalformedKeyError(`an Ed25519 key has ${ED25519_KEY_LENGTH} bytes, not ${key.length}`);
      return { spkiDer, type: 'Ed25519', description: 'Ed25519' };
    case OID.rsassaPss:
      return { spkiDer, type: 'unsupported', description: `RSASSA-PSS-restricted RSA key (${algorithm})` };
    case OID.dsa:
      return { spkiDer, type: 'unsupported', description: `DSA (${algorithm})` };
    default:
      return { spkiDer, type: 'unsupported', description: `key algorithm ${algorithm}` };
  }
}

function describeRsaKey(spkiDer: Uint8Array, key: Uint8Array): CertificatePublicKey {
  // RFC 8017 §A.1.1: RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
  const [modulusOctets, exponentOctets] = readExactly(key, 'RSAPublicKey', (reader, whole) => {
    const [modulus, exponent, ...rest] = reader.childrenOf(whole, TAG.SEQUENCE, 'RSAPublicKey');
    expectEnd(rest, 'RSAPublicKey');
    return [readIntegerOctets(reader, modulus, 'modulus'), readIntegerOctets(reader, exponent, 'publicExponent')];
  });
  const modulus = positiveInteger(modulusOctets, 'modulus');
  const exponent = positiveInteger(exponentOctets, 'public exponent');
  const rsaBits = bitLength(modulus);
  // RFC 8017 §3.1: e is odd and at least 3. A huge e would make each signature check as slow as a private-key operation.
  const exponentBits = bitLength(exponent);
  const e = exponentBits <= 32 ? Number.parseInt(Buffer.from(exponent).toString('hex'), 16) : null;
  if (e === null || e < 3 || e % 2 === 0) {
    return { spkiDer, type: 'unsupported', rsaBits, description: `RSA ${rsaBits}-bit with public exponent ${e ?? `of ${exponentBits} bits`}` };
  }
  return { spkiDer, type: 'RSA', rsaBits, description: `RSA ${rsaBits}-bit` };
}

/** RFC 5480 §2.1.1: ECParameters ::= CHOICE { namedCurve OID, implicitCurve NULL, specifiedCurve SEQUENCE } */
function describeEcKey(spkiDer: Uint8Array, params: Uint8Array | null): CertificatePublicKey {
  if (!params) throw new MalformedKeyError('an EC key needs curve parameters');
  const named = readExactly(params, 'ECParameters', (reader, whole) => {
    if (whole.tag === TAG.OBJECT_IDENTIFIER) return readObjectIdentifier(reader, whole, 'namedCurve');
    if (sameBytes(reader.encoding(whole), Uint8Array.of(TAG.NULL, 0))) return null;
    if (whole.tag === TAG.SEQUENCE) return reader.anyValue(whole);
    throw new BerError('neither a named nor a specified curve');
  });
  if (typeof named === 'object' && named !== null) return { spkiDer, type: 'EC', curve: 'explicit', description: 'EC with explicit curve parameters' };
  const curve = (named ? NAMED_CURVES[named] : undefined) ?? 'other';
  return { spkiDer, type: 'EC', curve, description: curve === 'other' ? `EC curve ${named ?? 'implicitCA'}` : `EC ${curve}` };
}

/** Reads `der` as one element: unreadable or not DER, the key is malformed. */
function readExactly<T>(der: Uint8Array, what: string, read: (reader: DerReader, whole: BerElement) => T): T {
  const reader = new DerReader(der);
  let value: T;
  try {
    value = read(reader, reader.whole());
  } catch (error) {
    if (!(error instanceof BerError)) throw error;
    throw new MalformedKeyError(`unreadable ${what}: ${error.message}`);
  }
  if (reader.nonCanonical) throw new MalformedKeyError(`${what} is not DER: ${reader.nonCanonical}`);
  return value;
}

/** The magnitude of a DER INTEGER that must be positive, without its sign octet. */
function positiveInteger(encoded: Uint8Array, what: string): Uint8Array {
  if (encoded.length === 0 || encoded[0]! & 0x80) throw new MalformedKeyError(`the RSA ${what} must be positive`);
  const start = encoded.findIndex((byte) => byte !== 0);
  if (start < 0) throw new MalformedKeyError(`the RSA ${what} must be positive`);
  return encoded.subarray(start);
}

function bitLength(magnitude: Uint8Array): number {
  return (magnitude.length - 1) * 8 + (32 - Math.clz32(magnitude[0]!));
}
