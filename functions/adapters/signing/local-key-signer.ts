import { constants, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, privateEncrypt, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertSha256Digest, type CertificateSigner } from '../../domain/certificates/signer.js';

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
  const pem = (await readPem(file)) ?? (await publishOnce(file, generatedKeyPem()));
  return localKeySigner(createPrivateKey(pem));
}

function generatedKeyPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/**
 * Written aside and hard-linked into place, so a reader never sees half a key and, when two processes start on a
 * fresh data directory at once, both end up with the same key (the loser reads the winner's).
 */
async function publishOnce(file: string, pem: string): Promise<string> {
  await mkdir(dirname(file), { recursive: true });
  const draft = `${file}.${randomUUID()}.tmp`;
  await writeFile(draft, pem, { mode: 0o600, flag: 'wx' });
  try {
    await link(draft, file);
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readPem(file))!;
  } finally {
    await unlink(draft);
  }
}

async function readPem(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
