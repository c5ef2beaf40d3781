import { constants, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, privateEncrypt } from 'node:crypto';
import { join } from 'node:path';
import { assertSha256Digest, type CertificateSigner } from '../../domain/certificates/signer.js';
import { publishOnce, readTextFile } from '../local-key-file.js';

/** DER of DigestInfo{sha256, NULL} up to the digest's OCTET STRING header (RFC 8017 §9.2, note 1). */
const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');
const KEY_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * A CA key held in memory, for `npm start`. RSA only: node:crypto signs a precomputed digest only through RSA's
 * raw private-key operation (PKCS#1 v1.5 is the private-key encryption of DigestInfo); its ECDSA always hashes
 * the input again. The AWS keys are RSA_2048 too (lib/signing-keys.ts).
 */
export function localKeySigner(privateKey: KeyObject): CertificateSigner {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'rsa') {
    throw new Error(`a local certificate signer needs an RSA private key, not ${privateKey.asymmetricKeyType ?? privateKey.type}`);
  }
  const spki = new Uint8Array(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }));
  return {
    algorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
    publicKey: async () => spki,
    async signDigest(digest) {
      assertSha256Digest(digest);
      const digestInfo = Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest]);
      return new Uint8Array(privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, digestInfo));
    },
  };
}

/** The RSA-2048 key in `<dir>/<name>.pem` (PKCS#8, mode 0600), created on the first call; later calls reuse it. */
export async function loadOrCreateLocalSigner(dir: string, name: string): Promise<CertificateSigner> {
  if (!KEY_NAME.test(name)) throw new Error(`invalid signing key name: ${name}`);
  const file = join(dir, `${name}.pem`);
  const pem = (await readTextFile(file)) ?? (await publishOnce(file, generatedKeyPem()));
  return localKeySigner(createPrivateKey(pem));
}

function generatedKeyPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
