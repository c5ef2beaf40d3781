import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type CryptoKey, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/** RS256 only: API Gateway's JWT authorizers and aws-jwt-verify accept RSA keys only. */
export const TOKEN_ALGORITHM = 'RS256';

export interface IssuerSigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** The issuer's key pair, kept in the data directory so tokens outlive restarts of the stack. */
export async function loadOrCreateSigningKey(dataDir: string): Promise<IssuerSigningKey> {
  const file = join(dataDir, 'issuer-key.json');
  let privateJwk = readJwk(file);
  if (!privateJwk) {
    const { privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { modulusLength: 2048, extractable: true });
    const generated = { ...(await exportJWK(privateKey)), alg: TOKEN_ALGORITHM, use: 'sig' };
    generated.kid = await calculateJwkThumbprint(generated);
    privateJwk = publishOnce(file, generated);
  }
  const { kty, n, e, kid } = privateJwk;
  return {
    kid: kid!,
    privateKey: (await importJWK(privateJwk, TOKEN_ALGORITHM)) as CryptoKey,
    publicJwk: { kty, n, e, kid, alg: TOKEN_ALGORITHM, use: 'sig' },
  };
}

/**
 * Written aside and hard-linked into place, so a reader never sees half a key and, when `npm start` and
 * `npm run token` race on a fresh data directory, both end up with the same key.
 */
function publishOnce(file: string, jwk: JWK): JWK {
  mkdirSync(dirname(file), { recursive: true });
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, JSON.stringify(jwk), { mode: 0o600 });
  try {
    linkSync(draft, file);
    return jwk;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readJwk(file)!;
  } finally {
    unlinkSync(draft);
  }
}

function readJwk(file: string): JWK | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
