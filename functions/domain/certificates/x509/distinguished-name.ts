import type { BerElement } from './ber-reader.js';
import { toHex } from './bytes.js';
import { type DerReader, expectEnd, present, readObjectIdentifier, TAG } from './der-reader.js';
import { readDirectoryString } from './directory-string.js';
import { firstAttribute } from './name-attributes.js';
import type { DistinguishedName, NameAttribute } from './parsed-certificate.js';

export { firstAttribute };

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

/** A Name (RFC 5280 §4.1.2.4): a SEQUENCE of RDNs, each a SET of type-and-value pairs, kept in encoding order. */
export function readDistinguishedName(reader: DerReader, element: BerElement | undefined, what: string): DistinguishedName {
  const attributes = reader.childrenOf(element, TAG.SEQUENCE, what).flatMap((rdn) =>
    reader.childrenOf(rdn, TAG.SET, what).map((pair): NameAttribute => {
      const [type, value, ...rest] = reader.childrenOf(pair, TAG.SEQUENCE, what);
      expectEnd(rest, what);
      const oid = readObjectIdentifier(reader, type, `${what} attribute type`);
      return { oid, shortName: SHORT_NAMES[oid] ?? null, value: valueText(reader, present(value, `${what} attribute value`)) };
    }),
  );
  return {
    der: new Uint8Array(reader.encoding(element!)),
    attributes,
    text: MOSIP_DN_ORDER.flatMap((shortName) => {
      const value = firstAttribute({ attributes }, shortName);
      return value === null ? [] : [`${shortName}=${escapeValue(value)}`];
    }).join(','),
  };
}

/** Strings as they are; anything else (an unknown ASN.1 type) as RFC 4514's "#" and the hex of its encoding. */
function valueText(reader: DerReader, value: BerElement): string {
  const text = readDirectoryString(reader, value, 'an attribute value');
  return text ?? `#${toHex(reader.encoding(reader.anyValue(value)))}`;
}

/** BouncyCastle IETFUtils.valueToString, which MOSIP's text goes through: RFC 4514 specials and edge spaces escaped. */
function escapeValue(value: string): string {
  const escaped = value.replace(/[,"\\+=<>;]/g, (special) => `\\${special}`).replace(/^#/, '\\#');
  const leading = /^ */.exec(escaped)![0].length;
  if (leading === escaped.length) return escaped.replace(/ /g, '\\ ');
  const trailing = / *$/.exec(escaped)![0].length;
  return '\\ '.repeat(leading) + escaped.slice(leading, escaped.length - trailing) + '\\ '.repeat(trailing);
}
