/**
 * A minimal BER element reader: the exact bytes of the certificates inside a PKCS#7 bundle (MOSIP's keymanager,
 * BouncyCastle, writes P7B with indefinite lengths), and the element layer under the strict DER reader
 * (der-reader.ts), which refuses what `derLength` says is not DER.
 */
export interface BerElement {
  tag: number;
  constructed: boolean;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset after the content (for an indefinite length, before the end-of-contents octets). */
  contentEnd: number;
  /** Offset after the whole element, end-of-contents octets included. */
  end: number;
  /** Whether the length is definite and in its shortest form, as DER requires. */
  derLength: boolean;
}

export class BerError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'BerError';
  }
}

const MAX_NESTING = 32;

/** The element at `offset`; multi-byte tags and lengths beyond 2^32 are refused (nothing we read needs them). */
export function readElement(bytes: Uint8Array, offset: number, nesting = 0): BerElement {
  if (nesting > MAX_NESTING) throw new BerError('nested too deeply');
  const identifier = byteAt(bytes, offset);
  if ((identifier & 0x1f) === 0x1f) throw new BerError(`unsupported multi-byte tag at offset ${offset}`);
  const constructed = (identifier & 0x20) !== 0;
  const first = byteAt(bytes, offset + 1);
  let contentStart = offset + 2;
  if (first === 0x80) {
    if (!constructed) throw new BerError(`indefinite length on a primitive element at offset ${offset}`);
    let cursor = contentStart;
    while (!(byteAt(bytes, cursor) === 0 && byteAt(bytes, cursor + 1) === 0)) cursor = readElement(bytes, cursor, nesting + 1).end;
    return { tag: identifier, constructed, start: offset, contentStart, contentEnd: cursor, end: cursor + 2, derLength: false };
  }
  let length = first;
  let derLength = true;
  if (first & 0x80) {
    const octets = first & 0x7f;
    if (octets > 4) throw new BerError(`length of ${octets} octets at offset ${offset}`);
    length = 0;
    for (let index = 0; index < octets; index += 1) length = length * 256 + byteAt(bytes, contentStart + index);
    contentStart += octets;
    derLength = length >= 0x80 && byteAt(bytes, offset + 2) !== 0;
  }
  const contentEnd = contentStart + length;
  if (contentEnd > bytes.length) throw new BerError(`element at offset ${offset} runs past the end of the data`);
  return { tag: identifier, constructed, start: offset, contentStart, contentEnd, end: contentEnd, derLength };
}

/** The elements directly inside a constructed element, in order. */
export function childrenOf(bytes: Uint8Array, parent: BerElement, nesting = 0): BerElement[] {
  if (!parent.constructed) throw new BerError(`element at offset ${parent.start} is not constructed`);
  const children: BerElement[] = [];
  for (let cursor = parent.contentStart; cursor < parent.contentEnd; ) {
    const child = readElement(bytes, cursor, nesting + 1);
    if (child.end > parent.contentEnd) throw new BerError(`element at offset ${cursor} overruns its parent`);
    children.push(child);
    cursor = child.end;
  }
  return children;
}

/** The one element that makes up all of `bytes`. */
export function readWholeElement(bytes: Uint8Array): BerElement {
  const element = readElement(bytes, 0);
  if (element.end !== bytes.length) throw new BerError(`${bytes.length - element.end} bytes after the end of the data`);
  return element;
}

function byteAt(bytes: Uint8Array, offset: number): number {
  const value = bytes[offset];
  if (value === undefined) throw new BerError('the data ends in the middle of an element');
  return value;
}
