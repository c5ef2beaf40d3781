/**
 * What envelope encryption needs of a key service: KMS on AWS (kms-key-service.ts), a key file in `npm start`
 * (local-key-service.ts). Data keys are AES-256; the MAC is HMAC-SHA-256 under a key that never leaves the service.
 */
export interface KeyService {
  generateDataKey(): Promise<{ plaintext: Uint8Array; encrypted: Uint8Array }>;
  decryptDataKey(encrypted: Uint8Array): Promise<Uint8Array>;
  mac(message: Uint8Array): Promise<Uint8Array>;
}
