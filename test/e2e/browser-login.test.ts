import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';

/*
 * MOSIP's portal login in a real browser (Debian's chromium, driven by playwright-core; .ci/run installs it): the
 * partner manager's login endpoints, the local identity provider's form, the Authorization cookie, validateToken
 * and logout, and the refusals a login proxy must make.
 */
const CHROMIUM = process.env.PMS_CHROMIUM ?? '/usr/bin/chromium';
const PM = '/v1/partnermanager';
const b64 = (url: string) => Buffer.from(url).toString('base64');

let stack: LocalStack;
let browser: Browser;
let returnUrl: string;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `no browser at ${CHROMIUM}: install Debian's chromium (.ci/run does) or set PMS_CHROMIUM`);
  stack = await startLocalStack();
  // Any page of the allowed origin will do as the portal's URL: the API's own health document.
  returnUrl = `${stack.baseUrl}${PM}/actuator/health`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signIn(context: BrowserContext, user: string, roles: string[], state = randomUUID()): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}${PM}/login/${b64(returnUrl)}?state=${state}`);
  await page.fill('#username', user);
  for (const role of roles) await page.check(`input[name=roles][value=${role}]`);
  await page.fill('input[name=email]', `${user}@example.org`);
  await Promise.all([page.waitForURL(returnUrl), page.click('button[type=submit]')]);
  return page;
}

const validateToken = (page: Page) =>
  page.evaluate(async (path) => {
    const response = await fetch(path, { credentials: 'include' });
    return { status: response.status, json: (await response.json()) as { response: Record<string, string> } };
  }, `${PM}/authorize/admin/validateToken`);

test('a user signs in through the form, holds an HttpOnly Authorization cookie, validateToken names them; logout clears it', async () => {
  const context = await browser.newContext();
  const page = await signIn(context, 'browser-admin', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  const cookie = (await context.cookies()).find((candidate) => candidate.name === 'Authorization');
  assert.ok(cookie, 'the Authorization cookie is set');
  assert.deepEqual([cookie.httpOnly, cookie.sameSite, cookie.path], [true, 'Lax', '/']);
  assert.ok(cookie.expires > Date.now() / 1000, 'it lasts as long as the token');
  const { status, json } = await validateToken(page);
  assert.equal(status, 200);
  assert.deepEqual(
    [json.response.userId, json.response.mail, json.response.role],
    ['browser-admin', 'browser-admin@example.org', 'PARTNER_ADMIN,POLICYMANAGER'],
  );
  assert.equal(json.response.token, cookie.value);

  await page.goto(`${stack.baseUrl}${PM}/logout/user?redirecturi=${encodeURIComponent(b64(returnUrl))}`);
  assert.equal(page.url(), returnUrl);
  assert.equal(
    (await context.cookies()).find((candidate) => candidate.name === 'Authorization'),
    undefined,
  );
  assert.equal((await validateToken(page)).status, 401);
  await context.close();
});

test('refused: a return URL off the allow-list, a state that is not this browser’s, a replayed code', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const offList = await page.goto(`${stack.baseUrl}${PM}/login/${b64('https://evil.example/')}?state=${randomUUID()}`);
  assert.equal((await offList!.json()).errors[0].errorCode, 'KER-ACP-009');

  // See the provider's answer (the redirect back with the code) and let it through.
  let answer: string | undefined;
  page.on('request', (request) => {
    if (request.url().includes(`${PM}/login-redirect/`)) answer ??= request.url();
  });
  const state = randomUUID();
  await page.goto(`${stack.baseUrl}${PM}/login/${b64(returnUrl)}?state=${state}`);
  const flowCookies = (await context.cookies()).filter((cookie) => ['state', 'pkce_verifier'].includes(cookie.name));
  assert.equal(flowCookies.length, 2);
  await page.fill('#username', 'browser-partner');
  await Promise.all([page.waitForURL(returnUrl), page.click('button[type=submit]')]);
  assert.ok(answer, 'the provider sent the browser back with a code');

  const forged = new URL(answer);
  forged.searchParams.set('state', randomUUID());
  await context.addCookies(flowCookies);
  assert.equal((await (await page.goto(forged.toString()))!.json()).errors[0].errorCode, 'KER-ACP-007');

  await context.addCookies(flowCookies);
  const replay = await (await page.goto(answer))!.json();
  assert.equal(replay.errors[0].errorCode, 'KER-ACP-006', 'the provider refuses a code used before');
  await context.close();
});
