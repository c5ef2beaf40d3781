import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readLocalConfig } from '../../local/config.js';
import { PORTAL_ENV_CONFIG, portalFiles } from '../../local/portal-files.js';

const root = mkdtempSync(join(tmpdir(), 'pms-portal-'));
const build = join(root, 'build');
mkdirSync(join(build, 'static'), { recursive: true });
writeFileSync(join(build, 'index.html'), '<html>portal</html>');
writeFileSync(join(build, 'static', 'main.js'), 'console.log(1)');
writeFileSync(join(root, 'secret.txt'), 'outside the build');
after(() => rmSync(root, { recursive: true, force: true }));

test('the portal build is served with its own env-config.js, index.html for its routes, and nothing outside it', async () => {
  const serve = portalFiles(build);
  const script = await serve('GET', '/static/main.js');
  assert.deepEqual([script?.headers['content-type'], script?.body.toString()], ['text/javascript; charset=utf-8', 'console.log(1)']);
  assert.equal(script?.headers['x-content-type-options'], 'nosniff');
  assert.equal((await serve('GET', '/env-config.js'))?.body.toString(), PORTAL_ENV_CONFIG);
  assert.match(PORTAL_ENV_CONFIG, /REACT_APP_PARTNER_MANAGER_API_BASE_URL: "\/v1\/partnermanager"/);
  for (const path of ['/', '/partnermanagement/dashboard', '/../secret.txt', '/%2e%2e/secret.txt', '/static/%E0%A4%A']) {
    const answer = await serve('GET', path);
    assert.ok(answer === undefined || answer.body.toString() === '<html>portal</html>', `${path} answered ${answer?.body.toString()}`);
  }
  assert.equal(await serve('POST', '/'), undefined);
});

test('npm start refuses a PMS_PORTAL_DIR that is not a build', () => {
  assert.equal(readLocalConfig({ PMS_PORTAL_DIR: build }).portalDir, build);
  assert.throws(() => readLocalConfig({ PMS_PORTAL_DIR: root }), /not a portal build/);
  assert.equal(readLocalConfig({}).portalDir, undefined);
});
