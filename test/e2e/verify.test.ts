import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { withoutChanges } from '../support/no-change.js';
import { activateStoredPartner, expectOk, expectRefused, v1 } from '../support/pms-calls.js';
import { AUTH_POLICY } from '../support/sample-policies.js';

const PM = '/v1/partnermanager/partners';
const VERIFY = `${PM}/authenticate/verify`;
const MISPS = '/v1/partnermanager/misps';
const POLICIES = '/v1/policymanager/policies';
let stack: LocalStack;
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
let admin: string;
let ida: string;
let bank1: string;
let misp1: string;
let policyId: string;
let apiKey: string;
let licenseKey: string;

/** Registers a partner and makes it active, as certificate upload (a later issue) would. */
async function activePartner(user: string, registration: Record<string, unknown>, roles: Parameters<LocalStack['token']>[1]) {
  const token = await stack.token(user, roles);
  await ok(
    'POST',
    PM,
    registration.partnerType === 'MISP_Partner' ? admin : token,
    v1({
      partnerId: user,
      organizationName: `${user} Ltd`,
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: `${user}@example.org`,
      ...registration,
    }),
  );
  await activateStoredPartner(stack.table, user);
  return token;
}

const request = (overrides: Record<string, unknown> = {}) => ({ partnerId: 'bank-1', apiKey, mispLicenseKey: licenseKey, ...overrides });

async function verify(overrides: Record<string, unknown> = {}, token = ida) {
  return stack.request('POST', VERIFY, { token, body: v1(request(overrides)) });
}

/** A denial: MOSIP's code and message, no answer, and nothing written or published. */
async function denied(code: string, message: string, overrides: Record<string, unknown> = {}) {
  const { status, json } = await withoutChanges(stack, `verify ${code}`, () => verify(overrides));
  assert.equal(status, 200);
  assert.equal(json.response, null);
  assert.deepEqual(json.errors, [{ errorCode: code, message }]);
}

async function allowed() {
  const { status, json } = await withoutChanges(stack, 'verify allowed', () => verify());
  assert.equal(status, 200);
  assert.deepEqual(json.errors ?? [], [], JSON.stringify(json.errors));
  return json.response;
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  ida = await stack.token('ida-client', ['ID_AUTHENTICATION']);
  const groupId = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name: 'Banks', desc: 'banks' }))).id;
  const draft = await ok(
    'POST',
    POLICIES,
    admin,
    v1({ policyGroupName: 'Banks', policyType: 'Auth', name: 'KYC for banks', desc: 'KYC for banks description', version: '1.0', policies: AUTH_POLICY }),
  );
  policyId = draft.id;
  await ok('POST', `${POLICIES}/${policyId}/group/${groupId}/publish`, admin);
  bank1 = await activePartner('bank-1', { partnerType: 'Auth_Partner', policyGroup: 'Banks' }, ['AUTH_PARTNER']);
  await activePartner('bank-2', { partnerType: 'Auth_Partner', policyGroup: 'Banks' }, ['AUTH_PARTNER']);
  const { mappingkey } = await ok('POST', `${PM}/bank-1/policy/map`, bank1, v1({ policyName: 'KYC for banks', useCaseDescription: 'authentication' }));
  await ok('PUT', `${PM}/policy/${mappingkey}`, admin, v1({ status: 'approved' }));
  apiKey = (await ok('PATCH', `${PM}/bank-1/generate/apikey`, bank1, v1({ policyName: 'KYC for banks', label: 'Branch App' }))).apiKey;
  misp1 = await activePartner('misp-1', { partnerType: 'MISP_Partner', langCode: 'eng' }, ['MISP_PARTNER']);
  licenseKey = (await ok('POST', MISPS, misp1, v1({ providerId: 'misp-1' }))).licenseKey;
});
after(() => stack?.stop());

test('a valid key and license: MOSIP 1.1.5 validate response plus partnerStatus, read without writing', async () => {
  const answer = await allowed();
  assert.deepEqual(Object.keys(answer).sort(), [
    'apiKeyExpiresOn',
    'certificateData',
    'mispExpiresOn',
    'partnerId',
    'partnerName',
    'partnerStatus',
    'policy',
    'policyDescription',
    'policyExpiresOn',
    'policyId',
    'policyName',
    'policyStatus',
  ]);
  assert.deepEqual(
    [
      answer.policyId,
      answer.policyName,
      answer.policyDescription,
      answer.policyStatus,
      answer.partnerId,
      answer.partnerName,
      answer.partnerStatus,
      answer.certificateData,
    ],
    [policyId, 'KYC for banks', 'KYC for banks description', 'ACTIVE', 'bank-1', 'bank-1 Ltd', 'ACTIVE', null],
  );
  assert.deepEqual(answer.policy, AUTH_POLICY);
  for (const field of ['policyExpiresOn', 'apiKeyExpiresOn', 'mispExpiresOn']) assert.match(answer[field], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/, field);
  // A thumbprint is ignored while partners hold no certificate.
  const { json } = await verify({ certificateThumbprint: 'AB'.repeat(32) });
  assert.equal(json.response?.partnerId, 'bank-1');
});

test('only the IDA machine role may verify', async () => {
  for (const token of [admin, bank1, misp1]) assert.equal((await verify({}, token)).status, 403);
  assert.equal((await stack.request('POST', VERIFY, { body: v1(request()) })).status, 401);
});

test("unknown, malformed or another partner's key: not mapped (PMS_PMP_017); unknown license: PMS_PMP_020", async () => {
  const notMapped = ['PMS_PMP_017', 'Partner is not mapped to any policy.'] as const;
  await denied(...notMapped, { partnerId: 'bank-2' });
  await denied(...notMapped, { partnerId: 'nobody' });
  await denied(...notMapped, { apiKey: 'x'.repeat(43) });
  await denied(...notMapped, { apiKey: `${apiKey}=` });
  await denied(...notMapped, { apiKey: 'not a key' });
  await denied('PMS_PMP_020', 'MISP license key not exists.', { mispLicenseKey: 'A'.repeat(50) });
  await denied('PMS_PMP_020', 'MISP license key not exists.', { mispLicenseKey: 'short' });
});

test('a deactivated key: PMS_PMP_019 "Partner policy is not active."; active again, allowed', async () => {
  const path = `${PM}/bank-1/policy/${policyId}/apiKey/status`;
  await ok('PATCH', path, bank1, v1({ label: 'Branch App', status: 'De-Active' }));
  await denied('PMS_PMP_019', 'Partner policy is not active.');
  await ok('PATCH', path, bank1, v1({ label: 'Branch App', status: 'Active' }));
  await allowed();
});

test('a deactivated license: PMS_PMP_025 "blocked"; active again, allowed', async () => {
  await ok('PUT', MISPS, misp1, v1({ providerId: 'misp-1', licenseKey, licenseKeyStatus: 'De-Active' }));
  await denied('PMS_PMP_025', 'License key of MISP is blocked');
  await ok('PUT', MISPS, misp1, v1({ providerId: 'misp-1', licenseKey, licenseKeyStatus: 'Active' }));
  await allowed();
});

test("a key an admin switched off stays denied: its owner's activation is PMS_PMS_023 and changes nothing; the admin's lifts it", async () => {
  const path = `${PM}/bank-1/policy/${policyId}/apiKey/status`;
  assert.equal(await ok('PATCH', path, admin, v1({ label: 'Branch App', status: 'De-Active' })), 'Partner apikey de-activated successfully.');
  await denied('PMS_PMP_019', 'Partner policy is not active.');

  await expectRefused(stack, 'PATCH', path, bank1, v1({ label: 'Branch App', status: 'Active' }), 'PMS_PMS_023');
  await denied('PMS_PMP_019', 'Partner policy is not active.');

  await ok('PATCH', path, admin, v1({ label: 'Branch App', status: 'Active' }));
  await allowed();
});

test("a license an admin switched off stays blocked: the MISP can neither switch it on nor ask for a new one (PMS_MSP_422); the admin's activation lifts it", async () => {
  await ok('PUT', MISPS, admin, v1({ providerId: 'misp-1', licenseKey, licenseKeyStatus: 'De-Active' }));
  await denied('PMS_PMP_025', 'License key of MISP is blocked');

  await expectRefused(stack, 'PUT', MISPS, misp1, v1({ providerId: 'misp-1', licenseKey, licenseKeyStatus: 'Active' }), 'PMS_MSP_422');
  await expectRefused(stack, 'POST', MISPS, misp1, v1({ providerId: 'misp-1' }), 'PMS_MSP_422');
  await denied('PMS_PMP_025', 'License key of MISP is blocked');

  await ok('PUT', MISPS, admin, v1({ providerId: 'misp-1', licenseKey, licenseKeyStatus: 'Active' }));
  await allowed();
  // Lifted: the MISP's own deactivation is its own to undo again.
  await ok('PUT', MISPS, misp1, v1({ providerId: 'misp-1', licenseKey, licenseKeyStatus: 'De-Active' }));
  await ok('PUT', MISPS, misp1, v1({ providerId: 'misp-1', licenseKey, licenseKeyStatus: 'Active' }));
  await allowed();
});

test('a partner deactivated by an admin: PMS_PMP_016, before the license is looked at', async () => {
  const { json } = await stack.request('PATCH', `${PM}/bank-1`, { token: admin, body: v1({ status: 'De-Active' }) });
  assert.deepEqual(json.errors ?? [], [], JSON.stringify(json.errors));
  await denied('PMS_PMP_016', 'Partner is not active.');
  await denied('PMS_PMP_016', 'Partner is not active.', { mispLicenseKey: 'A'.repeat(50) });
});
