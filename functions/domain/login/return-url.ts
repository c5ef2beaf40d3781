import { LOGIN_ERRORS } from '../../errors/login-errors.js';
import { PmsError } from '../../errors/pms-error.js';

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const PREFIX_PATTERN = '/**';

/**
 * Where the login may send the browser back to: the portal's URL, base64-encoded in MOSIP's path (`btoa(href)`), and
 * on the deployment's allow-list, so the login cannot be used to send a signed-in user to another site. An entry is
 * an exact URL (compared without its fragment) or `<origin-and-path>/**`, which allows that URL and what lies below.
 */
export function allowedReturnUrl(encoded: string | undefined, allowedUrls: readonly string[]): string {
  const url = decoded(encoded);
  if (!url || !allowedUrls.some((entry) => allows(entry, url))) throw new PmsError(LOGIN_ERRORS.URL_NOT_ALLOWED);
  return url;
}

function decoded(encoded: string | undefined): string | undefined {
  if (!encoded || !BASE64.test(encoded)) return undefined;
  const text = Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password ? text : undefined;
  } catch {
    return undefined;
  }
}

function allows(entry: string, url: string): boolean {
  if (entry.endsWith(PREFIX_PATTERN)) {
    const base = entry.slice(0, -PREFIX_PATTERN.length);
    return url === base || url.startsWith(`${base}/`);
  }
  return url.split('#')[0] === entry.split('#')[0];
}
