import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { PersonalDataProtector } from '../../domain/personal-data/personal-data.js';
import type { PersonalDataUse } from '../../routes/personal-data-access.js';
import { publishOnce, readTextFile } from '../local-key-file.js';
import type { KeyService } from './key-service.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_FILE = 'personal-data-keys.json';

export interface LocalMasterKeys {
  /** Wraps data keys, as the KMS key does. */
  wrapping: Buffer;
  /** The HMAC key, as the KMS HMAC key. */
  mac: Buffer;
}

/** Checks a use before it happens, as IAM would: `npm start` installs the running route's grant (local/table-grants.ts). */
type UseCheck = (use: PersonalDataUse) => void;
let checkUse: UseCheck = () => {};

export function checkLocalKeyUse(check: UseCheck): void {
  checkUse = check;
}

/**
 * Every use is checked, not only the key-service calls: locally all routes share one process and so one cache of
 * data keys, where on AWS each function has its own and a use its role lacks fails at KMS.
 */
export function locallyChecked(protector: PersonalDataProtector): PersonalDataProtector {
  return {
    async seal(text) {
      checkUse('seal');
      return protector.seal(text);
    },
    async reveal(sealed) {
      checkUse('reveal');
      return protector.reveal(sealed);
    },
    async emailLookup(email) {
      checkUse('lookup');
      return protector.emailLookup(email);
    },
  };
}

/** KMS's part of envelope encryption for `npm start`: data keys wrapped with AES-256-GCM under a local key. */
export function localKeyService(master: LocalMasterKeys): KeyService {
  return {
    async generateDataKey() {
      const plaintext = randomBytes(32);
      return { plaintext, encrypted: wrap(master.wrapping, plaintext) };
    },
    async decryptDataKey(encrypted) {
      return unwrap(master.wrapping, Buffer.from(encrypted));
    },
    mac: async (message) => localMac(master, message),
  };
}

export function localMac(master: LocalMasterKeys, message: Uint8Array): Buffer {
  return createHmac('sha256', master.mac).update(message).digest();
}

export function newLocalMasterKeys(): LocalMasterKeys {
  return { wrapping: randomBytes(32), mac: randomBytes(32) };
}

/** The keys in `<dataDir>/personal-data-keys.json` (mode 0600), made on first use and kept with the local data. */
export async function loadOrCreateLocalMasterKeys(dataDir: string): Promise<LocalMasterKeys> {
  const file = join(dataDir, KEY_FILE);
  const fresh = newLocalMasterKeys();
  const text =
    (await readTextFile(file)) ?? (await publishOnce(file, JSON.stringify({ wrapping: fresh.wrapping.toString('base64'), mac: fresh.mac.toString('base64') })));
  const stored = JSON.parse(text) as { wrapping?: unknown; mac?: unknown };
  if (typeof stored.wrapping !== 'string' || typeof stored.mac !== 'string') throw new Error(`${file} is not a personal-data key file`);
  return { wrapping: Buffer.from(stored.wrapping, 'base64'), mac: Buffer.from(stored.mac, 'base64') };
}

function wrap(key: Buffer, plaintext: Buffer): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function unwrap(key: Buffer, wrapped: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, wrapped.subarray(0, IV_BYTES));
  decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
  return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)), decipher.final()]);
}
