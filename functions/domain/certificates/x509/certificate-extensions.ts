import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import type { BerElement } from './ber-reader.js';
import { BerError } from './ber-reader.js';
import { toHex } from './bytes.js';
import {
  type BitString,
  contextConstructed,
  contextPrimitive,
  DerReader,
  expectEnd,
  readBitString,
  readBoolean,
  readIntegerOctets,
  readObjectIdentifier,
  readOctetString,
  TAG,
} from './der-reader.js';
import { readGeneralName, readGeneralNames } from './general-names.js';
import { OID } from './object-identifiers.js';
import type { KeyUsageBits, ParsedCertificate } from './parsed-certificate.js';
import { refusal } from './refusal.js';

/** An extension as the certificate lists it, its value not yet read. */
export interface RawExtension {
  extnID: string;
  critical: boolean;
  /** The content of extnValue: the DER of the extension's own type. */
  value: Uint8Array;
}

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
const PROCESSED: Record<string, ValueReader> = {
  [OID.basicConstraints]: readBasicConstraintsValue,
  [OID.keyUsage]: (reader, whole) => readBitString(reader, whole, 'keyUsage'),
  [OID.extKeyUsage]: (reader, whole) =>
    reader.childrenOf(whole, TAG.SEQUENCE, 'extKeyUsage').map((purpose) => readObjectIdentifier(reader, purpose, 'a purpose')),
  [OID.subjectKeyIdentifier]: (reader, whole) => readOctetString(reader, whole, 'subjectKeyIdentifier'),
  [OID.authorityKeyIdentifier]: readAuthorityKeyIdentifierValue,
  [OID.subjectAltName]: (reader, whole) => readGeneralNames(reader, expectSequence(whole), 'subjectAltName'),
  [OID.nameConstraints]: readNameConstraintsValue,
  [OID.policyConstraints]: readPolicyConstraintsValue,
};

/**
 * Non-critical extensions read for well-formedness only, never allowed critical. authorityInfoAccess is what a
 * verifier follows to fetch a missing issuer; a malformed one on an intermediate or anchor is refused rather than
 * carried into the trust store (RFC 5280 §4.2.2.1: conforming CAs MUST mark it non-critical).
 */
const READ_FOR_SHAPE: Record<string, ValueReader> = {
  [OID.authorityInfoAccess]: readAuthorityInfoAccessValue,
};

const NAMES: Record<string, string> = {
  [OID.basicConstraints]: 'basicConstraints',
  [OID.keyUsage]: 'keyUsage',
  [OID.extKeyUsage]: 'extKeyUsage',
  [OID.subjectKeyIdentifier]: 'subjectKeyIdentifier',
  [OID.authorityKeyIdentifier]: 'authorityKeyIdentifier',
  [OID.subjectAltName]: 'subjectAltName',
  [OID.nameConstraints]: 'nameConstraints',
  [OID.policyConstraints]: 'policyConstraints',
  [OID.authorityInfoAccess]: 'authorityInfoAccess',
  [OID.certificatePolicies]: 'certificatePolicies',
  [OID.policyMappings]: 'policyMappings',
  [OID.inhibitAnyPolicy]: 'inhibitAnyPolicy',
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

export function readExtensions(extensions: RawExtension[]): CertificateExtensions {
  const seen = new Set<string>();
  const values = new Map<string, { critical: boolean; value: unknown }>();
  for (const extension of extensions) {
    const name = nameOf(extension.extnID);
    if (seen.has(extension.extnID)) throw refusal(CERTIFICATE_ERRORS.DUPLICATE_EXTENSION, `${name} appears more than once`);
    seen.add(extension.extnID);
    const read = PROCESSED[extension.extnID];
    if (!read) {
      if (extension.critical) throw refusal(CERTIFICATE_ERRORS.UNKNOWN_CRITICAL_EXTENSION, `critical ${name} is not processed`);
      const shape = READ_FOR_SHAPE[extension.extnID];
      if (shape) readValue(extension.value, shape, name);
      continue;
    }
    values.set(extension.extnID, { critical: extension.critical, value: readValue(extension.value, read, name) });
  }

  const basicConstraints = values.get(OID.basicConstraints);
  const keyUsage = values.get(OID.keyUsage);
  const extendedKeyUsage = values.get(OID.extKeyUsage)?.value as string[] | undefined;
  const ski = values.get(OID.subjectKeyIdentifier)?.value as Uint8Array | undefined;
  const aki = values.get(OID.authorityKeyIdentifier)?.value as AuthorityKeyIdentifier | undefined;
  return {
    basicConstraints: basicConstraints ? checkBasicConstraints(basicConstraints.value as BasicConstraints, basicConstraints.critical) : null,
    keyUsage: keyUsage ? keyUsageBits(keyUsage.value as BitString) : null,
    extendedKeyUsage: extendedKeyUsage ?? null,
    subjectKeyIdentifier: ski ? toHex(ski) : null,
    authorityKeyIdentifier: aki?.keyIdentifier ? toHex(aki.keyIdentifier) : null,
    authorityKeyIdentifierNamesIssuer: aki?.namesIssuer ?? false,
    extensionIds: extensions.map((extension) => extension.extnID),
    criticalExtensions: extensions.filter((extension) => extension.critical).map((extension) => extension.extnID),
  };
}

function nameOf(oid: string): string {
  return NAMES[oid] ? `${NAMES[oid]} (${oid})` : `extension ${oid}`;
}

type ValueReader = (reader: DerReader, whole: BerElement) => unknown;

/** The value must be readable and DER like the rest of the certificate (the outer reading does not look inside the OCTET STRING). */
function readValue(der: Uint8Array, read: ValueReader, name: string): unknown {
  const reader = new DerReader(der);
  let value: unknown;
  try {
    value = read(reader, reader.whole());
  } catch (error) {
    if (!(error instanceof BerError)) throw error;
    throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `unreadable ${name}: ${error.message}`);
  }
  if (reader.nonCanonical) throw refusal(CERTIFICATE_ERRORS.NOT_CANONICAL_DER, `${name} is not DER: ${reader.nonCanonical}`);
  return value;
}

function expectSequence(element: BerElement): BerElement {
  if (element.tag !== TAG.SEQUENCE) throw new BerError(`tag 0x${element.tag.toString(16)}, expected a SEQUENCE`);
  return element;
}

interface BasicConstraints {
  cA: boolean;
  /** The INTEGER's content octets. */
  pathLenConstraint: Uint8Array | null;
}

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL } */
function readBasicConstraintsValue(reader: DerReader, whole: BerElement): BasicConstraints {
  const fields = reader.childrenOf(whole, TAG.SEQUENCE, 'basicConstraints');
  let cA = false;
  if (fields[0]?.tag === TAG.BOOLEAN) {
    cA = readBoolean(reader, fields.shift(), 'cA');
    if (!cA) reader.note('cA FALSE is the DEFAULT and is not encoded in DER');
  }
  const pathLength = fields[0] ? readIntegerOctets(reader, fields.shift(), 'pathLenConstraint') : null;
  expectEnd(fields, 'basicConstraints');
  return { cA, pathLenConstraint: pathLength };
}

/** Path lengths of four octets or more are refused with the negative ones: no real path is that long. */
const MAX_PATH_LENGTH_OCTETS = 3;

function checkBasicConstraints(value: BasicConstraints, critical: boolean): NonNullable<CertificateExtensions['basicConstraints']> {
  const octets = value.pathLenConstraint;
  if (octets === null) return { cA: value.cA, pathLenConstraint: null, critical };
  // RFC 5280 §4.2.1.9: only a CA may carry a pathLenConstraint, and it is a non-negative INTEGER.
  if (!value.cA) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'basicConstraints has a pathLenConstraint without cA');
  if (octets.length > MAX_PATH_LENGTH_OCTETS || octets[0]! & 0x80)
    throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'basicConstraints pathLenConstraint is not a non-negative integer');
  return { cA: value.cA, pathLenConstraint: octets.reduce((sum, octet) => sum * 256 + octet, 0), critical };
}

function keyUsageBits({ bytes }: BitString): KeyUsageBits {
  const isSet = (bit: number) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0;
  if (!bytes.some((octet) => octet !== 0)) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'keyUsage has no bit set');
  return Object.fromEntries(KEY_USAGE_BITS.map((name, bit) => [name, isSet(bit)])) as unknown as KeyUsageBits;
}

interface AuthorityKeyIdentifier {
  keyIdentifier: Uint8Array | null;
  namesIssuer: boolean;
}

/**
 * AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL,
 * authorityCertIssuer [1] IMPLICIT GeneralNames OPTIONAL, authorityCertSerialNumber [2] IMPLICIT INTEGER OPTIONAL }
 */
function readAuthorityKeyIdentifierValue(reader: DerReader, whole: BerElement): AuthorityKeyIdentifier {
  const fields = reader.childrenOf(whole, TAG.SEQUENCE, 'authorityKeyIdentifier');
  const keyIdentifier = fields[0]?.tag === contextPrimitive(0) ? reader.content(fields.shift()!) : null;
  let namesIssuer = false;
  if (fields[0]?.tag === contextConstructed(1)) {
    readGeneralNames(reader, fields.shift()!, 'authorityCertIssuer');
    namesIssuer = true;
  }
  if (fields[0]?.tag === contextPrimitive(2)) {
    readIntegerOctets(reader, { ...fields.shift()!, tag: TAG.INTEGER }, 'authorityCertSerialNumber');
    namesIssuer = true;
  }
  expectEnd(fields, 'authorityKeyIdentifier');
  return { keyIdentifier, namesIssuer };
}

/** NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL, excludedSubtrees [1] GeneralSubtrees OPTIONAL } */
function readNameConstraintsValue(reader: DerReader, whole: BerElement): void {
  const fields = reader.childrenOf(whole, TAG.SEQUENCE, 'nameConstraints');
  for (const tag of [contextConstructed(0), contextConstructed(1)]) {
    if (fields[0]?.tag !== tag) continue;
    for (const subtree of reader.children(fields.shift()!)) readGeneralSubtree(reader, subtree);
  }
  expectEnd(fields, 'nameConstraints');
}

/** GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] BaseDistance DEFAULT 0, maximum [1] BaseDistance OPTIONAL } */
function readGeneralSubtree(reader: DerReader, element: BerElement): void {
  const [base, ...fields] = reader.childrenOf(element, TAG.SEQUENCE, 'a subtree');
  readGeneralName(reader, base, 'a subtree base');
  if (fields[0]?.tag === contextPrimitive(0)) {
    const minimum = readIntegerOctets(reader, { ...fields.shift()!, tag: TAG.INTEGER }, 'minimum');
    if (minimum.length === 1 && minimum[0] === 0) reader.note('minimum 0 is the DEFAULT and is not encoded in DER');
  }
  if (fields[0]?.tag === contextPrimitive(1)) readIntegerOctets(reader, { ...fields.shift()!, tag: TAG.INTEGER }, 'maximum');
  expectEnd(fields, 'a subtree');
}

/** PolicyConstraints ::= SEQUENCE { requireExplicitPolicy [0] IMPLICIT INTEGER OPTIONAL, inhibitPolicyMapping [1] IMPLICIT INTEGER OPTIONAL } */
function readPolicyConstraintsValue(reader: DerReader, whole: BerElement): void {
  const fields = reader.childrenOf(whole, TAG.SEQUENCE, 'policyConstraints');
  for (const tag of [contextPrimitive(0), contextPrimitive(1)]) {
    if (fields[0]?.tag === tag) readIntegerOctets(reader, { ...fields.shift()!, tag: TAG.INTEGER }, 'a policy constraint');
  }
  expectEnd(fields, 'policyConstraints');
}

/** AuthorityInfoAccessSyntax ::= SEQUENCE OF SEQUENCE { accessMethod OBJECT IDENTIFIER, accessLocation GeneralName } */
function readAuthorityInfoAccessValue(reader: DerReader, whole: BerElement): void {
  for (const description of reader.childrenOf(whole, TAG.SEQUENCE, 'authorityInfoAccess')) {
    const [method, location, ...rest] = reader.childrenOf(description, TAG.SEQUENCE, 'an access description');
    expectEnd(rest, 'an access description');
    readObjectIdentifier(reader, method, 'accessMethod');
    readGeneralName(reader, location, 'accessLocation');
  }
}
