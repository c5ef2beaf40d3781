import { randomBytes } from 'node:crypto';
import type { Clock } from '../functions/domain/ports.js';

/** Random handles (256 bits) to values that can be taken once, before they expire: authorization codes, form tokens. */
export interface SingleUseStore<T> {
  issue(value: T): string;
  /** The value, removed so that no one can take it again; undefined when unknown, taken or expired. */
  take(handle: string): T | undefined;
}

export function singleUseStore<T>(lifetimeMs: number, clock: Clock): SingleUseStore<T> {
  const entries = new Map<string, { value: T; expiresAt: number }>();
  const forgetExpired = (now: number) => {
    for (const [handle, entry] of entries) if (entry.expiresAt <= now) entries.delete(handle);
  };
  return {
    issue(value) {
      const now = clock.now().getTime();
      forgetExpired(now);
      const handle = randomBytes(32).toString('base64url');
      entries.set(handle, { value, expiresAt: now + lifetimeMs });
      return handle;
    },
    take(handle) {
      const entry = entries.get(handle);
      entries.delete(handle);
      return entry && entry.expiresAt > clock.now().getTime() ? entry.value : undefined;
    },
  };
}
