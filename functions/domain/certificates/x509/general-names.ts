import type { BerElement } from './ber-reader.js';
import { BerError } from './ber-reader.js';
import { contextConstructed, contextPrimitive, type DerReader, expectEnd, readObjectIdentifier, TAG } from './der-reader.js';
import { readDirectoryString } from './directory-string.js';
import { readDistinguishedName } from './distinguished-name.js';

/**
 * Checks the shape of a GeneralName (RFC 5280 §4.2.1.6); nothing reads its value. otherName [0] and
 * ediPartyName [5] are SEQUENCEs, x400Address [3] anything, directoryName [4] an explicit Name, and the others
 * strings, an OCTET STRING (iPAddress [7]) or an OBJECT IDENTIFIER (registeredID [8]).
 */
export function readGeneralName(reader: DerReader, element: BerElement | undefined, what: string): void {
  switch (element?.tag) {
    case contextConstructed(0): {
      const [typeId, value, ...rest] = reader.children(element);
      expectEnd(rest, what);
      readObjectIdentifier(reader, typeId, `${what} otherName type`);
      if (value?.tag !== contextConstructed(0)) throw new BerError(`${what} otherName has no value`);
      const [inner, ...more] = reader.children(value);
      if (!inner) throw new BerError(`${what} otherName has no value`);
      expectEnd(more, what);
      reader.anyValue(inner);
      return;
    }
    case contextPrimitive(1):
    case contextPrimitive(2):
    case contextPrimitive(6):
      return;
    case contextPrimitive(7):
      readIpAddress(reader, reader.content(element), what);
      return;
    case contextConstructed(3):
      reader.anyValue(element);
      return;
    case contextConstructed(5):
      readEdiPartyName(reader, element, what);
      return;
    case contextConstructed(4): {
      const [name, ...rest] = reader.children(element);
      expectEnd(rest, what);
      readDistinguishedName(reader, name, `${what} directoryName`);
      return;
    }
    case contextPrimitive(8):
      readObjectIdentifier(reader, { ...element, tag: TAG.OBJECT_IDENTIFIER }, `${what} registeredID`);
      return;
    default:
      throw new BerError(`${what} is not a GeneralName`);
  }
}

/** EDIPartyName ::= SEQUENCE { nameAssigner [0] DirectoryString OPTIONAL, partyName [1] DirectoryString } */
function readEdiPartyName(reader: DerReader, element: BerElement, what: string): void {
  const fields = reader.children(element);
  for (const [tag, optional] of [
    [contextConstructed(0), true],
    [contextConstructed(1), false],
  ] as const) {
    if (fields[0]?.tag !== tag) {
      if (optional) continue;
      throw new BerError(`${what} ediPartyName has no partyName`);
    }
    const [value, ...rest] = reader.children(fields.shift()!);
    expectEnd(rest, what);
    if (!value || readDirectoryString(reader, value, `${what} ediPartyName`) === null) throw new BerError(`${what} ediPartyName is not a string`);
  }
  expectEnd(fields, what);
}

/** GeneralNames ::= SEQUENCE OF GeneralName, or the same [n] IMPLICIT. */
export function readGeneralNames(reader: DerReader, element: BerElement, what: string): void {
  for (const name of reader.children(element)) readGeneralName(reader, name, what);
}

/**
 * An IPv4 or IPv6 address, or in a name constraint an address and its mask (RFC 5280 §4.2.1.10), a mask being a
 * prefix of one bits: any other mask names no subnet and is not written by any CA.
 */
function readIpAddress(reader: DerReader, octets: Uint8Array, what: string): void {
  if (octets.length === 4 || octets.length === 16) return;
  if (octets.length !== 8 && octets.length !== 32) throw new BerError(`${what} iPAddress has ${octets.length} octets`);
  const mask = octets.subarray(octets.length / 2);
  const bits = Array.from(mask, (octet) => octet.toString(2).padStart(8, '0')).join('');
  if (!/^1*0*$/.test(bits)) reader.note(`${what} iPAddress has a mask that is not a prefix`);
}
