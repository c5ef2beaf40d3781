import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { HttpReply } from '../../functions/http/http-reply.js';
import {
  contentTypeOf,
  SWAGGER_UI_BUNDLE_DIRECTORY,
  SWAGGER_UI_DIST_FILES,
  SWAGGER_UI_INITIALIZER,
  swaggerUiDirectory,
  swaggerUiFiles,
  swaggerUiInitializer,
} from '../../functions/openapi/swagger-ui-files.js';
import { platformRoutes } from '../../functions/routes/platform-routes.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { filesBesideBundleOf, functionBundling } from '../../lib/bundling.js';

const DIST = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const API_DOCS = '/v1/policymanager/v3/api-docs';
const SERVED = [...SWAGGER_UI_DIST_FILES, SWAGGER_UI_INITIALIZER];

const work = mkdtempSync(join(tmpdir(), 'pms-swagger-ui-'));
after(() => rmSync(work, { recursive: true, force: true }));

const resultOf = (reply: HttpReply) => reply.toLambdaResult() as APIGatewayProxyStructuredResultV2 & { headers: Record<string, string> };
const bytesOf = (result: APIGatewayProxyStructuredResultV2) => Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8');

describe('Swagger UI files', () => {
  const serve = swaggerUiFiles(API_DOCS);

  test('each allowlisted file answers 200 with its content type, nosniff and a cache policy; the package files as the package has them', async () => {
    const expectedTypes: Record<string, string> = {
      'index.html': 'text/html; charset=utf-8',
      'oauth2-redirect.html': 'text/html; charset=utf-8',
      'index.css': 'text/css; charset=utf-8',
      'swagger-ui.css': 'text/css; charset=utf-8',
      'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
      'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
      'oauth2-redirect.js': 'text/javascript; charset=utf-8',
      'swagger-initializer.js': 'text/javascript; charset=utf-8',
      'favicon-16x16.png': 'image/png',
      'favicon-32x32.png': 'image/png',
    };
    assert.deepEqual(Object.keys(expectedTypes).sort(), [...SERVED].sort());
    for (const file of SERVED) {
      const result = resultOf(await serve(file));
      assert.equal(result.statusCode, 200, file);
      assert.equal(result.headers['content-type'], expectedTypes[file], file);
      assert.equal(contentTypeOf(file), expectedTypes[file], file);
      assert.equal(result.headers['x-content-type-options'], 'nosniff', file);
      const pageOrOurs = file.endsWith('.html') || file === SWAGGER_UI_INITIALIZER;
      assert.equal(result.headers['cache-control'], pageOrOurs ? 'no-cache' : 'public, max-age=86400', file);
      assert.equal('content-security-policy' in result.headers, file.endsWith('.html'), file);
      if (file !== SWAGGER_UI_INITIALIZER) assert.ok(bytesOf(result).equals(readFileSync(join(DIST, file))), `${file} differs from the package's`);
    }
  });

  test('the favicons go base64-encoded (binary through API Gateway); text goes as it is', async () => {
    const png = resultOf(await serve('favicon-32x32.png'));
    assert.equal(png.isBase64Encoded, true);
    assert.deepEqual([...bytesOf(png).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const html = resultOf(await serve('index.html'));
    assert.equal(html.isBase64Encoded, false);
    assert.match(html.body ?? '', /<div id="swagger-ui">/);
  });

  test("our initializer opens the service's own document, not the package's petstore, and sends it to no outside validator", async () => {
    const script = resultOf(await serve(SWAGGER_UI_INITIALIZER)).body ?? '';
    assert.equal(script, swaggerUiInitializer(API_DOCS));
    assert.match(script, /url: "\/v1\/policymanager\/v3\/api-docs"/);
    assert.match(script, /validatorUrl: null/);
    assert.doesNotMatch(script, /petstore/);
    assert.match(readFileSync(join(DIST, SWAGGER_UI_INITIALIZER), 'utf8'), /petstore/, 'the package still ships its own, which we never serve');
    assert.match(swaggerUiInitializer('/v1/partnermanager/v3/api-docs'), /url: "\/v1\/partnermanager\/v3\/api-docs"/);
  });

  test('every file the page references is served: a new swagger-ui-dist that needs another file fails here', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const referenced = [...html.matchAll(/(?:href|src)="(?:\.\/)?([^"]+)"/g)].map(([, file]) => file!);
    assert.ok(referenced.length >= 6, referenced.join(', '));
    for (const file of referenced) assert.ok(SERVED.includes(file as (typeof SERVED)[number]), `${file} is referenced by index.html but not served`);
    assert.match(readFileSync(join(DIST, 'oauth2-redirect.html'), 'utf8'), /src="oauth2-redirect\.js"/);
  });

  test('any other name is 404 without reading the disk: other package files, traversal, absolute paths, case and slash variants', async () => {
    const reads: string[] = [];
    const guarded = swaggerUiFiles(API_DOCS, () => {
      reads.push('read');
      return DIST;
    });
    const refused = [
      'package.json',
      'index.js',
      'absolute-path.js',
      'swagger-ui-bundle.js.map',
      'swagger-ui-es-bundle.js',
      'swagger-ui.js',
      'LICENSE',
      '../package.json',
      '../../package.json',
      '..%2Fpackage.json',
      '../swagger-ui-dist/index.html',
      `/${join(DIST, 'index.html')}`,
      './index.html',
      'index.html/',
      'INDEX.HTML',
      'index.html%00.png',
      'swagger-ui/index.html',
      '',
      'constructor',
      '__proto__',
    ];
    for (const file of refused) {
      const result = resultOf(await guarded(file));
      assert.equal(result.statusCode, 404, file);
      assert.deepEqual(JSON.parse(result.body ?? ''), { message: 'Not Found' }, file);
      assert.equal(result.headers['x-content-type-options'], 'nosniff', file);
    }
    assert.deepEqual(reads, []);
  });

  test('a file is read from disk once, then answered from memory; a failed read is retried', async () => {
    const directory = join(work, 'cached');
    mkdirSync(directory);
    let reads = 0;
    const cached = swaggerUiFiles(API_DOCS, () => {
      reads++;
      return directory;
    });
    await assert.rejects(cached('index.css'), /ENOENT/);
    writeFileSync(join(directory, 'index.css'), 'body { first }');
    assert.equal(resultOf(await cached('index.css')).body, 'body { first }');
    writeFileSync(join(directory, 'index.css'), 'body { second }');
    assert.equal(resultOf(await cached('index.css')).body, 'body { first }');
    assert.equal(reads, 2);
  });
});

describe('where the files are found', () => {
  test('beside the bundle when a swagger-ui directory is there (Lambda), else in the installed package (npm start)', () => {
    const bundleDir = join(work, 'bundle');
    const moduleUrl = pathToFileURL(join(bundleDir, 'index.mjs')).href;
    mkdirSync(bundleDir);
    assert.equal(swaggerUiDirectory(moduleUrl), DIST);
    mkdirSync(join(bundleDir, SWAGGER_UI_BUNDLE_DIRECTORY));
    writeFileSync(join(bundleDir, SWAGGER_UI_BUNDLE_DIRECTORY, 'index.html'), '<html></html>');
    assert.equal(swaggerUiDirectory(moduleUrl), join(bundleDir, SWAGGER_UI_BUNDLE_DIRECTORY));
    assert.equal(swaggerUiDirectory(), DIST, 'from source, this module finds the package');
  });
});

describe('shipping the files with the functions', () => {
  const swaggerRows = [platformRoutes.partnerManagerSwaggerUi, platformRoutes.policyManagerSwaggerUi];

  test('the two Swagger UI rows are public GETs of /swagger-ui/{file+} in no envelope, touching no table', () => {
    for (const row of swaggerRows) {
      assert.deepEqual(
        [row.method, row.path, row.access, row.envelope, row.tableAccess, row.personalData],
        ['GET', '/swagger-ui/{file+}', 'PUBLIC', 'RAW', 'none', undefined],
        row.operationId,
      );
    }
    assert.deepEqual(
      swaggerRows.map((row) => row.service),
      ['partnermanager', 'policymanager'],
    );
  });

  test('only the Swagger UI functions get files beside their bundle: the allowlisted ones', () => {
    const withFiles = ROUTES.filter((route) => filesBesideBundleOf(route.entry) !== undefined).map((route) => route.operationId);
    assert.deepEqual(withFiles.sort(), swaggerRows.map((row) => row.operationId).sort());
    for (const row of swaggerRows) {
      assert.deepEqual(filesBesideBundleOf(row.entry), {
        fromPackage: 'swagger-ui-dist',
        files: SWAGGER_UI_DIST_FILES,
        directory: SWAGGER_UI_BUNDLE_DIRECTORY,
      });
    }
    assert.equal(functionBundling().commandHooks, undefined);
  });

  test("the after-bundling commands copy exactly the allowlisted files from the project's node_modules beside index.mjs", () => {
    const inputDir = join(work, 'project');
    const outputDir = join(work, 'asset');
    mkdirSync(join(inputDir, 'node_modules'), { recursive: true });
    mkdirSync(outputDir);
    writeFileSync(join(outputDir, 'index.mjs'), 'export const handler = 1;');
    // The whole package is there, as in node_modules; only the allowlist may come across.
    const packageDir = join(inputDir, 'node_modules', 'swagger-ui-dist');
    mkdirSync(packageDir);
    for (const file of readdirSync(DIST)) writeFileSync(join(packageDir, file), readFileSync(join(DIST, file)));
    const hooks = functionBundling(filesBesideBundleOf(platformRoutes.policyManagerSwaggerUi.entry)).commandHooks!;
    assert.deepEqual([hooks.beforeBundling(inputDir, outputDir), hooks.beforeInstall(inputDir, outputDir)], [[], []]);
    const commands = hooks.afterBundling(inputDir, outputDir);
    const run = spawnSync('sh', ['-ec', commands.join('\n')], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(readdirSync(outputDir).sort(), ['index.mjs', SWAGGER_UI_BUNDLE_DIRECTORY]);
    assert.deepEqual(readdirSync(join(outputDir, SWAGGER_UI_BUNDLE_DIRECTORY)).sort(), [...SWAGGER_UI_DIST_FILES].sort());
    for (const file of SWAGGER_UI_DIST_FILES) {
      assert.ok(readFileSync(join(outputDir, SWAGGER_UI_BUNDLE_DIRECTORY, file)).equals(readFileSync(join(DIST, file))), file);
    }
  });
});
