import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { withoutChanges } from '../support/no-change.js';
import { activeMispPartner, expectOk, v1 } from '../support/pms-calls.js';

/*
 * What a page on another site can make a signed-in browser send with its Authorization cookie: an HTML form or a
 * simple fetch (form or text bodies, no preflight) and links or images (GETs). Neither may write.
 */
let stack: LocalStack;
let adminCookie: string;

before(async () => {
  stack = await startLocalStack();
  adminCookie = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
});
after(() => stack?.stop());

test('a form or text body, as a cross-site form sends it, is refused with 415 and creates nothing', async () => {
  const group = JSON.stringify(v1({ name: 'Forged', desc: 'sent by another site' }));
  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
    const answer = await withoutChanges(stack, contentType, () =>
      stack.request('POST', '/v1/policymanager/policies/group/new', { cookieToken: adminCookie, body: group, headers: { 'content-type': contentType } }),
    );
    assert.equal(answer.status, 415, contentType);
    assert.match(answer.json.errors[0].message, /Content-Type must be application\/json/);
  }
  const created = await stack.request('POST', '/v1/policymanager/policies/group/new', {
    cookieToken: adminCookie,
    body: group,
    headers: { 'content-type': 'application/json' },
  });
  assert.deepEqual(created.json.errors, []);
});

test('the writing GET of a MISP license refuses a cross-site request carrying the cookie; the same GET from the portal re-issues', async () => {
  const misp = await activeMispPartner(stack, adminCookie, 'misp-x', 'MISP X Ltd');
  const license = await expectOk(stack, 'POST', '/v1/partnermanager/misps', misp, v1({ providerId: 'misp-x' }));
  await expectOk(stack, 'PUT', '/v1/partnermanager/misps', misp, v1({ providerId: 'misp-x', licenseKey: license.licenseKey, licenseKeyStatus: 'de-active' }));

  const path = '/v1/partnermanager/misps/misp-x/licenseKey';
  for (const headers of <Record<string, string>[]>[{ 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example' }]) {
    const forged = await withoutChanges(stack, JSON.stringify(headers), () => stack.request('GET', path, { cookieToken: adminCookie, headers }));
    assert.equal(forged.status, 403, JSON.stringify(headers));
  }
  const reissued = await stack.request('GET', path, { cookieToken: adminCookie, headers: { 'sec-fetch-site': 'same-origin' } });
  assert.deepEqual(reissued.json.errors, []);
  assert.notEqual(reissued.json.response.licenseKey, license.licenseKey);
});
