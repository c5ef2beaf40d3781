import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { settledItems, withoutChanges } from '../support/no-change.js';
import { activeMispPartner, expectOk, expectRefused, v1 } from '../support/pms-calls.js';

const PM = '/v1/partnermanager/partners';
const MISPS = '/v1/partnermanager/misps';
const DAY_MS = 86_400_000;
let stack: LocalStack;
const refused = (method: string, path: string, token: string, body: unknown, code: string) => expectRefused(stack, method, path, token, body, code);
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
let admin: string;
let misp1: string;
let misp2: string;
const clearKeys: string[] = [];

function published(topic: string, from: number) {
  return stack
    .events()
    .slice(from)
    .map((logged) => JSON.stringify(logged))
    .filter((text) => text.includes(topic));
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  misp1 = await activeMispPartner(stack, admin, 'misp-1', 'misp-1 Ltd');
  misp2 = await activeMispPartner(stack, admin, 'misp-2', 'misp-2 Ltd');
});
after(() => stack?.stop());

test('a MISP generates its license: 50 characters [0-9a-zA-Z], returned once, announced by license id', async () => {
  const from = stack.events().length;
  const askedAt = Date.now();
  const license = await ok('POST', MISPS, misp1, v1({ providerId: 'misp-1' }));
  const answeredAt = Date.now();
  assert.equal(license.providerId, 'misp-1');
  assert.match(license.licenseKey, /^[0-9a-zA-Z]{50}$/);
  assert.equal(license.licenseKeyStatus, 'Active');
  // The default validity, 365 days (MOSIP's 999999 days ran to the year 4764); MOSIP's local date-time, in UTC.
  const expiry = Date.parse(`${license.licenseKeyExpiry}Z`);
  assert.ok(expiry >= askedAt + 365 * DAY_MS && expiry <= answeredAt + 365 * DAY_MS, `${license.licenseKeyExpiry}: now + 365 days`);
  clearKeys.push(license.licenseKey);
  await settledItems(stack);
  const [event] = published('MISP_LICENSE_GENERATED', from);
  assert.ok(event, 'MISP_LICENSE_GENERATED published');
  assert.match(event, /"licenseId":"[0-9a-f-]{36}"/);
  assert.ok(event.includes('"mispStatus":"ACTIVE"') && event.includes('"mispId":"misp-1"'), event);
});

test('a second license while one is active: PMS_MSP_416; refusals write nothing', async () => {
  await refused('POST', MISPS, misp1, v1({ providerId: 'misp-1' }), 'PMS_MSP_416');
  await refused('POST', MISPS, admin, v1({ providerId: 'misp-1' }), 'PMS_MSP_416');
  await refused('POST', MISPS, admin, v1({ providerId: 'nobody' }), 'PMS_MSP_005');
  // Another MISP's token, on the body or on the key: refused like an unknown partner, nothing written.
  await refused('POST', MISPS, misp2, v1({ providerId: 'misp-1' }), 'PMS_MSP_005');
  await refused('PUT', MISPS, misp2, v1({ providerId: 'misp-1', licenseKey: clearKeys[0], licenseKeyStatus: 'de-active' }), 'PMS_MSP_005');
  await refused('PUT', MISPS, misp2, v1({ providerId: 'misp-2', licenseKey: clearKeys[0], licenseKeyStatus: 'de-active' }), 'PMS_MSP_408');
  // A partner of another type is not a MISP.
  const bankToken = await stack.token('bank-1', ['AUTH_PARTNER']);
  await ok('POST', '/v1/policymanager/policies/group/new', admin, v1({ name: 'Banks', desc: 'banks' }));
  await ok(
    'POST',
    PM,
    bankToken,
    v1({
      partnerId: 'bank-1',
      partnerType: 'Auth_Partner',
      policyGroup: 'Banks',
      organizationName: 'bank-1 Ltd',
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: 'bank-1@example.org',
    }),
  );
  await refused('POST', MISPS, admin, v1({ providerId: 'bank-1' }), 'PMS_MSP_009');
  // MISP partners cannot regenerate; admins only.
  const { status } = await stack.request('GET', `${MISPS}/misp-1/licenseKey`, { token: misp1 });
  assert.equal(status, 403);
});

test('regenerate while active answers the license masked; status toggles with MOSIP codes', async () => {
  const current = await withoutChanges(stack, 'regenerate while active', () => ok('GET', `${MISPS}/misp-1/licenseKey`, admin));
  assert.equal(current.licenseKey, '*'.repeat(46) + clearKeys[0]!.slice(-4));
  assert.equal(current.licenseKeyStatus, 'Active');

  const from = stack.events().length;
  const off = await ok('PUT', MISPS, misp1, v1({ providerId: 'misp-1', licenseKey: clearKeys[0], licenseKeyStatus: 'De-Active' }));
  assert.deepEqual([off.providerId, off.licenseKeyStatus, off.licenseKey], ['misp-1', 'de-active', current.licenseKey]);
  await refused('PUT', MISPS, misp1, v1({ providerId: 'misp-1', licenseKey: clearKeys[0], licenseKeyStatus: 'paused' }), 'PMS_MSP_407');
  await refused('PUT', MISPS, misp1, v1({ providerId: 'misp-1', licenseKey: 'x'.repeat(50), licenseKeyStatus: 'active' }), 'PMS_MSP_408');
  const on = await ok('PUT', MISPS, admin, v1({ providerId: 'misp-1', licenseKey: clearKeys[0], licenseKeyStatus: 'ACTIVE' }));
  assert.equal(on.licenseKeyStatus, 'active');
  await ok('PUT', MISPS, misp1, v1({ providerId: 'misp-1', licenseKey: clearKeys[0], licenseKeyStatus: 'de-active' }));
  await settledItems(stack);
  const updates = published('MISP_LICENSE_UPDATED', from);
  assert.equal(updates.length, 3);
  assert.ok(updates[0]!.includes('"mispStatus":"NOT_ACTIVE"') && updates[1]!.includes('"mispStatus":"ACTIVE"'));
});

test('regenerate when none is active: a new license with the asked validity, the older one inactive and never re-activated', async () => {
  await refused('GET', `${MISPS}/misp-1/licenseKey?validityDays=0`, admin, undefined, 'PMS_MSP_421');
  await refused('GET', `${MISPS}/misp-2/licenseKey`, admin, undefined, 'PMS_MSP_408');
  const from = stack.events().length;
  const renewed = await ok('GET', `${MISPS}/misp-1/licenseKey?validityDays=30`, admin);
  assert.match(renewed.licenseKey, /^[0-9a-zA-Z]{50}$/);
  assert.notEqual(renewed.licenseKey, clearKeys[0]);
  const days = (Date.parse(`${renewed.licenseKeyExpiry}Z`) - Date.now()) / 86_400_000;
  assert.ok(days > 29.9 && days < 30.1, `${days} days`);
  clearKeys.push(renewed.licenseKey);
  await settledItems(stack);
  assert.equal(published('MISP_LICENSE_UPDATED', from).length, 1);

  // The older license stays inactive: it may not be activated while a newer one exists.
  await refused('PUT', MISPS, admin, v1({ providerId: 'misp-1', licenseKey: clearKeys[0], licenseKeyStatus: 'active' }), 'PMS_MSP_420');
  // Deactivating a superseded license is saved but not published over IDA's current record.
  const quiet = stack.events().length;
  await ok('PUT', MISPS, misp1, v1({ providerId: 'misp-1', licenseKey: clearKeys[0], licenseKeyStatus: 'de-active' }));
  await settledItems(stack);
  assert.equal(stack.events().length, quiet);

  // Regenerating while the new one is active again answers it masked.
  assert.equal((await ok('GET', `${MISPS}/misp-1/licenseKey`, admin)).licenseKey, '*'.repeat(46) + renewed.licenseKey.slice(-4));
  // misp-2 gets its own.
  clearKeys.push((await ok('POST', MISPS, misp2, v1({ providerId: 'misp-2' }))).licenseKey);
});

test('GET /misps: own licenses for a MISP, every license for an admin, never a key; clear keys are nowhere stored or published', async () => {
  const own = await ok('GET', MISPS, misp1);
  assert.deepEqual(
    own.map((row: { mispId: string }) => row.mispId),
    ['misp-1', 'misp-1'],
  );
  assert.deepEqual(
    own.map((row: { isActive: boolean }) => row.isActive),
    [true, false],
  );
  assert.deepEqual(Object.keys(own[0]).sort(), [
    'createdBy',
    'createdDateTime',
    'deletedDateTime',
    'isActive',
    'isDeleted',
    'licenseId',
    'licenseKey',
    'mispId',
    'policyId',
    'updatedBy',
    'updatedDateTime',
    'validFromDate',
    'validToDate',
  ]);
  const all = await ok('GET', MISPS, admin);
  assert.deepEqual(all.map((row: { mispId: string }) => row.mispId).sort(), ['misp-1', 'misp-1', 'misp-2']);
  assert.deepEqual(await ok('GET', MISPS, await stack.token('nobody', ['MISP_PARTNER'])), []);

  const seen = [JSON.stringify(own), JSON.stringify(all), JSON.stringify(await settledItems(stack)), JSON.stringify(stack.events())];
  assert.equal(clearKeys.length, 3);
  for (const key of clearKeys) {
    for (const text of seen) assert.ok(!text.includes(key), 'a clear license key was stored, listed or published');
  }
});
