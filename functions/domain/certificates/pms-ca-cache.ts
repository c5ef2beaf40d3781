import { loadOnce } from '../load-once.js';
import type { PmsCa } from './pms-ca.js';

/**
 * The stored PMS CA, once per container: the table is read at most once while it succeeds; a failure is retried on
 * the next call. Apart from pms-ca.ts, which creates the hierarchy, so that functions that only read the PMS CA do not
 * bundle the certificate issuer.
 */
export function cachedPmsCa(load: () => Promise<PmsCa>): () => Promise<PmsCa> {
  return loadOnce(load);
}
