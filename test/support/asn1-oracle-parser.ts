/**
 * The certificate parser as it was before issue #18's hand-written DER reader: @peculiar/asn1-x509 schemas over asn1js,
 * strictness by "it must re-encode to exactly its input". Kept, unchanged but for being one module, as the oracle of
 * test/unit/der-parser-differential.test.ts; nothing in functions/ may import it.
 */
import { createHash } from 'node:crypto';
import {
  ECParameters,
  id_ecdsaWithSHA1,
  id_ecdsaWithSHA224,
  id_ecdsaWithSHA256,
  id_ecdsaWithSHA384,
  id_ecdsaWithSHA512,
  id_ecPublicKey,
  id_secp192r1,
  id_secp256r1,
  id_secp384r1,
  id_secp521r1,
} from '@peculiar/asn1-ecc';
import {
  id_md2WithRSAEncryption,
  id_md5WithRSAEncryption,
  id_mgf1,
  id_RSASSA_PSS,
  id_rsaEncryption,
  id_sha1WithRSAEncryption,
  id_sha224WithRSAEncryption,
  id_sha256,
  id_sha256WithRSAEncryption,
  id_sha384,
  id_sha384WithRSAEncryption,
  id_sha512,
  id_sha512WithRSAEncryption,
  RSAPublicKey,
  RsaSaPssParams,
} from '@peculiar/asn1-rsa';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  type AttributeValue,
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  type Extension,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_nameConstraints,
  id_ce_policyConstraints,
  id_ce_subjectAltName,
  id_ce_subjectKeyIdentifier,
  id_pe_authorityInfoAccess,
  KeyUsage,
  type Name,
  NameConstraints,
  PolicyConstraints,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
  type SubjectPublicKeyInfo,
  Version,
} from '@peculiar/asn1-x509';
import { firstAttribute } from '../../functions/domain/certificates/x509/name-attributes.js';
import type {
  CertificatePublicKey,
  DistinguishedName,
  KeyUsageBits,
  NameAttribute,
  ParsedCertificate,
} from '../../functions/domain/certificates/x509/parsed-certificate.js';
import { refusal } from '../../functions/domain/certificates/x509/refusal.js';
import { CERTIFICATE_ERRORS } from '../../functions/errors/certificate-errors.js';
import { PmsError } from '../../functions/errors/pms-error.js';

function toHex(bytes: Uint8Array | ArrayBuffer): string {
  return Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString('hex');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}

function bytesOf(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  return buffer instanceof ArrayBuffer ? new Uint8Array(buffer.slice(0)) : new Uint8Array(buffer);
}

const DER_NULL = Uint8Array.of(0x05, 0x00);

function parametersDer(parameters: ArrayBuffer | null | undefined): Uint8Array | null {
  if (parameters === undefined) return null;
  return parameters === null ? DER_NULL : bytesOf(parameters);
}

function isDerNull(parameters: Uint8Array | null): boolean {
  return parameters !== null && sameBytes(parameters, DER_NULL);
}

// ---- was functions/domain/certificates/x509/parse-certificate.ts ----

/** Real certificates are a few KiB; a cap keeps one upload from costing a large parse (OWASP API4, resource consumption). */
const MAX_CERTIFICATE_BYTES = 16 * 1024;

const VERSIONS: Record<number, ParsedCertificate['version']> = { [Version.v1]: 1, [Version.v2]: 2, [Version.v3]: 3 };

/**
 * Parses one certificate strictly: canonical DER only (it must re-encode to exactly its input, so BER lengths,
 * trailing bytes and non-minimal encodings are refused and the thumbprints are those of the only valid encoding),
 * the same signature algorithm outside and inside the signed part, no duplicate extensions, no critical extension we
 * do not process. Versions 1 and 2 parse (the upload rules refuse them with KER-PCM-007) but must not carry
 * extensions. Throws PmsError only.
 */
export function oracleParseCertificate(der: Uint8Array): ParsedCertificate {
  try {
    return parseStrictly(der);
  } catch (error) {
    if (error instanceof PmsError) throw error;
    if (error instanceof MalformedKeyError) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `subject public key: ${error.message}`);
    // asn1-schema and asn1js fail with assorted errors on malformed input; to the caller they all mean "not a certificate".
    throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'not an X.509 certificate');
  }
}

function parseStrictly(der: Uint8Array): ParsedCertificate {
  if (der.length > MAX_CERTIFICATE_BYTES) throw refusal(CERTIFICATE_ERRORS.CERTIFICATE_TOO_LARGE, `${der.length} bytes, at most ${MAX_CERTIFICATE_BYTES}`);
  const certificate = AsnConvert.parse(der, Certificate);
  if (!sameBytes(new Uint8Array(AsnConvert.serialize(certificate)), der)) {
    throw refusal(CERTIFICATE_ERRORS.NOT_CANONICAL_DER, 'the certificate does not re-encode to the bytes received');
  }
  const tbs = certificate.tbsCertificate;
  const signatureAlgorithm = AsnConvert.serialize(certificate.signatureAlgorithm);
  if (!sameBytes(new Uint8Array(signatureAlgorithm), new Uint8Array(AsnConvert.serialize(tbs.signature)))) {
    throw refusal(CERTIFICATE_ERRORS.SIGNATURE_ALGORITHM_MISMATCH, `${certificate.signatureAlgorithm.algorithm} outside, ${tbs.signature.algorithm} inside`);
  }

  const version = VERSIONS[tbs.version];
  if (!version) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `unknown version value ${tbs.version}`);
  if (version < 3 && tbs.extensions) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `a version ${version} certificate cannot carry extensions`);
  if (version < 2 && (tbs.issuerUniqueID || tbs.subjectUniqueID))
    throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'a version 1 certificate cannot carry unique identifiers');
  if (tbs.extensions?.length === 0) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'an empty extensions list');

  const ownDer = bytesOf(der);
  return {
    der: ownDer,
    tbsDer: bytesOf(certificate.tbsCertificateRaw ?? AsnConvert.serialize(tbs)),
    version,
    serialNumberHex: toHex(tbs.serialNumber),
    subject: distinguishedName(tbs.subject),
    issuer: distinguishedName(tbs.issuer),
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    signatureAlgorithmOid: certificate.signatureAlgorithm.algorithm,
    signatureAlgorithmParameters: parametersDer(certificate.signatureAlgorithm.parameters),
    signatureValue: bytesOf(certificate.signatureValue),
    publicKey: describePublicKey(tbs.subjectPublicKeyInfo),
    ...readExtensions(tbs.extensions ?? []),
    thumbprintSha1: createHash('sha1').update(ownDer).digest('hex'),
    thumbprintSha256: createHash('sha256').update(ownDer).digest('hex'),
  };
}

// ---- was functions/domain/certificates/x509/certificate-extensions.ts ----

type CertificateExtensions = Pick<
  ParsedCertificate,
  | 'basicConstraints'
  | 'keyUsage'
  | 'extendedKeyUsage'
  | 'subjectKeyIdentifier'
  | 'authorityKeyIdentifier'
  | 'authorityKeyIdentifierNamesIssuer'
  | 'extensionIds'
  | 'criticalExtensions'
>;

/**
 * The extensions we read, and so the only ones that may be critical (RFC 5280 §4.2: a critical extension the
 * validator does not process fails the certificate). extKeyUsage and subjectAltName are read for well-formedness
 * only: PMS has no purpose or host name to check them against, and neither restricts what MOSIP uses a partner
 * certificate for. nameConstraints and policyConstraints are read so that the profile can refuse them whether
 * critical or not (KER-PCM-123, KER-PCM-124): ignoring a non-critical one would trust a constrained CA as
 * unconstrained. Everything else critical (certificatePolicies, inhibitAnyPolicy, ...) is refused with KER-PCM-107
 * rather than silently ignored.
 */
const PROCESSED: Record<string, new () => object> = {
  [id_ce_basicConstraints]: BasicConstraints,
  [id_ce_keyUsage]: KeyUsage,
  [id_ce_extKeyUsage]: ExtendedKeyUsage,
  [id_ce_subjectKeyIdentifier]: SubjectKeyIdentifier,
  [id_ce_authorityKeyIdentifier]: AuthorityKeyIdentifier,
  [id_ce_subjectAltName]: SubjectAlternativeName,
  [id_ce_nameConstraints]: NameConstraints,
  [id_ce_policyConstraints]: PolicyConstraints,
};

/**
 * Non-critical extensions read for well-formedness only, never allowed critical. authorityInfoAccess is what a
 * verifier follows to fetch a missing issuer; a malformed one on an intermediate or anchor is refused rather than
 * carried into the trust store (RFC 5280 §4.2.2.1: conforming CAs MUST mark it non-critical).
 */
const READ_FOR_SHAPE: Record<string, new () => object> = {
  [id_pe_authorityInfoAccess]: AuthorityInfoAccessSyntax,
};

const NAMES: Record<string, string> = {
  [id_ce_basicConstraints]: 'basicConstraints',
  [id_ce_keyUsage]: 'keyUsage',
  [id_ce_extKeyUsage]: 'extKeyUsage',
  [id_ce_subjectKeyIdentifier]: 'subjectKeyIdentifier',
  [id_ce_authorityKeyIdentifier]: 'authorityKeyIdentifier',
  [id_ce_subjectAltName]: 'subjectAltName',
  [id_ce_nameConstraints]: 'nameConstraints',
  [id_ce_policyConstraints]: 'policyConstraints',
  [id_pe_authorityInfoAccess]: 'authorityInfoAccess',
  '2.5.29.32': 'certificatePolicies',
  '2.5.29.33': 'policyMappings',
  '2.5.29.54': 'inhibitAnyPolicy',
};

/** Bit positions of RFC 5280 §4.2.1.3 KeyUsage (bit 0 is the most significant bit of the first octet). */
const KEY_USAGE_BITS: (keyof KeyUsageBits)[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
];

function readExtensions(extensions: Extension[]): CertificateExtensions {
  const seen = new Set<string>();
  const values = new Map<string, { critical: boolean; value: object }>();
  for (const extension of extensions) {
    const name = nameOf(extension.extnID);
    if (seen.has(extension.extnID)) throw refusal(CERTIFICATE_ERRORS.DUPLICATE_EXTENSION, `${name} appears more than once`);
    seen.add(extension.extnID);
    const type = PROCESSED[extension.extnID];
    if (!type) {
      if (extension.critical) throw refusal(CERTIFICATE_ERRORS.UNKNOWN_CRITICAL_EXTENSION, `critical ${name} is not processed`);
      const shape = READ_FOR_SHAPE[extension.extnID];
      if (shape) parseValue(bytesOf(extension.extnValue.buffer), shape, name);
      continue;
    }
    values.set(extension.extnID, { critical: extension.critical, value: parseValue(bytesOf(extension.extnValue.buffer), type, name) });
  }

  // asn1-x509's Extensions is an Array subclass whose map and filter would return that class.
  const plain = Array.from(extensions);
  const basicConstraints = values.get(id_ce_basicConstraints);
  const keyUsage = values.get(id_ce_keyUsage);
  const extendedKeyUsage = values.get(id_ce_extKeyUsage)?.value as ExtendedKeyUsage | undefined;
  const ski = values.get(id_ce_subjectKeyIdentifier)?.value as SubjectKeyIdentifier | undefined;
  const aki = values.get(id_ce_authorityKeyIdentifier)?.value as AuthorityKeyIdentifier | undefined;
  return {
    basicConstraints: basicConstraints ? readBasicConstraints(basicConstraints.value as BasicConstraints, basicConstraints.critical) : null,
    keyUsage: keyUsage ? readKeyUsage(keyUsage.value as KeyUsage) : null,
    extendedKeyUsage: extendedKeyUsage ? Array.from(extendedKeyUsage) : null,
    subjectKeyIdentifier: ski ? toHex(ski.buffer) : null,
    authorityKeyIdentifier: aki?.keyIdentifier ? toHex(aki.keyIdentifier.buffer) : null,
    authorityKeyIdentifierNamesIssuer: aki !== undefined && (aki.authorityCertIssuer !== undefined || aki.authorityCertSerialNumber !== undefined),
    extensionIds: plain.map((extension) => extension.extnID),
    criticalExtensions: plain.filter((extension) => extension.critical).map((extension) => extension.extnID),
  };
}

function nameOf(oid: string): string {
  return NAMES[oid] ? `${NAMES[oid]} (${oid})` : `extension ${oid}`;
}

/** The value must be readable and DER like the rest of the certificate (the outer check cannot see inside the OCTET STRING). */
function parseValue(der: Uint8Array, type: new () => object, name: string): object {
  let value: object;
  try {
    value = AsnConvert.parse(der, type);
  } catch {
    throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `unreadable ${name}`);
  }
  if (!sameBytes(new Uint8Array(AsnConvert.serialize(value)), der)) throw refusal(CERTIFICATE_ERRORS.NOT_CANONICAL_DER, `${name} is not DER`);
  return value;
}

function readBasicConstraints(value: BasicConstraints, critical: boolean): NonNullable<CertificateExtensions['basicConstraints']> {
  const pathLength = value.pathLenConstraint;
  if (pathLength !== undefined) {
    // RFC 5280 §4.2.1.9: only a CA may carry a pathLenConstraint, and it is a non-negative INTEGER.
    if (!value.cA) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'basicConstraints has a pathLenConstraint without cA');
    if (!Number.isSafeInteger(pathLength) || pathLength < 0)
      throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'basicConstraints pathLenConstraint is not a non-negative integer');
  }
  return { cA: value.cA, pathLenConstraint: pathLength ?? null, critical };
}

function readKeyUsage(value: KeyUsage): KeyUsageBits {
  const octets = new Uint8Array(value.value);
  const isSet = (bit: number) => ((octets[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0;
  if (!octets.some((octet) => octet !== 0)) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'keyUsage has no bit set');
  return Object.fromEntries(KEY_USAGE_BITS.map((name, bit) => [name, isSet(bit)])) as unknown as KeyUsageBits;
}

// ---- was functions/domain/certificates/x509/distinguished-name.ts ----

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SURNAME',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.42': 'GIVENNAME',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
};

/** The attributes MOSIP keeps in its subject and issuer columns, in its order (PartnerCertificateManagerUtil). */
const MOSIP_DN_ORDER = ['CN', 'OU', 'O', 'L', 'ST', 'C'];

/** `der` must be the Name's exact encoding (parseCertificate has checked that the certificate re-encodes to itself). */
function distinguishedName(name: Name): DistinguishedName {
  const attributes = Array.from(name).flatMap((rdn) =>
    Array.from(rdn, (attribute): NameAttribute => ({ oid: attribute.type, shortName: SHORT_NAMES[attribute.type] ?? null, value: valueText(attribute.value) })),
  );
  return {
    der: new Uint8Array(AsnConvert.serialize(name)),
    attributes,
    text: MOSIP_DN_ORDER.flatMap((shortName) => {
      const value = firstAttribute({ attributes }, shortName);
      return value === null ? [] : [`${shortName}=${escapeValue(value)}`];
    }).join(','),
  };
}

/** Strings as they are; anything else (an unknown ASN.1 type) as RFC 4514's "#" and the hex of its encoding. */
function valueText(value: AttributeValue): string {
  const text = [value.utf8String, value.printableString, value.ia5String, value.bmpString, value.teletexString, value.universalString].find(
    (candidate) => candidate !== undefined,
  );
  if (text !== undefined) return text;
  return value.anyValue ? `#${toHex(value.anyValue)}` : '';
}

/** BouncyCastle IETFUtils.valueToString, which MOSIP's text goes through: RFC 4514 specials and edge spaces escaped. */
function escapeValue(value: string): string {
  const escaped = value.replace(/[,"\\+=<>;]/g, (special) => `\\${special}`).replace(/^#/, '\\#');
  const leading = /^ */.exec(escaped)![0].length;
  if (leading === escaped.length) return escaped.replace(/ /g, '\\ ');
  const trailing = / *$/.exec(escaped)![0].length;
  return '\\ '.repeat(leading) + escaped.slice(leading, escaped.length - trailing) + '\\ '.repeat(trailing);
}

// ---- was functions/domain/certificates/x509/public-key.ts ----

const ID_ED25519 = '1.3.101.112';
const ID_DSA = '1.2.840.10040.4.1';
const ED25519_KEY_LENGTH = 32;

const NAMED_CURVES: Record<string, CertificatePublicKey['curve']> = {
  [id_secp256r1]: 'P-256',
  [id_secp384r1]: 'P-384',
  [id_secp521r1]: 'P-521',
  [id_secp192r1]: 'P-192',
};

/** A key whose encoding is broken (as opposed to one we merely do not accept): the certificate is malformed. */
class MalformedKeyError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'MalformedKeyError';
  }
}

/** What the key is; the policy (algorithm-policy.ts) decides whether we accept it. */
function describePublicKey(spki: SubjectPublicKeyInfo): CertificatePublicKey {
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

// ---- was functions/domain/certificates/x509/signature-algorithms.ts ----

type HashName = 'sha256' | 'sha384' | 'sha512';

/** An allowed signature algorithm, as node:crypto needs it to verify; the key family must match the issuer's key. */
type SignatureScheme =
  | { family: 'RSA'; padding: 'pkcs1'; hash: HashName }
  | { family: 'RSA'; padding: 'pss'; hash: HashName; saltLength: number }
  | { family: 'EC'; hash: HashName }
  | { family: 'Ed25519' };

const HASH_LENGTHS: Record<HashName, number> = { sha256: 32, sha384: 48, sha512: 64 };
const HASHES_BY_OID: Record<string, HashName> = { [id_sha256]: 'sha256', [id_sha384]: 'sha384', [id_sha512]: 'sha512' };

const RSA_PKCS1: Record<string, HashName> = {
  [id_sha256WithRSAEncryption]: 'sha256',
  [id_sha384WithRSAEncryption]: 'sha384',
  [id_sha512WithRSAEncryption]: 'sha512',
};
const ECDSA: Record<string, HashName> = { [id_ecdsaWithSHA256]: 'sha256', [id_ecdsaWithSHA384]: 'sha384', [id_ecdsaWithSHA512]: 'sha512' };

/** Names for the refusal detail, so a partner reads "sha1WithRSAEncryption" rather than an OID. */
const REFUSED_NAMES: Record<string, string> = {
  [id_md2WithRSAEncryption]: 'md2WithRSAEncryption',
  [id_md5WithRSAEncryption]: 'md5WithRSAEncryption',
  [id_sha1WithRSAEncryption]: 'sha1WithRSAEncryption',
  [id_sha224WithRSAEncryption]: 'sha224WithRSAEncryption',
  [id_ecdsaWithSHA1]: 'ecdsa-with-SHA1',
  [id_ecdsaWithSHA224]: 'ecdsa-with-SHA224',
  '1.2.840.10040.4.3': 'dsa-with-sha1',
  '2.16.840.1.101.3.4.3.1': 'dsa-with-sha224',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-sha256',
  '1.3.101.113': 'Ed448',
};

/**
 * The scheme of an allowed algorithm, or why it is not allowed: RSA PKCS#1 v1.5 and RSA-PSS with SHA-256/384/512,
 * ECDSA with SHA-256/384/512, Ed25519. Parameters must be what the RFCs prescribe (RFC 4055, 5758, 8410).
 */
export function oracleSignatureSchemeOf(oid: string, parameters: Uint8Array | null): SignatureScheme | { refused: string } {
  const pkcs1Hash = RSA_PKCS1[oid];
  if (pkcs1Hash) {
    // RFC 4055 §5 says NULL; some encoders leave the parameters out, which is harmless.
    if (parameters && !isDerNull(parameters)) return { refused: `${oid} with parameters other than NULL` };
    return { family: 'RSA', padding: 'pkcs1', hash: pkcs1Hash };
  }
  const ecdsaHash = ECDSA[oid];
  if (ecdsaHash) return parameters ? { refused: `${oid} with parameters` } : { family: 'EC', hash: ecdsaHash };
  if (oid === ID_ED25519) return parameters ? { refused: 'Ed25519 with parameters' } : { family: 'Ed25519' };
  if (oid === id_RSASSA_PSS) return pssScheme(parameters);
  return { refused: REFUSED_NAMES[oid] ?? oid };
}

/**
 * RSASSA-PSS (RFC 4055 §3.1) with the same SHA-2 hash for the message and MGF1, a salt as long as the hash (the
 * CA/Browser Forum's encodings) and trailerField 1. The defaults of an absent field are SHA-1, so they are refused.
 */
function pssScheme(parameters: Uint8Array | null): SignatureScheme | { refused: string } {
  if (!parameters) return { refused: 'RSASSA-PSS without parameters (SHA-1 defaults)' };
  let params: RsaSaPssParams;
  let mgfHash: AlgorithmIdentifier;
  try {
    params = AsnConvert.parse(parameters, RsaSaPssParams);
    const mgfParameters = parametersDer(params.maskGenAlgorithm.parameters);
    if (params.maskGenAlgorithm.algorithm !== id_mgf1 || !mgfParameters) return { refused: 'RSASSA-PSS with a mask generation other than MGF1' };
    mgfHash = AsnConvert.parse(mgfParameters, AlgorithmIdentifier);
  } catch {
    return { refused: 'RSASSA-PSS with unreadable parameters' };
  }
  const hash = hashOf(params.hashAlgorithm);
  if (!hash) return { refused: `RSASSA-PSS with hash ${params.hashAlgorithm.algorithm}` };
  if (hashOf(mgfHash) !== hash) return { refused: `RSASSA-PSS with MGF1 over ${mgfHash.algorithm}, not the message hash ${hash}` };
  if (params.saltLength !== HASH_LENGTHS[hash])
    return { refused: `RSASSA-PSS with a ${params.saltLength}-byte salt (expected ${HASH_LENGTHS[hash]} for ${hash})` };
  if (params.trailerField !== 1) return { refused: `RSASSA-PSS with trailerField ${params.trailerField}` };
  return { family: 'RSA', padding: 'pss', hash, saltLength: params.saltLength };
}

/** A SHA-2 hash identifier whose parameters are absent or NULL (RFC 4055 §2.1 allows both). */
function hashOf(identifier: AlgorithmIdentifier): HashName | undefined {
  const parameters = parametersDer(identifier.parameters);
  if (parameters && !isDerNull(parameters)) return undefined;
  return HASHES_BY_OID[identifier.algorithm];
}
