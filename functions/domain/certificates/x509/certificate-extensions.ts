import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  ExtendedKeyUsage,
  type Extension,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
  id_ce_subjectKeyIdentifier,
  KeyUsage,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import { bytesOf, sameBytes, toHex } from './bytes.js';
import type { KeyUsageBits, ParsedCertificate } from './parsed-certificate.js';
import { refusal } from './refusal.js';

export type CertificateExtensions = Pick<
  ParsedCertificate,
  'basicConstraints' | 'keyUsage' | 'extendedKeyUsage' | 'subjectKeyIdentifier' | 'authorityKeyIdentifier' | 'criticalExtensions'
>;

/**
 * The extensions we read, and so the only ones that may be critical (RFC 5280 §4.2: a critical extension the
 * validator does not process fails the certificate). extKeyUsage and subjectAltName are read for well-formedness
 * only: PMS has no purpose or host name to check them against, and neither restricts what MOSIP uses a partner
 * certificate for. Everything else critical (nameConstraints, policyConstraints, certificatePolicies,
 * inhibitAnyPolicy, ...) is refused with KER-PCM-107 rather than silently ignored.
 */
const PROCESSED: Record<string, new () => object> = {
  [id_ce_basicConstraints]: BasicConstraints,
  [id_ce_keyUsage]: KeyUsage,
  [id_ce_extKeyUsage]: ExtendedKeyUsage,
  [id_ce_subjectKeyIdentifier]: SubjectKeyIdentifier,
  [id_ce_authorityKeyIdentifier]: AuthorityKeyIdentifier,
  [id_ce_subjectAltName]: SubjectAlternativeName,
};

const NAMES: Record<string, string> = {
  [id_ce_basicConstraints]: 'basicConstraints',
  [id_ce_keyUsage]: 'keyUsage',
  [id_ce_extKeyUsage]: 'extKeyUsage',
  [id_ce_subjectKeyIdentifier]: 'subjectKeyIdentifier',
  [id_ce_authorityKeyIdentifier]: 'authorityKeyIdentifier',
  [id_ce_subjectAltName]: 'subjectAltName',
  '2.5.29.30': 'nameConstraints',
  '2.5.29.32': 'certificatePolicies',
  '2.5.29.33': 'policyMappings',
  '2.5.29.36': 'policyConstraints',
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
      continue;
    }
    values.set(extension.extnID, { critical: extension.critical, value: parseValue(bytesOf(extension.extnValue.buffer), type, name) });
  }

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
    criticalExtensions: extensions.filter((extension) => extension.critical).map((extension) => extension.extnID),
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
