import { localUrl } from './ports.js';

/** Where MOSIP's login proxy (functions/domain/login/) takes the code back: `${api}${LOGIN_REDIRECT_PATH}<base64 URL>`. */
export const LOGIN_REDIRECT_PATH = '/v1/partnermanager/login-redirect/';

/**
 * The origins a browser reaches the local API on: its own address, and `localhost` for the same port (a portal opened
 * as http://localhost:8080 builds its redirect URIs on that host). The portal (PMS_PORTAL_DIR) is served on these too.
 */
export function localApiOrigins(apiPort: number): string[] {
  return [localUrl(apiPort), `http://localhost:${apiPort}`];
}

/** A login may end on the local API's login redirect, nowhere else: the code must not reach another program. */
export function isLocalLoginRedirect(uri: string, apiPort: number): boolean {
  const path = onLocalApi(uri, apiPort)?.pathname ?? '';
  return path.startsWith(LOGIN_REDIRECT_PATH) && path.length > LOGIN_REDIRECT_PATH.length;
}

/** After logout the browser may return to any page of the local API or the portal it serves. */
export function isLocalLogoutRedirect(uri: string, apiPort: number): boolean {
  return onLocalApi(uri, apiPort) !== undefined;
}

function onLocalApi(uri: string, apiPort: number): URL | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  // RFC 6749 §3.1.2: no fragment; user info would make a reader misjudge the host.
  if (url.hash || uri.includes('#') || url.username || url.password) return undefined;
  return localApiOrigins(apiPort).includes(url.origin) ? url : undefined;
}
