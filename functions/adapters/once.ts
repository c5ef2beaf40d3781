/**
 * Builds a value on the first call and returns the same value after: the composition roots' per-container adapters.
 * Its own module so that a wiring module can use it without importing wiring.ts, whose top-level deps (the
 * personal-data protector and its KMS client among them) every importer would otherwise bundle.
 */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
