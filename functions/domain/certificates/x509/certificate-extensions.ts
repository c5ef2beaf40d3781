import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
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
  NameConstraints,
  PolicyConstraints,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import { bytesOf, sameBytes, toHex } from './bytes.js';
import type { KeyUsageBits, ParsedCertificate } from './parsed-certificate.js';
import { refusal } from './refusal.js';

export type CertificateExtensions = Pick<
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

export function readExtensions(extensions: Extension[]): CertificateExtensions {
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
