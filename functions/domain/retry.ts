import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrentModificationError } from '../errors/pms-error.js';

/** Attempts of a read-check-write step, and the base of the backoff between them (10, 20, 40, 80 ms, each jittered). */
export const CONFLICT_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 10;

/**
 * Runs a read-check-write step again when another writer changed the item between our read and our write, so
 * the rules are always checked against what is actually stored. Between attempts it waits a random time up to a
 * doubling bound ("full jitter"), so writers racing for one item spread out instead of colliding again. After
 * `attempts` it gives up with the last ConcurrentModificationError, which the API answers as PMS_COR_101.
 */
export async function retryOnConflict<T>(step: () => Promise<T>, attempts = CONFLICT_ATTEMPTS, random: () => number = Math.random): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof ConcurrentModificationError) || attempt >= attempts) throw error;
      await sleep(Math.round(random() * BACKOFF_BASE_MS * 2 ** (attempt - 1)));
    }
  }
}
