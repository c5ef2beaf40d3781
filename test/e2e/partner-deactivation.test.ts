import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dynamoPartnerRepository } from '../../functions/adapters/dynamodb/partner-repository.js';
import { auditEntry } from '../../functions/domain/audit.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { settledItems } from '../support/no-change.js';
import { activateStoredPartner, expectOk, expectRefused, v1 } from '../support/pms-calls.js';
import { AUTH_POLICY } from '../support/sample-policies.js';

const PM = '/v1/partnermanager/partners';
const KEYS = '/v1/partnermanager/partner-api-keys';
const MISPS = '/v1/partnermanager/misps';
const POLICIES = '/v1/policymanager/policies';
const VERIFY = `${PM}/authenticate/verify`;
let stack: LocalStack;
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
const refused = (method: string, path: string, token: string, body: unknown, code: string) => expectRefused(stack, method, path, token, body, code);
let admin: string;
let ida: string;
let licenseKey: string;
let policyId: string;
/** Each auth partner's keys, clear (as returned once) with their ids. */
const keysOf: Record<string, { apiKey: string; apiKeyId: string }[]> = {};

/** A registered auth partner, made active as its certificate upload would, with an approved link and `labels.length` keys. */
async function authPartnerWithKeys(user: string, labels: string[]) {
  const token = await stack.token(user, ['AUTH_PARTNER']);
  await ok(
    'POST',
    PM,
    token,
    v1({
      partnerId: user,
      partnerType: 'Auth_Partner',
      policyGroup: 'Banks',
      organizationName: `${user} Ltd`,
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: `${user}@example.org`,
    }),
  );
  await activateStoredPartner(stack.table, user);
  const { mappingkey } = await ok('POST', `${PM}/${user}/policy/map`, token, v1({ policyName: 'KYC for banks', useCaseDescription: 'authentication' }));
  await ok('PUT', `${PM}/policy/${mappingkey}`, admin, v1({ status: 'approved' }));
  keysOf[user] = [];
  for (const label of labels) {
    const { apiKey, apiKeyId } = await ok('PATCH', `${PM}/${user}/generate/apikey`, token, v1({ policyName: 'KYC for banks', label }));
    keysOf[user].push({ apiKey, apiKeyId });
  }
}

function deactivate(partnerId: string) {
  return stack.request('PATCH', `${PM}/${partnerId}`, { token: admin, body: v1({ status: 'De-Active' }) });
}

async function verifyCode(partnerId: string, apiKey: string): Promise<string | undefined> {
  const { json } = await stack.request('POST', VERIFY, { token: ida, body: v1({ partnerId, apiKey, mispLicenseKey: licenseKey }) });
  return json.errors?.[0]?.errorCode;
}

/** The events published since `from`, with `topic`, as their data. */
async function publishedSince(from: number, topic: string) {
  await settledItems(stack);
  return stack
    .events()
    .slice(from)
    .filter((logged) => logged.topic === topic)
    .map((logged) => (logged.event as { data: Record<string, Record<string, unknown>> }).data);
}

async function auditsOf(objectType: string, objectId: string) {
  return (await settledItems(stack)).filter((item) => item.pk === `AUDIT#${objectType}#${objectId}`);
}

async function keyStatuses(partnerId: string) {
  const page = await ok('GET', `${KEYS}?partnerId=${partnerId}&pageNo=0&pageSize=10`, admin);
  return Object.fromEntries(page.data.map((row: { apiKeyId: string; status: string }) => [row.apiKeyId, row.status]));
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
    v1({ policyGroupName: 'Banks', policyType: 'Auth', name: 'KYC for banks', desc: 'KYC', version: '1.0', policies: AUTH_POLICY }),
  );
  policyId = draft.id;
  await ok('POST', `${POLICIES}/${policyId}/group/${groupId}/publish`, admin);
  await authPartnerWithKeys('bank-1', ['Branch App', 'Kiosk']);
  await authPartnerWithKeys('bank-2', ['Teller']);
  await authPartnerWithKeys('bank-3', ['Mobile', 'Web']);
  const misp = await stack.token('misp-1', ['MISP_PARTNER']);
  await ok(
    'POST',
    PM,
    admin,
    v1({
      partnerId: 'misp-1',
      partnerType: 'MISP_Partner',
      organizationName: 'misp-1 Ltd',
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: 'misp-1@example.org',
      langCode: 'eng',
    }),
  );
  await activateStoredPartner(stack.table, 'misp-1');
  licenseKey = (await ok('POST', MISPS, misp, v1({ providerId: 'misp-1' }))).licenseKey;
});
after(() => stack?.stop());

test('deactivating a partner switches off each of its keys: listed deactivated, one APIKEY_UPDATED and one audit record per key, verification denies', async () => {
  const [first, second] = keysOf['bank-1']!;
  for (const { apiKey } of keysOf['bank-1']!) assert.equal(await verifyCode('bank-1', apiKey), undefined, 'the key verifies before');
  const from = stack.events().length;

  const { json } = await deactivate('bank-1');
  assert.deepEqual([json.errors ?? [], json.response], [[], { message: 'Partner de-activated successfully' }]);

  assert.deepEqual(await keyStatuses('bank-1'), { [first!.apiKeyId]: 'deactivated', [second!.apiKeyId]: 'deactivated' });
  assert.deepEqual(Object.values(await keyStatuses('bank-2')), ['activated'], "another partner's key is untouched");
  const updates = await publishedSince(from, 'APIKEY_UPDATED');
  assert.deepEqual(
    updates.map(({ apiKeyData }) => [apiKeyData!.apiKeyId, apiKeyData!.apiKeyStatus]).sort(),
    [
      [first!.apiKeyId, 'DEACTIVE'],
      [second!.apiKeyId, 'DEACTIVE'],
    ].sort(),
  );
  assert.deepEqual(
    (await publishedSince(from, 'PARTNER_UPDATED')).map(({ partnerData }) => [partnerData!.partnerId, partnerData!.partnerStatus]),
    [['bank-1', 'DEACTIVE']],
  );
  for (const { apiKeyId } of [first!, second!]) {
    assert.deepEqual(
      (await auditsOf('ApiKey', apiKeyId)).filter((audit) => audit.action === 'deactivateApiKey').map((audit) => [audit.actor, audit.details]),
      [['admin1', { partnerId: 'bank-1', policyId, cause: 'partnerDeactivated' }]],
    );
  }
  for (const { apiKey } of keysOf['bank-1']!) assert.equal(await verifyCode('bank-1', apiKey), 'PMS_PMP_016');
  assert.equal(await verifyCode('bank-2', keysOf['bank-2']![0]!.apiKey), undefined, "another partner's key still verifies");
  // Deactivation is final: asking again changes nothing.
  await refused('PATCH', `${PM}/bank-1`, admin, v1({ status: 'De-Active' }), 'PMS_PM_063');
});

test("deactivating a MISP switches off its license in the partner's transaction: one MISP_LICENSE_UPDATED, audited, denied by verification, and it cannot be switched back on", async () => {
  const [{ licenseId }] = await ok('GET', MISPS, admin);
  const from = stack.events().length;

  assert.deepEqual((await deactivate('misp-1')).json.response, { message: 'Partner de-activated successfully' });

  assert.deepEqual(
    (await ok('GET', MISPS, admin)).map((row: { licenseId: string; isActive: boolean }) => [row.licenseId, row.isActive]),
    [[licenseId, false]],
  );
  const updates = await publishedSince(from, 'MISP_LICENSE_UPDATED');
  assert.deepEqual(
    updates.map(({ mispLicenseData }) => [mispLicenseData!.licenseId, mispLicenseData!.mispId, mispLicenseData!.mispStatus]),
    [[licenseId, 'misp-1', 'NOT_ACTIVE']],
  );
  assert.deepEqual(
    (await auditsOf('MispLicense', licenseId)).filter((audit) => audit.action === 'deactivateMispLicense').map((audit) => [audit.actor, audit.details]),
    [['admin1', { mispId: 'misp-1', cause: 'partnerDeactivated' }]],
  );
  // Another partner's good key with the deactivated MISP's license: the license is blocked.
  assert.equal(await verifyCode('bank-2', keysOf['bank-2']![0]!.apiKey), 'PMS_PMP_025');
  await refused('PUT', MISPS, admin, v1({ providerId: 'misp-1', licenseKey, licenseKeyStatus: 'Active' }), 'PMS_MSP_405');
  await refused('GET', `${MISPS}/misp-1/licenseKey`, admin, undefined, 'PMS_MSP_405');

  const seen = JSON.stringify([await settledItems(stack), stack.events()]);
  for (const clear of [
    licenseKey,
    ...Object.values(keysOf)
      .flat()
      .map(({ apiKey }) => apiKey),
  ])
    assert.ok(!seen.includes(clear), 'a clear key was stored or published');
});

test('keys left on by a deactivation cut short after the partner committed are refused meanwhile and switched off by the repeated request', async () => {
  // The partner's transaction committed, then the Lambda died before its keys.
  const partners = dynamoPartnerRepository(stack.table);
  const stored = (await partners.getPartner('bank-3'))!;
  await partners.save({ ...stored, isActive: false }, stored, auditEntry('admin1', 'deactivatePartner', 'Partner', 'bank-3', new Date()), []);
  const ids = keysOf['bank-3']!.map(({ apiKeyId }) => apiKeyId);
  assert.deepEqual(Object.values(await keyStatuses('bank-3')), ['activated', 'activated']);
  for (const { apiKey } of keysOf['bank-3']!) assert.equal(await verifyCode('bank-3', apiKey), 'PMS_PMP_016');
  const from = stack.events().length;

  const { json } = await deactivate('bank-3');
  assert.equal(json.errors[0]?.errorCode, 'PMS_PM_063');

  assert.deepEqual(await keyStatuses('bank-3'), Object.fromEntries(ids.map((id) => [id, 'deactivated'])));
  assert.deepEqual((await publishedSince(from, 'APIKEY_UPDATED')).map(({ apiKeyData }) => apiKeyData!.apiKeyId).sort(), [...ids].sort());
  for (const id of ids) assert.equal((await auditsOf('ApiKey', id)).filter((audit) => audit.action === 'deactivateApiKey').length, 1);
  // Nothing is left: the next repeat writes nothing.
  await refused('PATCH', `${PM}/bank-3`, admin, v1({ status: 'De-Active' }), 'PMS_PM_063');
});
