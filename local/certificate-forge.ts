/**
 * Certificate factory for the tests and for `npm run demo`: well-formed certificates and, through the hooks,
 * deliberately broken ones. Built from @peculiar/asn1-x509 structures and signed with node:crypto, so nothing here
 * depends on the certificate code the tests check. Never loaded by the local server or any function.
 *
 * Keys are cached per (key type, keySlot): RSA-4096 takes a second to generate. Certificates forged with the same
 * type and slot share a key, so a test that needs a different key (a rogue root, a wrong signer) passes another slot.
 */
import { constants, createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { Curve, ECParameters, ECPoint, FieldID, id_ecPublicKey, SpecifiedECDomain } from '@peculiar/asn1-ecc';
import { id_mgf1, id_RSASSA_PSS, RsaSaPssParams } from '@peculiar/asn1-rsa';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  Extension,
  Extensions,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from '@peculiar/asn1-x509';
import type { KeyUsageBits } from '../functions/domain/certificates/x509/parsed-certificate.js';

export type ForgeKeyType = 'rsa2048' | 'rsa3072' | 'rsa4096' | 'rsa1024' | 'rsa2047' | 'rsa2052' | 'p256' | 'p384' | 'p521' | 'p192' | 'ed25519' | 'dsa';
export type ForgeHash = 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

export interface ForgedCertificate {
  der: Uint8Array;
  pem: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface ForgeExtension {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

export interface ForgeOptions {
  /** "CN=Foo,O=Bar,C=IN", written like RFC 4514: the last RDN is encoded first. "+" joins a multi-valued RDN. "": the empty name. */
  subject?: string;
  /** Absent: self-signed. */
  issuer?: ForgedCertificate;
  /** Default rsa2048. */
  key?: ForgeKeyType;
  /** Which cached key of that type; default 0. */
  keySlot?: number | string;
  /** Default: an hour ago. */
  notBefore?: Date;
  /** Default: a year from now. */
  notAfter?: Date;
  version?: 1 | 2 | 3;
  /** true / { pathLen }: a CA (basicConstraints critical); false: cA=false; null: no basicConstraints. Default false. */
  ca?: boolean | { pathLen: number } | null;
  /** Whether basicConstraints is marked critical; default: critical for a CA, not for an end entity. */
  basicConstraintsCritical?: boolean;
  /** null: no keyUsage. Default keyCertSign+cRLSign for a CA, digitalSignature+keyEncipherment otherwise. */
  keyUsage?: (keyof KeyUsageBits)[] | null;
  /** Default sha256. */
  hash?: ForgeHash;
  /** RSA-PSS (MGF1 with the same hash, salt as long as the hash) instead of PKCS#1 v1.5. */
  pss?: boolean;
  extraExtensions?: ForgeExtension[];
  /** Default true: subjectKeyIdentifier, and authorityKeyIdentifier = the issuer's SKI. */
  keyIdentifiers?: boolean;
  serialNumber?: Uint8Array;

  // Hooks for the negative cases.
  /** Put this SubjectPublicKeyInfo in the certificate instead of the generated key's (explicit curves, odd keys). */
  subjectPublicKeyInfo?: Uint8Array;
  /** Sign with this key instead of the issuer's (the certificate still names the issuer). */
  signingKey?: KeyObject;
  /** Replace the outer signatureAlgorithm after signing (outer/TBS mismatch). */
  outerSignatureAlgorithm?: AlgorithmIdentifier;
  /** Last change to the TBSCertificate before it is signed. */
  mutateTbs?: (tbs: TBSCertificate) => void;
  /** Last change to the bytes (BER lengths, trailing bytes); the result is not re-signed. */
  mutateDer?: (der: Uint8Array) => Uint8Array;
}

interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const KEY_GENERATORS: Record<ForgeKeyType, () => KeyPair> = {
  rsa1024: () => generateKeyPairSync('rsa', { modulusLength: 1024 }),
  rsa2047: () => generateKeyPairSync('rsa', { modulusLength: 2047 }),
  rsa2048: () => generateKeyPairSync('rsa', { modulusLength: 2048 }),
  rsa2052: () => generateKeyPairSync('rsa', { modulusLength: 2052 }),
  rsa3072: () => generateKeyPairSync('rsa', { modulusLength: 3072 }),
  rsa4096: () => generateKeyPairSync('rsa', { modulusLength: 4096 }),
  p192: () => generateKeyPairSync('ec', { namedCurve: 'prime192v1' }),
  p256: () => generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  p384: () => generateKeyPairSync('ec', { namedCurve: 'P-384' }),
  p521: () => generateKeyPairSync('ec', { namedCurve: 'P-521' }),
  ed25519: () => generateKeyPairSync('ed25519'),
  dsa: () => generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 }),
};

const keys = new Map<string, KeyPair>();

/** The cached key pair of a type and slot, generated on first use. */
export function forgeKeyPair(type: ForgeKeyType, slot: number | string = 0): KeyPair {
  const id = `${type}/${slot}`;
  let pair = keys.get(id);
  if (!pair) {
    pair = KEY_GENERATORS[type]();
    keys.set(id, pair);
  }
  return pair;
}

const ATTRIBUTE_TYPES: Record<string, string> = {
  CN: '2.5.4.3',
  SERIALNUMBER: '2.5.4.5',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  E: '1.2.840.113549.1.9.1',
  DC: '0.9.2342.19200300.100.1.25',
};

const HASH_LENGTHS: Partial<Record<ForgeHash, number>> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

const SIGNATURE_OIDS: Record<'rsa' | 'ec' | 'dsa', Partial<Record<ForgeHash, string>>> = {
  rsa: {
    md5: '1.2.840.113549.1.1.4',
    sha1: '1.2.840.113549.1.1.5',
    sha224: '1.2.840.113549.1.1.14',
    sha256: '1.2.840.113549.1.1.11',
    sha384: '1.2.840.113549.1.1.12',
    sha512: '1.2.840.113549.1.1.13',
  },
  ec: {
    sha1: '1.2.840.10045.4.1',
    sha224: '1.2.840.10045.4.3.1',
    sha256: '1.2.840.10045.4.3.2',
    sha384: '1.2.840.10045.4.3.3',
    sha512: '1.2.840.10045.4.3.4',
  },
  dsa: { sha1: '1.2.840.10040.4.3', sha224: '2.16.840.1.101.3.4.3.1', sha256: '2.16.840.1.101.3.4.3.2' },
};

const HASH_OIDS: Partial<Record<ForgeHash, string>> = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const YEAR_MS = 365 * DAY_MS;

export function forgeCertificate(options: ForgeOptions = {}): ForgedCertificate {
  const { privateKey, publicKey } = forgeKeyPair(options.key ?? 'rsa2048', options.keySlot);
  const subject = parseName(options.subject ?? 'CN=Forged Certificate,O=Forge,C=IN');
  const spki = options.subjectPublicKeyInfo ?? new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
  const issuer = options.issuer ? AsnConvert.parse(options.issuer.der, Certificate).tbsCertificate : null;
  const signer = options.signingKey ?? options.issuer?.privateKey ?? privateKey;
  const algorithm = signatureAlgorithm(signer, options.hash ?? 'sha256', options.pss ?? false);

  const tbs = new TBSCertificate({
    version: { 1: Version.v1, 2: Version.v2, 3: Version.v3 }[options.version ?? 3],
    serialNumber: toArrayBuffer(options.serialNumber ?? randomSerialNumber()),
    signature: algorithm,
    issuer: issuer ? issuer.subject : subject,
    validity: new Validity({
      notBefore: options.notBefore ?? new Date(Date.now() - HOUR_MS),
      notAfter: options.notAfter ?? new Date(Date.now() + YEAR_MS),
    }),
    subject,
    subjectPublicKeyInfo: AsnConvert.parse(spki, SubjectPublicKeyInfo),
  });
  const extensions = (options.version ?? 3) === 3 ? standardExtensions(options, spki, issuer) : [];
  extensions.push(
    ...(options.extraExtensions ?? []).map(({ oid, critical, value }) => new Extension({ extnID: oid, critical, extnValue: new OctetString(value) })),
  );
  if (extensions.length > 0) tbs.extensions = new Extensions(extensions);
  options.mutateTbs?.(tbs);

  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const signatureValue = signTbs(tbsDer, signer, options.hash ?? 'sha256', options.pss ?? false);
  const certificate = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: options.outerSignatureAlgorithm ?? algorithm,
    signatureValue: toArrayBuffer(signatureValue),
  });
  const encoded = new Uint8Array(AsnConvert.serialize(certificate));
  const der = options.mutateDer ? options.mutateDer(encoded) : encoded;
  return { der, pem: pemOf('CERTIFICATE', der), privateKey, publicKey };
}

/**
 * A ready AUTH-style chain valid at `at` (default now): root (10 years) and intermediate (5 years), both CAs with
 * keyCertSign and RSA-2048, and a leaf (2 years, RSA-2048) "CN=<commonName>,OU=..,O=<organization>,L=..,ST=..,C=IN"
 * with digitalSignature+keyEncipherment and cA=false. Each call makes new certificates (new serials, so new
 * thumbprints) over the same three cached keys, so it costs three signatures and no key generation.
 */
export function forgeTrustChain(options: { organization: string; commonName?: string; at?: Date }): {
  root: ForgedCertificate;
  intermediate: ForgedCertificate;
  leaf: ForgedCertificate;
} {
  const at = options.at ?? new Date();
  const notBefore = new Date(at.getTime() - DAY_MS);
  const after = (years: number) => new Date(at.getTime() + years * YEAR_MS);
  const organization = escapeValue(options.organization);
  const root = forgeCertificate({
    subject: `CN=${organization} Root CA,O=${organization},C=IN`,
    keySlot: 'chain-root',
    notBefore,
    notAfter: after(10),
    ca: true,
  });
  const intermediate = forgeCertificate({
    subject: `CN=${organization} Intermediate CA,O=${organization},C=IN`,
    issuer: root,
    keySlot: 'chain-intermediate',
    notBefore,
    notAfter: after(5),
    ca: true,
  });
  const leaf = forgeCertificate({
    subject: `CN=${escapeValue(options.commonName ?? options.organization)},OU=Partner Systems,O=${organization},L=Bengaluru,ST=Karnataka,C=IN`,
    issuer: intermediate,
    keySlot: 'chain-leaf',
    notBefore,
    notAfter: after(2),
    ca: false,
    keyUsage: ['digitalSignature', 'keyEncipherment'],
  });
  return { root, intermediate, leaf };
}

/** A P-256 SubjectPublicKeyInfo of `publicKey` that spells the curve out (RFC 3279 specifiedCurve) instead of naming it. */
export function explicitCurveSpki(publicKey: KeyObject): Uint8Array {
  const curve = p256.Point.CURVE();
  const jwk = publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([Uint8Array.of(4), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
  const parameters = new ECParameters({
    specifiedCurve: new SpecifiedECDomain({
      version: 1,
      fieldID: new FieldID({ fieldType: '1.2.840.10045.1.1', parameters: toArrayBuffer(derInteger(curve.p)) }),
      curve: new Curve({ a: toArrayBuffer(fixedLength(curve.a, 32)), b: toArrayBuffer(fixedLength(curve.b, 32)) }),
      base: new ECPoint(Buffer.concat([Uint8Array.of(4), fixedLength(curve.Gx, 32), fixedLength(curve.Gy, 32)])),
      // The optional cofactor is left out: asn1-ecc types it as ArrayBuffer but encodes it as a number.
      order: toArrayBuffer(integerContent(curve.n)),
    }),
  });
  const spki = new SubjectPublicKeyInfo({
    algorithm: new AlgorithmIdentifier({ algorithm: id_ecPublicKey, parameters: AsnConvert.serialize(parameters) }),
    subjectPublicKey: toArrayBuffer(point),
  });
  return new Uint8Array(AsnConvert.serialize(spki));
}

/** The same certificate with its outer SEQUENCE length in a needless long form: valid BER, not DER. */
export function withLongFormOuterLength(der: Uint8Array): Uint8Array {
  const { headerLength, length } = outerHeader(der);
  const header = Uint8Array.of(0x30, 0x84, (length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff);
  return Buffer.concat([header, der.subarray(headerLength)]);
}

/** The same certificate with an indefinite-length outer SEQUENCE (BER; 00 00 ends it). */
export function withIndefiniteOuterLength(der: Uint8Array): Uint8Array {
  const { headerLength } = outerHeader(der);
  return Buffer.concat([Uint8Array.of(0x30, 0x80), der.subarray(headerLength), Uint8Array.of(0, 0)]);
}

export function pemOf(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** An AlgorithmIdentifier for the hooks, e.g. a different outer algorithm. */
export function algorithmIdentifier(oid: string, parameters?: ArrayBuffer | null): AlgorithmIdentifier {
  return new AlgorithmIdentifier(parameters === undefined ? { algorithm: oid } : { algorithm: oid, parameters });
}

function standardExtensions(options: ForgeOptions, spki: Uint8Array, issuer: TBSCertificate | null): Extension[] {
  const extensions: Extension[] = [];
  const ca = options.ca === undefined ? false : options.ca;
  const isCa = ca === true || (typeof ca === 'object' && ca !== null);
  if (ca !== null) {
    const constraints = new BasicConstraints({ cA: isCa, ...(typeof ca === 'object' ? { pathLenConstraint: ca.pathLen } : {}) });
    extensions.push(extension(id_ce_basicConstraints, options.basicConstraintsCritical ?? isCa, constraints));
  }
  const defaultUsages: (keyof KeyUsageBits)[] = isCa ? ['keyCertSign', 'cRLSign'] : ['digitalSignature', 'keyEncipherment'];
  const usages = options.keyUsage === undefined ? defaultUsages : options.keyUsage;
  if (usages !== null) {
    const flags = usages.reduce((all, usage) => all | KeyUsageFlags[usage], 0);
    extensions.push(extension(id_ce_keyUsage, true, new KeyUsage(flags)));
  }
  if (options.keyIdentifiers ?? true) {
    const ownId = keyIdentifierOf(spki);
    extensions.push(extension(id_ce_subjectKeyIdentifier, false, new SubjectKeyIdentifier(ownId)));
    const issuerId = issuer ? subjectKeyIdentifierOf(issuer) : ownId;
    if (issuerId) extensions.push(extension(id_ce_authorityKeyIdentifier, false, new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(issuerId) })));
  }
  return extensions;
}

function extension(extnID: string, critical: boolean, value: unknown): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

/** RFC 5280 §4.2.1.2 method 1. */
function keyIdentifierOf(spki: Uint8Array): ArrayBuffer {
  const parsed = AsnConvert.parse(spki, SubjectPublicKeyInfo);
  return toArrayBuffer(createHash('sha1').update(new Uint8Array(parsed.subjectPublicKey)).digest());
}

function subjectKeyIdentifierOf(tbs: TBSCertificate): ArrayBuffer | null {
  const ski = tbs.extensions?.find((candidate) => candidate.extnID === id_ce_subjectKeyIdentifier);
  return ski ? AsnConvert.parse(ski.extnValue, SubjectKeyIdentifier).buffer : null;
}

function signatureAlgorithm(signer: KeyObject, hash: ForgeHash, pss: boolean): AlgorithmIdentifier {
  const type = signer.asymmetricKeyType;
  if (type === 'ed25519') return new AlgorithmIdentifier({ algorithm: '1.3.101.112' });
  if (type === 'rsa' && pss) {
    const hashAlgorithm = new AlgorithmIdentifier({ algorithm: HASH_OIDS[hash]!, parameters: null });
    const params = new RsaSaPssParams({
      hashAlgorithm,
      maskGenAlgorithm: new AlgorithmIdentifier({ algorithm: id_mgf1, parameters: AsnConvert.serialize(hashAlgorithm) }),
      saltLength: HASH_LENGTHS[hash]!,
    });
    return new AlgorithmIdentifier({ algorithm: id_RSASSA_PSS, parameters: AsnConvert.serialize(params) });
  }
  const family = type === 'rsa' ? 'rsa' : type === 'ec' ? 'ec' : type === 'dsa' ? 'dsa' : null;
  const oid = family ? SIGNATURE_OIDS[family][hash] : undefined;
  if (!oid) throw new Error(`the forge cannot sign with ${hash} and a ${type} key`);
  // RSA's parameters are NULL (RFC 4055); ECDSA's and DSA's are absent (RFC 5758).
  return new AlgorithmIdentifier(family === 'rsa' ? { algorithm: oid, parameters: null } : { algorithm: oid });
}

function signTbs(tbsDer: Uint8Array, signer: KeyObject, hash: ForgeHash, pss: boolean): Uint8Array {
  if (signer.asymmetricKeyType === 'ed25519') return sign(null, tbsDer, signer);
  if (signer.asymmetricKeyType === 'rsa' && pss) {
    return sign(hash, tbsDer, { key: signer, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: HASH_LENGTHS[hash]! });
  }
  return sign(hash, tbsDer, { key: signer, dsaEncoding: 'der' });
}

/** "CN=a,OU=b+O=c,C=IN" → RDNs C, (OU+O), CN: the string lists the most specific RDN first, DER the least. */
function parseName(text: string): Name {
  if (text === '') return new Name([]);
  const rdns = splitUnescaped(text, ',').map(
    (rdn) =>
      new RelativeDistinguishedName(
        splitUnescaped(rdn, '+').map((pair) => {
          const separator = pair.indexOf('=');
          const type = pair.slice(0, separator).trim().toUpperCase();
          const value = pair.slice(separator + 1).replace(/\\(.)/g, '$1');
          const oid = ATTRIBUTE_TYPES[type];
          if (separator < 0 || !oid) throw new Error(`the forge does not know the name attribute "${pair}"`);
          const encoded = type === 'C' ? { printableString: value } : type === 'E' || type === 'DC' ? { ia5String: value } : { utf8String: value };
          return new AttributeTypeAndValue({ type: oid, value: new AttributeValue(encoded) });
        }),
      ),
  );
  return new Name(rdns.reverse());
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '\\' && index + 1 < text.length) {
      current += char + text[index + 1]!;
      index += 1;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  return [...parts, current];
}

function escapeValue(value: string): string {
  return value.replace(/[,+=\\]/g, (special) => `\\${special}`);
}

function randomSerialNumber(): Uint8Array {
  const serial = new Uint8Array(randomBytes(16));
  serial[0] = (serial[0]! & 0x3f) | 0x40;
  return serial;
}

function outerHeader(der: Uint8Array): { headerLength: number; length: number } {
  const first = der[1]!;
  if (first < 0x80) return { headerLength: 2, length: first };
  const octets = first & 0x7f;
  let length = 0;
  for (let index = 0; index < octets; index += 1) length = length * 256 + der[2 + index]!;
  return { headerLength: 2 + octets, length };
}

function integerContent(value: bigint): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const bytes = Buffer.from(hex, 'hex');
  return bytes[0]! & 0x80 ? Buffer.concat([Uint8Array.of(0), bytes]) : bytes;
}

function derInteger(value: bigint): Uint8Array {
  const content = integerContent(value);
  return Buffer.concat([Uint8Array.of(0x02, content.length), content]);
}

function fixedLength(value: bigint, length: number): Uint8Array {
  return Buffer.from(value.toString(16).padStart(length * 2, '0'), 'hex');
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}
