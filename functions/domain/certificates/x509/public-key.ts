import { ECParameters, id_ecPublicKey, id_secp192r1, id_secp256r1, id_secp384r1, id_secp521r1 } from '@peculiar/asn1-ecc';
import { id_RSASSA_PSS, id_rsaEncryption, RSAPublicKey } from '@peculiar/asn1-rsa';
import { AsnConvert } from '@peculiar/asn1-schema';
import type { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { bytesOf, isDerNull, parametersDer, sameBytes } from './bytes.js';
import type { CertificatePublicKey } from './parsed-certificate.js';

export const ID_ED25519 = '1.3.101.112';
const ID_DSA = '1.2.840.10040.4.1';
const ED25519_KEY_LENGTH = 32;

const NAMED_CURVES: Record<string, CertificatePublicKey['curve']> = {
  [id_secp256r1]: 'P-256',
  [id_secp384r1]: 'P-384',
  [id_secp521r1]: 'P-521',
  [id_secp192r1]: 'P-192',
};

/** A key whose encoding is broken (as opposed to one we merely do not accept): the certificate is malformed. */
export class MalformedKeyError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'MalformedKeyError';
  }
}

/** What the key is; the policy (algorithm-policy.ts) decides whether we accept it. */
export function describePublicKey(spki: SubjectPublicKeyInfo): CertificatePublicKey {
  const spkiDer = new Uint8Array(AsnConvert.serialize(spki));
  const { algorithm, parameters } = spki.algorithm;
  const key = bytesOf(spki.subjectPublicKey);
  const params = parametersDer(parameters);
  switch (algorithm) {
    case id_rsaEncryption:
      // RFC 3279 §2.3.1: the parameters are NULL (Go's crypto/x509 refuses their absence too).
      if (!isDerNull(params)) throw new MalformedKeyError('rsaEncryption parameters must be NULL');
      return describeRsaKey(spkiDer, key);
    case id_ecPublicKey:
      return describeEcKey(spkiDer, params);
    case ID_ED25519:
      if (params) throw new MalformedKeyError('Ed25519 keys have no parameters');
      if (key.length !== ED25519_KEY_LENGTH) throw new MalformedKeyError(`an Ed25519 key has ${ED25519_KEY_LENGTH} bytes, not ${key.length}`);
      return { spkiDer, type: 'Ed25519', description: 'Ed25519' };
    case id_RSASSA_PSS:
      return { spkiDer, type: 'unsupported', description: `RSASSA-PSS-restricted RSA key (${algorithm})` };
    case ID_DSA:
      return { spkiDer, type: 'unsupported', description: `DSA (${algorithm})` };
    default:
      return { spkiDer, type: 'unsupported', description: `key algorithm ${algorithm}` };
  }
}

function describeRsaKey(spkiDer: Uint8Array, key: Uint8Array): CertificatePublicKey {
  const rsaKey = parseExactly(key, RSAPublicKey, 'RSAPublicKey');
  const modulus = positiveInteger(new Uint8Array(rsaKey.modulus), 'modulus');
  const exponent = positiveInteger(new Uint8Array(rsaKey.publicExponent), 'public exponent');
  const rsaBits = bitLength(modulus);
  // RFC 8017 §3.1: e is odd and at least 3. A huge e would make each signature check as slow as a private-key operation.
  const exponentBits = bitLength(exponent);
  const e = exponentBits <= 32 ? Number.parseInt(Buffer.from(exponent).toString('hex'), 16) : null;
  if (e === null || e < 3 || e % 2 === 0) {
    return { spkiDer, type: 'unsupported', rsaBits, description: `RSA ${rsaBits}-bit with public exponent ${e ?? `of ${exponentBits} bits`}` };
  }
  return { spkiDer, type: 'RSA', rsaBits, description: `RSA ${rsaBits}-bit` };
}

function describeEcKey(spkiDer: Uint8Array, params: Uint8Array | null): CertificatePublicKey {
  if (!params) throw new MalformedKeyError('an EC key needs curve parameters');
  const curveParameters = parseExactly(params, ECParameters, 'ECParameters');
  if (curveParameters.specifiedCurve) return { spkiDer, type: 'EC', curve: 'explicit', description: 'EC with explicit curve parameters' };
  const named = curveParameters.namedCurve;
  const curve = (named ? NAMED_CURVES[named] : undefined) ?? 'other';
  return { spkiDer, type: 'EC', curve, description: curve === 'other' ? `EC curve ${named ?? 'implicitCA'}` : `EC ${curve}` };
}

function parseExactly<T>(der: Uint8Array, type: new () => T, what: string): T {
  let parsed: T;
  try {
    parsed = AsnConvert.parse(der, type);
  } catch {
    throw new MalformedKeyError(`unreadable ${what}`);
  }
  if (!sameBytes(new Uint8Array(AsnConvert.serialize(parsed)), der)) throw new MalformedKeyError(`${what} is not DER`);
  return parsed;
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
