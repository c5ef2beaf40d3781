import type { Route } from '../routes/route.js';
import { AccessDenied } from './error-response.js';

/** application/json, or a structured JSON type (application/merge-patch+json, …), with any parameters. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/** Browsers send these for a request started by the API's own pages (or typed in the address bar). */
const SAME_SITE_FETCHES = new Set(['same-origin', 'same-site', 'none']);

/**
 * A request body must say it is JSON. Cross-site HTML forms and simple fetches can only send form or text bodies
 * without a CORS preflight (which this API never grants), so with the token in a cookie this is what stops a forged
 * POST, PUT or PATCH; Spring refuses other types the same way (415).
 */
export function isJsonContentType(contentType: string | undefined): boolean {
  return JSON_MEDIA_TYPE.test((contentType ?? '').trim());
}

/**
 * MOSIP's one writing GET (`GET /misps/{mispId}/licenseKey` re-issues a license) is reachable by a cross-site link
 * or image that carries the cookie token. Browsers mark such requests: `Sec-Fetch-Site: cross-site` (or an Origin
 * that is not this host's), and those are refused. Clients that send neither (MOSIP's services, scripts) are
 * unaffected.
 */
export function refuseCrossSiteWrite(route: Pick<Route, 'method' | 'tableAccess'>, headers: Record<string, string | undefined>): void {
  if (route.method !== 'GET' || route.tableAccess !== 'read-write') return;
  const fetchSite = headers['sec-fetch-site']?.trim().toLowerCase();
  if (fetchSite !== undefined && !SAME_SITE_FETCHES.has(fetchSite)) throw new AccessDenied(`a ${fetchSite} request cannot write through a GET`);
  // An opaque origin ("null", from a sandboxed frame or a redirect) has no host, so it is refused too.
  const origin = headers.origin;
  if (origin !== undefined && hostOf(origin) !== headers.host?.toLowerCase()) throw new AccessDenied(`a request from ${origin} cannot write through a GET`);
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}
