export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}

const DER_NULL = Uint8Array.of(0x05, 0x00);

/** Whether an AlgorithmIdentifier's parameters are an ASN.1 NULL (RFC 4055 and 5758 prescribe NULL or absence per algorithm). */
export function isDerNull(parameters: Uint8Array | null): boolean {
  return parameters !== null && sameBytes(parameters, DER_NULL);
}
