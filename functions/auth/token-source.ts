/**
 * Where a caller's token is: `Authorization: Bearer …`, or (as MOSIP clients send it) a cookie named
 * `Authorization`. The header wins when both are present.
 */
export function extractToken(headers: Record<string, string | undefined>, cookies: readonly string[] = []): string | undefined {
  const header = headers.authorization ?? headers.Authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  const cookieHeaderValues = headers.cookie ? headers.cookie.split(';') : [];
  for (const cookie of [...cookies, ...cookieHeaderValues]) {
    const separator = cookie.indexOf('=');
    if (separator > 0 && cookie.slice(0, separator).trim() === 'Authorization') {
      const value = cookie.slice(separator + 1).trim();
      return value.replace(/^Bearer\s+/i, '') || undefined;
    }
  }
  return undefined;
}
