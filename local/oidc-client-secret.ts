import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { publishOnce, readTextFile } from '../functions/adapters/local-key-file.js';
import { LocalStackError } from './config.js';

/**
 * The local login client's secret, made once per data directory (mode 0600) and read by both the issuer (to check it)
 * and the functions (PMS_LOGIN_CLIENT_SECRET, to present it). Never printed.
 */
export async function loadOrCreateLoginClientSecret(dataDir: string): Promise<string> {
  const file = loginClientSecretPath(dataDir);
  const secret = ((await readTextFile(file)) ?? (await publishOnce(file, randomBytes(32).toString('base64url')))).trim();
  if (!/^[A-Za-z0-9_-]{32,}$/.test(secret)) throw new LocalStackError(`${file} does not hold a client secret: delete it and start again to make a new one`);
  return secret;
}

export function loginClientSecretPath(dataDir: string): string {
  return join(dataDir, 'login-client-secret');
}
