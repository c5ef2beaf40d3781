import { TAG } from './der-reader.js';

/** Tag, definite length (short or long form, minimal) and content. */
export function derElement(tag: number, ...content: Uint8Array[]): Uint8Array {
  const length = content.reduce((sum, part) => sum + part.length, 0);
  const lengthOctets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthOctets.unshift(rest % 256);
  const header = length < 0x80 ? [tag, length] : [tag, 0x80 | lengthOctets.length, ...lengthOctets];
  return new Uint8Array(Buffer.concat([Uint8Array.from(header), ...content]));
}

export const derSequence = (...content: Uint8Array[]) => derElement(TAG.SEQUENCE, ...content);
export const derSet = (...content: Uint8Array[]) => derElement(TAG.SET, ...content);
export const derOctetString = (octets: Uint8Array) => derElement(TAG.OCTET_STRING, octets);
export const derNull = () => derElement(TAG.NULL);
export const derBoolean = (value: boolean) => derElement(TAG.BOOLEAN, Uint8Array.of(value ? 0xff : 0x00));
export const derUtf8String = (text: string) => derElement(TAG.UTF8_STRING, Buffer.from(text, 'utf8'));
export const derPrintableString = (text: string) => derElement(TAG.PRINTABLE_STRING, Buffer.from(text, 'latin1'));

/** An INTEGER whose content octets the caller has made minimal (a serial number). */
export const derIntegerOctets = (octets: Uint8Array) => derElement(TAG.INTEGER, octets);

/** A non-negative INTEGER, minimally encoded. */
export function derSmallInteger(value: number): Uint8Array {
  const octets: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  if (octets.length === 0 || octets[0]! & 0x80) octets.unshift(0);
  return derIntegerOctets(Uint8Array.from(octets));
}

export function derBitString(octets: Uint8Array, unusedBits = 0): Uint8Array {
  return derElement(TAG.BIT_STRING, Uint8Array.of(unusedBits), octets);
}

/** X.690 §11.2.2: a named bit list without its trailing zero bits. `bits` are the positions set (bit 0 first). */
export function derNamedBits(bits: number[]): Uint8Array {
  const last = Math.max(...bits);
  const octets = new Uint8Array((last >> 3) + 1);
  for (const bit of bits) octets[bit >> 3]! |= 0x80 >> (bit & 7);
  return derBitString(octets, 7 - (last & 7));
}

export function derObjectIdentifier(dotted: string): Uint8Array {
  const [first, second, ...rest] = dotted.split('.').map(BigInt) as [bigint, bigint, ...bigint[]];
  const octets: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const group = [Number(arc & 0x7fn)];
    for (let value = arc >> 7n; value > 0n; value >>= 7n) group.unshift(Number(value & 0x7fn) | 0x80);
    octets.push(...group);
  }
  return derElement(TAG.OBJECT_IDENTIFIER, Uint8Array.from(octets));
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; whole seconds. */
export function derTime(date: Date): Uint8Array {
  const fields = [date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  const text = fields.map((field) => String(field).padStart(2, '0')).join('');
  const year = date.getUTCFullYear();
  if (year > 2049) return derElement(TAG.GENERALIZED_TIME, Buffer.from(`${String(year).padStart(4, '0')}${text}Z`, 'latin1'));
  return derElement(TAG.UTC_TIME, Buffer.from(`${String(year % 100).padStart(2, '0')}${text}Z`, 'latin1'));
}
