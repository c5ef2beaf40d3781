import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { platformRoutes } from '../../functions/routes/platform-routes.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';

/*
 * Swagger UI at MOSIP's paths on both services, through the local API Gateway and without a token: the page, every
 * file it references, our initializer naming the service's own OpenAPI document, refusals of anything else, and the
 * page rendering that document in a real browser (Debian's chromium, as test/e2e/browser-login.test.ts).
 */

const CHROMIUM = process.env.PMS_CHROMIUM ?? '/usr/bin/chromium';
const SERVICES = [
  { name: 'partnermanager', ui: platformRoutes.partnerManagerSwaggerUi, apiDocs: platformRoutes.partnerManagerApiDocs },
  { name: 'policymanager', ui: platformRoutes.policyManagerSwaggerUi, apiDocs: platformRoutes.policyManagerApiDocs },
] as const;

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
};

let stack: LocalStack;

before(async () => {
  stack = await startLocalStack();
});
after(() => stack?.stop());

const uiPath = (service: (typeof SERVICES)[number], file: string) => service.ui.fullPath.replace('{file+}', file);

/** The same-origin path a URL the page names resolves to, relative to the page as a browser resolves it. */
function resolvedPath(reference: string, page: string): string {
  const url = new URL(reference, `${stack.baseUrl}${page}`);
  assert.equal(url.origin, new URL(stack.baseUrl).origin, `${reference} leaves the API's origin`);
  return url.pathname;
}

for (const service of SERVICES) {
  describe(`Swagger UI of the ${service.name} service (e2e)`, () => {
    const page = uiPath(service, 'index.html');

    test(`GET /v1/${service.name}/swagger-ui/index.html, its files and the document its initializer names answer without a token`, async () => {
      assert.equal(page, `/v1/${service.name}/swagger-ui/index.html`);
      const html = await stack.request('GET', page);
      assert.equal(html.status, 200, html.text);
      assert.equal(html.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(html.headers.get('x-content-type-options'), 'nosniff');
      assert.match(html.headers.get('content-security-policy') ?? '', /script-src 'self'/);

      const references = [...html.text.matchAll(/(?:href|src)="([^"]+)"/g)].map(([, reference]) => reference!);
      const assets = references.map((reference) => resolvedPath(reference, page));
      for (const expected of ['swagger-ui.css', 'index.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'swagger-initializer.js']) {
        assert.ok(assets.includes(uiPath(service, expected)), `the page references ${expected}: ${assets.join(', ')}`);
      }
      for (const asset of assets) {
        const answer = await stack.request('GET', asset);
        assert.equal(answer.status, 200, `${asset}: ${answer.text.slice(0, 200)}`);
        assert.equal(answer.headers.get('content-type'), CONTENT_TYPES[asset.slice(asset.lastIndexOf('.'))], asset);
        assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', asset);
        assert.ok(answer.headers.get('cache-control'), asset);
      }

      const initializer = await stack.request('GET', uiPath(service, 'swagger-initializer.js'));
      const documentUrl = /\burl: "([^"]+)"/.exec(initializer.text)?.[1];
      assert.ok(documentUrl, `the initializer names a document: ${initializer.text}`);
      const documentPath = resolvedPath(documentUrl, page);
      assert.equal(documentPath, `/v1/${service.name}/v3/api-docs`);
      assert.equal(documentPath, service.apiDocs.fullPath);
      const document = await stack.request('GET', documentPath);
      assert.equal(document.status, 200, document.text.slice(0, 200));
      assert.match(document.headers.get('content-type') ?? '', /^application\/json/);
      assert.match(String(document.json?.openapi), /^3\./);
    });

    test('an unknown file, a file of the package outside the allowlist and traversal attempts are 404', async () => {
      for (const file of [
        'nope.js',
        'package.json',
        'swagger-ui-bundle.js.map',
        '..%2Fpackage.json',
        '..%2F..%2F..%2Fpackage.json',
        '%2E%2E%2Fv3%2Fapi-docs',
      ]) {
        const answer = await stack.request('GET', uiPath(service, file));
        assert.equal(answer.status, 404, `${file}: ${answer.text.slice(0, 200)}`);
      }
      // The bare directory is no file either: API Gateway's greedy {file+} needs one segment.
      assert.equal((await stack.request('GET', uiPath(service, ''))).status, 404);
    });
  });
}

describe('Swagger UI in a browser (e2e)', () => {
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `no browser at ${CHROMIUM}: install Debian's chromium (.ci/run does) or set PMS_CHROMIUM`);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  after(() => browser?.close());

  for (const service of SERVICES) {
    test(`the ${service.name} page renders its own OpenAPI document, under its content security policy, fetching nothing elsewhere`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems: string[] = [];
      const elsewhere: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => {
        if (!request.url().startsWith(stack.baseUrl) && !request.url().startsWith('data:')) elsewhere.push(request.url());
      });
      const documentLoaded = page.waitForResponse((response) => new URL(response.url()).pathname === service.apiDocs.fullPath);
      await page.goto(`${stack.baseUrl}${uiPath(service, 'index.html')}`);
      assert.equal((await documentLoaded).status(), 200);
      await page.locator('.information-container .title').waitFor({ timeout: 30_000 });
      assert.match((await page.locator('.information-container .title').textContent()) ?? '', new RegExp(`PMS ${service.name}`));
      assert.ok((await page.locator('.opblock').count()) > 0, 'operations are listed');
      await context.close();
      assert.deepEqual(problems, []);
      assert.deepEqual(elsewhere, []);
    });
  }
});
