import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** What the portal reads at start-up: both services on the origin that serves it. */
export const PORTAL_ENV_CONFIG =
  'window._env_ = { REACT_APP_PARTNER_MANAGER_API_BASE_URL: "/v1/partnermanager", REACT_APP_POLICY_MANAGER_API_BASE_URL: "/v1/policymanager" };\n';

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'strict-origin-when-cross-origin' };

export interface PortalFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * MOSIP's partner portal from a build directory the operator points `npm start` at (PMS_PORTAL_DIR), on the API's own
 * origin, as CloudFront serves it on AWS: its files, `env-config.js` made here, and `index.html` for any other path
 * (the portal routes in the browser). Nothing outside the directory is ever read.
 */
export function portalFiles(directory: string): (method: string, path: string) => Promise<PortalFile | undefined> {
  const root = resolve(directory);
  return async (method, path) => {
    if (method !== 'GET' && method !== 'HEAD') return undefined;
    if (path === '/env-config.js') return file('.js', Buffer.from(PORTAL_ENV_CONFIG));
    const wanted = insideRoot(root, path);
    if (wanted === undefined) return undefined;
    const found = (await isFile(wanted)) ? wanted : join(root, 'index.html');
    return file(extname(found), await readFile(found));
  };
}

function insideRoot(root: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const wanted = resolve(root, `.${decoded}`);
  return wanted === root || wanted.startsWith(root + sep) ? wanted : undefined;
}

function file(extension: string, body: Buffer): PortalFile {
  return { status: 200, headers: { 'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream', ...SECURITY_HEADERS }, body };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
