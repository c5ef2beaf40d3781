import { type BerElement, BerError, childrenOf, readElement } from './ber-reader.js';

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OBJECT_IDENTIFIER: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  TELETEX_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** [n] IMPLICIT over a primitive type. */
export const contextPrimitive = (number: number) => 0x80 | number;
/** [n] EXPLICIT, or IMPLICIT over a constructed type. */
export const contextConstructed = (number: number) => 0xa0 | number;

/**
 * Strict DER over the BER element reader. Unreadable data throws BerError at once; data that reads but is not DER
 * (a long or indefinite length, a non-minimal INTEGER, a BOOLEAN other than 00/FF, a DEFAULT value spelled out...)
 * is only noted, and the caller refuses it once the whole structure has been read. That order is the one the
 * certificate parser always had (read, then check that it re-encodes to its input), so a structural error keeps
 * its code (KER-PCM-001) even when a non-DER encoding (KER-PCM-101) comes before it in the data.
 */
export class DerReader {
  /** What was first found not to be DER; null while everything is. */
  nonCanonical: string | null = null;

  constructor(readonly bytes: Uint8Array) {}

  note(detail: string): void {
    this.nonCanonical ??= detail;
  }

  /** The element that must make up all of the bytes (anything after it is noted, not refused: it is still readable). */
  whole(): BerElement {
    const element = this.checked(readElement(this.bytes, 0));
    if (element.end !== this.bytes.length) this.note(`${this.bytes.length - element.end} bytes after the end of the data`);
    return element;
  }

  children(parent: BerElement): BerElement[] {
    return childrenOf(this.bytes, parent).map((child) => this.checked(child));
  }

  /** The children of a constructed element with this tag. */
  childrenOf(element: BerElement | undefined, tag: number, what: string): BerElement[] {
    return this.children(expectTag(element, tag, what));
  }

  content(element: BerElement): Uint8Array {
    return this.bytes.subarray(element.contentStart, element.contentEnd);
  }

  /** The element's own bytes, header included. */
  encoding(element: BerElement): Uint8Array {
    return this.bytes.subarray(element.start, element.end);
  }

  /**
   * An element of any type (an ANY, an algorithm's parameters): every length inside it must be DER too, and the
   * universal types we know must be well-formed.
   */
  anyValue(element: BerElement, nesting = 0): BerElement {
    if (nesting > MAX_ANY_NESTING) throw new BerError('nested too deeply');
    // Universal types other than SEQUENCE and SET are primitive in DER, and tag 0 is no type at all.
    const universal = (element.tag & 0xc0) === 0;
    if (universal && (element.tag & 0x1f) === 0) throw new BerError(`tag 0 at offset ${element.start}`);
    if (universal && element.constructed && element.tag !== TAG.SEQUENCE && element.tag !== TAG.SET)
      throw new BerError(`a constructed universal type 0x${element.tag.toString(16)} at offset ${element.start}`);
    if (element.constructed) for (const child of this.children(element)) this.anyValue(child, nesting + 1);
    else ANY_CHECKS[element.tag]?.(this, element);
    return element;
  }

  private checked(element: BerElement): BerElement {
    if (!element.derLength) this.note(`the element at offset ${element.start} has a length that is not DER`);
    return element;
  }
}

const MAX_ANY_NESTING = 16;

const ANY_CHECKS: Record<number, (reader: DerReader, element: BerElement) => unknown> = {
  [TAG.BOOLEAN]: (reader, element) => readBoolean(reader, element, 'a BOOLEAN'),
  [TAG.INTEGER]: (reader, element) => readIntegerOctets(reader, element, 'an INTEGER'),
  [TAG.BIT_STRING]: (reader, element) => readBitString(reader, element, 'a BIT STRING'),
  [TAG.NULL]: (reader, element) => element.contentEnd === element.contentStart || reader.note('a NULL with content'),
  [TAG.OBJECT_IDENTIFIER]: (reader, element) => readObjectIdentifier(reader, element, 'an OBJECT IDENTIFIER'),
};

export function present(element: BerElement | undefined, what: string): BerElement {
  if (!element) throw new BerError(`${what} is missing`);
  return element;
}

export function expectTag(element: BerElement | undefined, tag: number, what: string): BerElement {
  if (present(element, what).tag !== tag) throw new BerError(`${what} has tag 0x${element!.tag.toString(16)}, expected 0x${tag.toString(16)}`);
  return element!;
}

/** No elements left over after the ones a SEQUENCE defines. */
export function expectEnd(rest: BerElement[], what: string): void {
  if (rest.length > 0) throw new BerError(`${what} has ${rest.length} unexpected elements at the end`);
}

/** An INTEGER's content octets, sign octet included, as encoded. */
export function readIntegerOctets(reader: DerReader, element: BerElement | undefined, what: string): Uint8Array {
  const content = reader.content(expectTag(element, TAG.INTEGER, what));
  if (content.length === 0) throw new BerError(`${what} is an empty INTEGER`);
  // X.690 §8.3.2: the first nine bits are never all zeros or all ones.
  if (content.length > 1 && ((content[0] === 0 && !(content[1]! & 0x80)) || (content[0] === 0xff && content[1]! & 0x80)))
    reader.note(`${what} is not a minimal INTEGER`);
  return content;
}

/** A small non-negative or negative INTEGER as a number; larger ones are refused (nothing we read has them). */
export function readSmallInteger(reader: DerReader, element: BerElement | undefined, what: string): number {
  const octets = readIntegerOctets(reader, element, what);
  if (octets.length > 6) throw new BerError(`${what} is too large`);
  let value = octets[0]! & 0x80 ? -1 : 0;
  for (const octet of octets) value = value * 256 + octet;
  return value;
}

export function readBoolean(reader: DerReader, element: BerElement | undefined, what: string): boolean {
  const content = reader.content(expectTag(element, TAG.BOOLEAN, what));
  if (content.length !== 1 || (content[0] !== 0 && content[0] !== 0xff)) reader.note(`${what} is not a DER BOOLEAN`);
  return content.some((octet) => octet !== 0);
}

export function readOctetString(reader: DerReader, element: BerElement | undefined, what: string): Uint8Array {
  return reader.content(expectTag(element, TAG.OCTET_STRING, what));
}

export interface BitString {
  unusedBits: number;
  bytes: Uint8Array;
}

/** A BIT STRING as encoded; whether unused bits are allowed is the caller's rule. */
export function readBitString(reader: DerReader, element: BerElement | undefined, what: string, tag: number = TAG.BIT_STRING): BitString {
  const content = reader.content(expectTag(element, tag, what));
  const unusedBits = content[0];
  if (unusedBits === undefined || unusedBits > 7 || (content.length === 1 && unusedBits !== 0)) throw new BerError(`${what} is not a BIT STRING`);
  return { unusedBits, bytes: content.subarray(1) };
}

/** The dotted form of an OBJECT IDENTIFIER; a sub-identifier with a leading 0x80 octet is not DER. */
export function readObjectIdentifier(reader: DerReader, element: BerElement | undefined, what: string): string {
  const content = reader.content(expectTag(element, TAG.OBJECT_IDENTIFIER, what));
  if (content.length === 0 || content.at(-1)! & 0x80) throw new BerError(`${what} is not an OBJECT IDENTIFIER`);
  const arcs: bigint[] = [];
  let arc = 0n;
  let start = true;
  for (const octet of content) {
    if (start && octet === 0x80) reader.note(`${what} has a sub-identifier that is not minimal`);
    arc = (arc << 7n) | BigInt(octet & 0x7f);
    start = !(octet & 0x80);
    if (start) {
      arcs.push(arc);
      arc = 0n;
    }
  }
  // The first sub-identifier holds the first two arcs (X.690 §8.19.4).
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}
