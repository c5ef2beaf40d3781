import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpReply } from '../http/http-reply.js';

/**
 * Swagger UI at MOSIP's `/swagger-ui/index.html` of each service, from the npm package swagger-ui-dist: its files are
 * shipped beside the function's bundle (lib/bundling.ts), never bundled into it, and read from disk on first request.
 */

/** The swagger-ui-dist files served as they are; nothing else of the package is reachable. */
export const SWAGGER_UI_DIST_FILES = [
  'index.html',
  'index.css',
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-16x16.png',
  'favicon-32x32.png',
  'oauth2-redirect.html',
  'oauth2-redirect.js',
] as const;

/** Ours, not the package's (which opens the petstore): it opens the service's own OpenAPI document. */
export const SWAGGER_UI_INITIALIZER = 'swagger-initializer.js';

/** The directory beside a function's bundle that holds SWAGGER_UI_DIST_FILES. */
export const SWAGGER_UI_BUNDLE_DIRECTORY = 'swagger-ui';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
};

/**
 * The pages load scripts, styles and the document from this origin only; Swagger UI styles elements inline and
 * draws some icons as data: URLs. No framing (clickjacking).
 */
/** What a Swagger UI route may answer, for its row in the route table. */
export const SWAGGER_UI_MEDIA_TYPES: readonly string[] = [...new Set(Object.values(CONTENT_TYPES))];

export const SWAGGER_UI_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/**
 * The pages and our initializer change with a deploy and are small: revalidated on every load. The package's files
 * change only with its version: kept for a day.
 */
const CACHE_CONTROL = { page: 'no-cache', asset: 'public, max-age=86400' } as const;

export function contentTypeOf(file: string): string {
  const extension = file.slice(file.lastIndexOf('.'));
  const type = CONTENT_TYPES[extension];
  if (!type) throw new Error(`no content type for ${file}`);
  return type;
}

/**
 * Swagger UI's start-up script for one service: the document at apiDocsPath (absolute on the API's origin), no
 * outside validator (Swagger UI would send the document's URL to validator.swagger.io).
 */
export function swaggerUiInitializer(apiDocsPath: string): string {
  return `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(apiDocsPath)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
  });
};
`;
}

/**
 * Where the dist files are: beside the bundle on Lambda, else (the handler run from source by tsx) the installed
 * package.
 */
export function swaggerUiDirectory(moduleUrl: string = import.meta.url): string {
  const beside = join(dirname(fileURLToPath(moduleUrl)), SWAGGER_UI_BUNDLE_DIRECTORY);
  if (existsSync(join(beside, 'index.html'))) return beside;
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

export type SwaggerUiFiles = (file: string) => Promise<HttpReply>;

/**
 * Answers one file of a service's Swagger UI by its exact name: a dist file (read once, then kept in memory) or the
 * initializer; any other name, a traversal attempt included, is 404 without touching the disk.
 */
export function swaggerUiFiles(apiDocsPath: string, directory: () => string = swaggerUiDirectory): SwaggerUiFiles {
  const initializer = Buffer.from(swaggerUiInitializer(apiDocsPath));
  const cache = new Map<string, Promise<Buffer>>();
  const contentOf = (file: string): Promise<Buffer> => {
    let content = cache.get(file);
    if (!content) {
      content = readFile(join(directory(), file));
      // A failed read is not kept: the next request tries again.
      content.catch(() => cache.delete(file));
      cache.set(file, content);
    }
    return content;
  };
  return async (file) => {
    if (file === SWAGGER_UI_INITIALIZER) return fileReply(file, initializer, CACHE_CONTROL.page);
    if (!(SWAGGER_UI_DIST_FILES as readonly string[]).includes(file)) return notFound();
    return fileReply(file, await contentOf(file), file.endsWith('.html') ? CACHE_CONTROL.page : CACHE_CONTROL.asset);
  };
}

/** A file's answer; binary files go base64-encoded, as API Gateway's payload 2.0 wants them. */
class FileReply extends HttpReply {
  constructor(
    headers: Record<string, string>,
    body: string,
    readonly isBase64Encoded: boolean,
  ) {
    super(200, headers, [], body);
  }

  override toLambdaResult() {
    return { ...super.toLambdaResult(), isBase64Encoded: this.isBase64Encoded };
  }
}

function fileReply(file: string, content: Buffer, cacheControl: string): HttpReply {
  const contentType = contentTypeOf(file);
  const binary = !contentType.startsWith('text/');
  const headers: Record<string, string> = {
    'content-type': contentType,
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
    ...(file.endsWith('.html') && { 'content-security-policy': SWAGGER_UI_CONTENT_SECURITY_POLICY }),
  };
  return new FileReply(headers, content.toString(binary ? 'base64' : 'utf8'), binary);
}

function notFound(): HttpReply {
  return new HttpReply(404, { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' }, [], JSON.stringify({ message: 'Not Found' }));
}
