import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { normaliseEmail, type PersonalDataProtector, type SealedText } from '../../domain/personal-data/personal-data.js';
import type { KeyService } from './key-service.js';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/**
 * Sealed text names its purpose in the GCM additional data, so a ciphertext made for anything else does not open.
 * Marked pure so that a bundle that never seals drops it rather than keeping the call (and this module).
 */
const ADDITIONAL_DATA = /* @__PURE__ */ Buffer.from('pms-personal-data:v1');
const EMAIL_LOOKUP_PREFIX = 'pms-email-lookup:v1:';

export interface DataKey {
  plaintext: Uint8Array;
  encrypted: Uint8Array;
}

export interface EnvelopeOptions {
  /** How long and how often one data key seals before a new one is asked for (as the AWS Encryption SDK's cache). */
  dataKeyMaxAgeMs?: number;
  dataKeyMaxUses?: number;
  /** How many decrypted data keys a container keeps. */
  revealCacheSize?: number;
  now?: () => number;
}

/**
 * Envelope encryption: each field is AES-256-GCM under a data key the key service made, stored with that data key
 * encrypted (`v1.<encrypted data key>.<iv>.<ciphertext+tag>`, base64url). A container reuses one data key for a few
 * minutes and keeps the data keys it decrypted, so a list of a thousand partners costs a few KMS calls, not three
 * thousand.
 */
export function envelopeProtector(keys: KeyService, options: EnvelopeOptions = {}): PersonalDataProtector {
  const maxAge = options.dataKeyMaxAgeMs ?? 5 * 60_000;
  const maxUses = options.dataKeyMaxUses ?? 10_000;
  const cacheSize = options.revealCacheSize ?? 100;
  const now = options.now ?? Date.now;
  let current: { key: Promise<DataKey>; madeAt: number; uses: number } | undefined;
  const opened = new Map<string, Promise<Uint8Array>>();

  function sealingKey(): Promise<DataKey> {
    if (!current || current.uses >= maxUses || now() - current.madeAt >= maxAge) {
      const key = keys.generateDataKey();
      current = { key, madeAt: now(), uses: 0 };
      // What this container sealed it can read back without asking the key service.
      key.then(
        (made) => remember(Buffer.from(made.encrypted).toString('base64url'), Promise.resolve(made.plaintext)),
        () => {},
      );
      // A failed KMS call must not be remembered as the container's key.
      key.catch(() => {
        if (current?.key === key) current = undefined;
      });
    }
    current.uses += 1;
    return current.key;
  }

  function remember(encrypted: string, key: Promise<Uint8Array>): void {
    opened.set(encrypted, key);
    if (opened.size > cacheSize) opened.delete(opened.keys().next().value!);
  }

  function openedKey(encrypted: string): Promise<Uint8Array> {
    let key = opened.get(encrypted);
    if (!key) {
      key = keys.decryptDataKey(Buffer.from(encrypted, 'base64url'));
      key.catch(() => opened.delete(encrypted));
      remember(encrypted, key);
    }
    return key;
  }

  return {
    async seal(text) {
      return sealWithDataKey(await sealingKey(), text);
    },
    async reveal(sealed) {
      const parts = partsOf(sealed);
      return openWithKey(await openedKey(parts.encryptedKey), parts);
    },
    async emailLookup(email) {
      return Buffer.from(await keys.mac(emailLookupMessage(email))).toString('base64url');
    },
  };
}

/** What is MACed for an e-mail's lookup hash: the normalised address, under a label of its own. */
export function emailLookupMessage(email: string): Buffer {
  return Buffer.from(EMAIL_LOOKUP_PREFIX + normaliseEmail(email), 'utf8');
}

export function sealWithDataKey(key: DataKey, text: string): SealedText {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.plaintext, iv).setAAD(ADDITIONAL_DATA);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { sealed: [FORMAT, Buffer.from(key.encrypted).toString('base64url'), iv.toString('base64url'), body.toString('base64url')].join('.') };
}

interface SealedParts {
  encryptedKey: string;
  iv: Buffer;
  body: Buffer;
}

function partsOf(sealed: SealedText): SealedParts {
  const parts = typeof sealed?.sealed === 'string' ? sealed.sealed.split('.') : [];
  if (parts.length !== 4 || parts[0] !== FORMAT) throw new Error('not a sealed personal field');
  const iv = Buffer.from(parts[2]!, 'base64url');
  const body = Buffer.from(parts[3]!, 'base64url');
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new Error('not a sealed personal field');
  return { encryptedKey: parts[1]!, iv, body };
}

function openWithKey(key: Uint8Array, { iv, body }: SealedParts): string {
  const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(ADDITIONAL_DATA);
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}
