import { requestCookies } from '../http/request-cookies.js';

/** MOSIP's cookie for the token: the portal login sets it, MOSIP's clients send it. */
export const TOKEN_COOKIE = 'Authorization';

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
  return cookieToken(requestCookies(cookies, headers.cookie));
}

/** The token in the request's `Authorization` cookie (MOSIP clients sometimes prefix it with `Bearer `). */
export function cookieToken(cookies: Readonly<Record<string, string>>): string | undefined {
  return cookies[TOKEN_COOKIE]?.replace(/^Bearer\s+/i, '') || undefined;
}
