/** The request's cookies by name (API Gateway payload v2 `cookies`, or a Cookie header); the first of a name wins. */
export function requestCookies(cookies: readonly string[] | undefined, cookieHeader: string | undefined): Record<string, string> {
  // No prototype: a cookie named __proto__ or toString is a cookie like any other.
  const found: Record<string, string> = Object.create(null);
  for (const pair of [...(cookies ?? []), ...(cookieHeader ? cookieHeader.split(';') : [])]) {
    const separator = pair.indexOf('=');
    if (separator <= 0) continue;
    const name = pair.slice(0, separator).trim();
    if (!Object.hasOwn(found, name)) found[name] = pair.slice(separator + 1).trim();
  }
  return found;
}
