/** Reads each distinct id once, however many rows share it: the joins of the in-memory lists. */
export async function readAll<T>(ids: readonly string[], read: (id: string) => Promise<T | undefined>): Promise<Map<string, T | undefined>> {
  const unique = [...new Set(ids)];
  const values = await Promise.all(unique.map(read));
  return new Map(unique.map((id, index) => [id, values[index]]));
}
