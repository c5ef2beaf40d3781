export function toHex(bytes: Uint8Array | ArrayBuffer): string {
  return Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString('hex');
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}

/** A plain Uint8Array copy that owns its memory: the input may be a Buffer, or a view that asn1-schema shares. */
export function bytesOf(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  return buffer instanceof ArrayBuffer ? new Uint8Array(buffer.slice(0)) : new Uint8Array(buffer);
}

const DER_NULL = Uint8Array.of(0x05, 0x00);

/**
 * An AlgorithmIdentifier's parameters as DER, null when absent. asn1-schema reads an ASN.1 NULL as `null` and
 * absence as `undefined`; keeping them apart matters (RFC 4055 and 5758 prescribe one or the other per algorithm).
 */
export function parametersDer(parameters: ArrayBuffer | null | undefined): Uint8Array | null {
  if (parameters === undefined) return null;
  return parameters === null ? DER_NULL : bytesOf(parameters);
}

export function isDerNull(parameters: Uint8Array | null): boolean {
  return parameters !== null && sameBytes(parameters, DER_NULL);
}
