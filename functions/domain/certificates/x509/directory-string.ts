import type { BerElement } from './ber-reader.js';
import { BerError } from './ber-reader.js';
import { type DerReader, TAG } from './der-reader.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of a string-typed value (RFC 5280's DirectoryString, and IA5String); null for any other type. UTF8String
 * must be valid UTF-8, BMPString whole UTF-16 code units and UniversalString code points within the BMP, or the value
 * is noted as not DER (the old parser could not write them back as received). PrintableString, TeletexString and
 * IA5String are read one character per octet with no check of their alphabets (the parser never checked them).
 */
export function readDirectoryString(reader: DerReader, element: BerElement, what: string): string | null {
  const content = reader.content(element);
  switch (element.tag) {
    case TAG.UTF8_STRING:
      try {
        return UTF8.decode(content);
      } catch {
        reader.note(`${what} is not UTF-8`);
        return Buffer.from(content).toString('latin1');
      }
    case TAG.PRINTABLE_STRING:
    case TAG.TELETEX_STRING:
    case TAG.IA5_STRING:
      return Buffer.from(content).toString('latin1');
    case TAG.BMP_STRING:
      if (content.length % 2 !== 0) reader.note(`${what} is not a whole BMPString`);
      return codeUnits(content, 2);
    case TAG.UNIVERSAL_STRING:
      if (content.length % 4 !== 0) throw new BerError(`${what} is not a whole UniversalString`);
      return codeUnits(content, 4, () => reader.note(`${what} has a character outside the BMP`));
    default:
      return null;
  }
}

/** Big-endian code units of `width` octets, each one UTF-16 code unit. */
function codeUnits(content: Uint8Array, width: 2 | 4, onWide?: () => void): string {
  let text = '';
  for (let offset = 0; offset + width <= content.length; offset += width) {
    let unit = 0;
    for (let index = 0; index < width; index += 1) unit = unit * 256 + content[offset + index]!;
    if (unit > 0xffff) onWide?.();
    text += String.fromCharCode(unit & 0xffff);
  }
  return text;
}
