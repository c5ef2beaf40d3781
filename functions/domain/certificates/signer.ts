/** The algorithms a PMS CA key signs with; the names are KMS's `SigningAlgorithmSpec` values. */
export type SigningAlgorithm = 'RSASSA_PKCS1_V1_5_SHA_256' | 'ECDSA_SHA_256';

/**
 * A CA private key that signs certificate digests: a KMS key on AWS, a key file locally. The certificate issuer
 * hashes the TBSCertificate itself, so a signer never sees more than 32 bytes (KMS Sign takes at most 4096).
 */
export interface CertificateSigner {
  readonly algorithm: SigningAlgorithm;
  /** SubjectPublicKeyInfo DER of the signing key; adapters fetch it once and cache it (KMS GetPublicKey is 5 rps). */
  publicKey(): Promise<Uint8Array>;
  /** Signs a SHA-256 digest. Returns the bytes that go into the certificate's signatureValue (ECDSA: DER Ecdsa-Sig-Value). */
  signDigest(sha256Digest: Uint8Array): Promise<Uint8Array>;
}

export const SHA256_DIGEST_LENGTH = 32;

/** Signers refuse anything but a SHA-256 digest: a whole message here means a caller skipped the hashing. */
export function assertSha256Digest(digest: Uint8Array): void {
  if (digest.length !== SHA256_DIGEST_LENGTH) throw new Error(`expected a ${SHA256_DIGEST_LENGTH}-byte SHA-256 digest, got ${digest.length} bytes`);
}
