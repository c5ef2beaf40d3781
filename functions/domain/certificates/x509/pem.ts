const LINE_LENGTH = 64;

/** RFC 7468 text: the label lines around base64 in 64-character lines, without a newline after the END line. */
export function pemText(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(new RegExp(`.{1,${LINE_LENGTH}}`, 'g')) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n');
}

/** PEM of one certificate: 64-character lines and a final newline. */
export function certificatePem(der: Uint8Array): string {
  return `${pemText('CERTIFICATE', der)}\n`;
}

export interface PemBlock {
  label: string;
  body: string;
}

/** One block at `position`: BEGIN and END with the same label, and only base64 and line breaks between them. */
const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\r\n\t ]*)-----END ([A-Z0-9 ]+)-----/y;
const SPACE = /[\r\n\t ]*/y;

/** The PEM blocks of a text that holds nothing else but whitespace between and around them; null otherwise. */
export function pemBlocks(text: string): PemBlock[] | null {
  const blocks: PemBlock[] = [];
  let position = skipSpace(text, 0);
  while (position < text.length) {
    BLOCK.lastIndex = position;
    const match = BLOCK.exec(text);
    if (!match || match[1] !== match[3]) return null;
    blocks.push({ label: match[1]!, body: match[2]! });
    position = skipSpace(text, BLOCK.lastIndex);
  }
  return blocks;
}

function skipSpace(text: string, position: number): number {
  SPACE.lastIndex = position;
  SPACE.exec(text);
  return SPACE.lastIndex;
}

/**
 * Base64 (RFC 4648 §4) or base64url (§5; MOSIP sends P7B that way), line breaks allowed, padding optional but exact
 * when present, and canonical: the unused bits of the last character are zero, so one byte string has one text.
 * Null for anything else, mixed alphabets included.
 */
export function decodeStrictBase64(text: string): Uint8Array | null {
  const compact = text.replace(/[\r\n\t ]/g, '');
  const match = /^([A-Za-z0-9+/]*|[A-Za-z0-9_-]*)(={0,2})$/.exec(compact);
  if (!match || compact.length === 0) return null;
  const body = match[1]!;
  const padded = match[2]!.length > 0;
  if (padded ? compact.length % 4 !== 0 : body.length % 4 === 1) return null;
  const encoding = /[-_]/.test(body) ? 'base64url' : 'base64';
  const bytes = Buffer.from(body, encoding);
  if (bytes.toString(encoding).replace(/=+$/, '') !== body) return null;
  return new Uint8Array(bytes);
}
