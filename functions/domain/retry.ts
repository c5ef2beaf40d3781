import { ConcurrentModificationError } from '../errors/pms-error.js';

/**
 * Runs a read-check-write step again when another writer changed the item between our read and our write, so
 * the rules are always checked against what is actually stored. Gives up after a few attempts.
 */
export async function retryOnConflict<T>(step: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof ConcurrentModificationError) || attempt >= attempts) throw error;
    }
  }
}
