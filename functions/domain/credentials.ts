import { createHash } from 'node:crypto';

/**
 * What API keys and MISP license keys share: they are shown once, then only their SHA-256 (right for
 * high-entropy secrets) and a short hint are kept, and an expired one counts as inactive everywhere, whether or
 * not a job has switched it off yet.
 */
const HINT_LENGTH = 4;

export function credentialHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function credentialHint(key: string): string {
  return key.slice(-HINT_LENGTH);
}

/** What is shown where MOSIP shows a key again: stars for what is not kept, then the hint, `length` characters in all. */
export function maskedCredential(hint: string, length: number): string {
  return '*'.repeat(Math.max(length - hint.length, 0)) + hint;
}

export function isUsable(credential: { isActive: boolean; validToDatetime: string }, now: Date): boolean {
  return credential.isActive && credential.validToDatetime > now.toISOString();
}
