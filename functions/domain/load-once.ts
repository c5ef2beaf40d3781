/**
 * Memoises a one-time async load (a public key, the CA certificates, a discovery document, a secret) for the life of
 * the container. Concurrent callers share one load; a failed load is forgotten so the next call tries again instead
 * of failing forever.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
