import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { settledItems } from '../support/no-change.js';
import { activeAuthPartner, expectOk, expectRefused, v1 } from '../support/pms-calls.js';
import { AUTH_POLICY } from '../support/sample-policies.js';

const PM = '/v1/partnermanager/partners';
const KEYS = '/v1/partnermanager/partner-api-keys';
const POLICIES = '/v1/policymanager/policies';
let stack: LocalStack;
const refused = (method: string, path: string, token: string, body: unknown, code: string) => expectRefused(stack, method, path, token, body, code);
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
let admin: string;

async function publishedPolicy(name: string) {
  const draft = await ok(
    'POST',
    POLICIES,
    admin,
    v1({ policyGroupName: 'Banks', policyType: 'Auth', name, desc: `${name} description`, version: '1.0', policies: AUTH_POLICY }),
  );
  await ok('POST', `${POLICIES}/${draft.id}/group/${groupId}/publish`, admin);
  return draft.id as string;
}

const activePartner = (user: string) => activeAuthPartner(stack, user);

async function approvedLink(partnerId: string, token: string, policyName: string) {
  const { mappingkey } = await ok('POST', `${PM}/${partnerId}/policy/map`, token, v1({ policyName, useCaseDescription: 'authentication' }));
  await ok('PUT', `${PM}/policy/${mappingkey}`, admin, v1({ status: 'approved' }));
}

let groupId: string;
let kycPolicy: string;
let secondPolicy: string;
let bank1: string;
let bank2: string;
const clearKeys: string[] = [];

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  groupId = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name: 'Banks', desc: 'banks' }))).id;
  kycPolicy = await publishedPolicy('KYC for banks');
  secondPolicy = await publishedPolicy('Second policy');
  await publishedPolicy('Unrequested');
  bank1 = await activePartner('bank-1');
  bank2 = await activePartner('bank-2');
  await approvedLink('bank-1', bank1, 'KYC for banks');
});
after(() => stack?.stop());

test('a partner generates a key for an approved policy: returned once, 256 bits, announced without the key', async () => {
  const eventsBefore = stack.events().length;
  const { json } = await stack.request('PATCH', `${PM}/bank-1/generate/apikey`, {
    token: bank1,
    body: v1({ policyName: 'KYC for banks', label: 'Branch App' }),
  });
  assert.deepEqual(json.errors, []);
  const { apiKey, label, partnerId, policyId, apiKeyId } = json.response;
  assert.deepEqual([label, partnerId, policyId], ['Branch App', 'bank-1', kycPolicy]);
  assert.match(apiKey, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');
  assert.match(apiKeyId, /^[0-9a-f-]{36}$/);
  clearKeys.push(apiKey);

  await settledItems(stack);
  const event = stack
    .events()
    .slice(eventsBefore)
    .map((logged) => JSON.parse(JSON.stringify(logged)))
    .find((logged) => JSON.stringify(logged).includes('APIKEY_APPROVED'));
  assert.ok(event, 'APIKEY_APPROVED published');
  const text = JSON.stringify(event);
  assert.ok(text.includes(apiKeyId) && text.includes(kycPolicy) && text.includes('bank-1 Ltd'), text);

  // IDA-facing lookups see the new key as active on the policy.
  const policy = await ok('GET', `${POLICIES}/${kycPolicy}/partner/bank-1`, admin);
  assert.equal(policy.policyId ?? policy.id, kycPolicy);
});

test('labels are unique per partner and policy after case and space normalisation; other refusals change nothing', async () => {
  const path = `${PM}/bank-1/generate/apikey`;
  await refused('PATCH', path, bank1, v1({ policyName: 'KYC for banks', label: 'Branch App' }), 'PMS_PRT_110');
  await refused('PATCH', path, bank1, v1({ policyName: 'KYC for banks', label: '  branch   APP ' }), 'PMS_PRT_110');
  await refused('PATCH', path, bank1, v1({ policyName: 'Unrequested', label: 'x' }), 'PMS_PRT_109');
  await refused('PATCH', path, bank1, v1({ policyName: 'No such policy', label: 'x' }), 'PMS_PMP_014');
  await refused('PATCH', path, bank1, { ...v1({ policyName: 'KYC for banks', label: 'y' }), requesttime: '2020-01-01T00:00:00.000Z' }, 'PMS_REQUEST_ERROR_006');
  // Partner B on A's link: refused before anything is read, nothing written.
  await refused('PATCH', path, bank2, v1({ policyName: 'KYC for banks', label: 'stolen' }), 'PMS_PRT_055');
  // MOSIP looks only for the key, so another user's partner has none, as a missing partner has none.
  await refused('PATCH', `${PM}/bank-1/policy/${kycPolicy}/apiKey/status`, bank2, v1({ label: 'Branch App', status: 'De-Active' }), 'PMS_PRT_111');
  await refused('PATCH', `${PM}/no-such-partner/policy/${kycPolicy}/apiKey/status`, admin, v1({ label: 'Branch App', status: 'De-Active' }), 'PMS_PRT_111');
  // B has no approved link of its own.
  await refused('PATCH', `${PM}/bank-2/generate/apikey`, bank2, v1({ policyName: 'KYC for banks', label: 'mine' }), 'PMS_PRT_109');
  // A second label on the same policy is fine.
  clearKeys.push((await ok('PATCH', path, bank1, v1({ policyName: 'KYC for banks', label: 'Kiosk' }))).apiKey);
});

test('deactivate and activate by label, with MOSIP messages and codes', async () => {
  const path = `${PM}/bank-1/policy/${kycPolicy}/apiKey/status`;
  assert.equal(await ok('PATCH', path, bank1, v1({ label: 'Kiosk', status: 'De-Active' })), 'Partner apikey de-activated successfully.');
  await refused('PATCH', path, bank1, v1({ label: 'Kiosk', status: 'De-Active' }), 'PMS_PMS_022');
  await refused('PATCH', path, bank1, v1({ label: 'Kiosk', status: 'paused' }), 'PMS_PM_058');
  await refused('PATCH', path, bank1, v1({ label: 'Nope', status: 'Active' }), 'PMS_PRT_111');
  assert.equal(await ok('PATCH', path, admin, v1({ label: 'kiosk', status: 'active' })), 'Partner apikey activated successfully.');
  await settledItems(stack);
  const updates = stack.events().filter((logged) => JSON.stringify(logged).includes('APIKEY_UPDATED'));
  assert.ok(updates.length >= 2);
});

test('an admin re-points a key to another policy of the group, by key id or by the key MOSIP clients send', async () => {
  const list = await ok('GET', `${KEYS}?apiKeyLabel=branch&pageNo=0&pageSize=10`, admin);
  const { apiKeyId } = list.data[0];
  const byId = `${PM}/bank-1/apikey/${apiKeyId}/policies`;
  await refused('PUT', byId, admin, v1({ oldPolicyID: secondPolicy, newPolicyID: kycPolicy }), 'PMS_PMP_50');
  await refused('PUT', byId, admin, v1({ oldPolicyID: kycPolicy, newPolicyID: 'no-such-policy' }), 'PMS_PMP_014');
  // The key of that partner and old policy is looked up first, as MOSIP does: a missing partner has none.
  await refused('PUT', `${PM}/no-such-partner/apikey/${apiKeyId}/policies`, admin, v1({ oldPolicyID: kycPolicy, newPolicyID: secondPolicy }), 'PMS_PMP_50');
  assert.deepEqual(await ok('PUT', byId, admin, v1({ oldPolicyID: kycPolicy, newPolicyID: secondPolicy })), {
    message: 'Given apikey updated with policy successfully. ',
  });
  const moved = await ok('GET', `${KEYS}?apiKeyLabel=branch&pageNo=0&pageSize=10`, admin);
  assert.equal(moved.data[0].policyId, secondPolicy);
  assert.deepEqual(
    await ok('PUT', `${PM}/bank-1/apikey/${encodeURIComponent(clearKeys[0]!)}/policies`, admin, v1({ oldPolicyID: secondPolicy, newPolicyID: kycPolicy })),
    {
      message: 'Given apikey updated with policy successfully. ',
    },
  );
  const partnerToken = await stack.request('PUT', byId, { token: bank1, body: v1({ oldPolicyID: kycPolicy, newPolicyID: secondPolicy }) });
  assert.equal(partnerToken.status, 403);
});

test("an admin reads a key's policy, by key id or by the key; the partner's legacy request list shows the key masked, and its state", async () => {
  const list = await ok('GET', `${KEYS}?apiKeyLabel=branch&pageNo=0&pageSize=10`, admin);
  const { apiKeyId } = list.data[0];
  const { json } = await stack.request('GET', `${PM}/bank-1/apikey/${apiKeyId}`, { token: admin });
  assert.deepEqual([json.id, json.errors, json.response], ['mosip.partnermanagement.partners.retrieve', [], { partnerID: 'bank-1', policyId: kycPolicy }]);
  assert.deepEqual(await ok('GET', `${PM}/bank-1/apikey/${encodeURIComponent(clearKeys[0]!)}`, admin), { partnerID: 'bank-1', policyId: kycPolicy });
  await refused('GET', `${PM}/bank-2/apikey/${apiKeyId}`, admin, undefined, 'PMS_PMP_009');
  await refused('GET', `${PM}/bank-1/apikey/not-a-key`, admin, undefined, 'PMS_PMP_009');
  assert.equal((await stack.request('GET', `${PM}/bank-1/apikey/${apiKeyId}`, { token: bank1 })).status, 403);

  const requests = await ok('GET', `${PM}/bank-1/apikey/request`, bank1);
  assert.equal(requests.length, 1);
  const [request] = requests;
  // The policy's newest key (Kiosk), masked: stars and its last four characters, at the key's length.
  assert.deepEqual(
    [request.apiKeyRequestStatus, request.partnerApiKey, request.apikeyStatus],
    ['approved', `${'*'.repeat(39)}${clearKeys[1]!.slice(-4)}`, true],
  );
  assert.match(request.validityTill, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  for (const key of clearKeys) assert.ok(!JSON.stringify(requests).includes(key), 'a clear API key was listed');
});

test('GET /partner-api-keys filters and pages, and never shows a key; the clear keys are nowhere in the table or the events', async () => {
  const all = await ok('GET', `${KEYS}?pageNo=0&pageSize=10&sortFieldName=apiKeyLabel&sortType=asc`, admin);
  assert.equal(all.totalResults, 2);
  assert.deepEqual(
    all.data.map((row: { apiKeyLabel: string }) => row.apiKeyLabel),
    ['Branch App', 'Kiosk'],
  );
  assert.deepEqual(Object.keys(all.data[0]).sort(), [
    'apiKeyHint',
    'apiKeyId',
    'apiKeyLabel',
    'createdDateTime',
    'orgName',
    'partnerId',
    'policyDescription',
    'policyGroupDescription',
    'policyGroupId',
    'policyGroupName',
    'policyId',
    'policyName',
    'status',
  ]);
  assert.equal(all.data[0].apiKeyHint, clearKeys[0]!.slice(-4));
  const page = await ok('GET', `${KEYS}?pageNo=1&pageSize=1&sortFieldName=apiKeyLabel&sortType=asc`, admin);
  assert.deepEqual([page.totalResults, page.data.length, page.data[0].apiKeyLabel], [2, 1, 'Kiosk']);
  const own = await ok('GET', `${KEYS}?status=activated&orgName=BANK-1&pageNo=0&pageSize=10`, bank1);
  assert.equal(own.totalResults, 2);
  const others = await ok('GET', `${KEYS}?pageNo=0&pageSize=10`, bank2);
  assert.equal(others.totalResults, 0);
  await refused('GET', `${KEYS}?pageNo=-1&pageSize=10`, admin, undefined, 'PMS_PRT_360');
  // pageNo and pageSize have no default: only together, and sorting needs them; without them the list is unpaged.
  await refused('GET', `${KEYS}?pageSize=-5`, admin, undefined, 'PMS_PS_ERROR_006');
  await refused('GET', `${KEYS}?pageNo=-1`, admin, undefined, 'PMS_PS_ERROR_006');
  await refused('GET', `${KEYS}?sortFieldName=apiKeyLabel&sortType=asc`, admin, undefined, 'PMS_PS_ERROR_008');
  const unpaged = await ok('GET', KEYS, admin);
  assert.deepEqual([unpaged.pageNo, unpaged.pageSize, unpaged.totalResults, unpaged.data.length], [0, 2, 2, 2]);

  const seen = [JSON.stringify(all), JSON.stringify(own), JSON.stringify(await settledItems(stack)), JSON.stringify(stack.events())];
  for (const key of clearKeys) {
    for (const text of seen) assert.ok(!text.includes(key), 'a clear API key was stored, listed or published');
  }
});

test('a re-point that would give a partner two keys of one label on one policy is refused (PMS_PRT_110) and changes nothing', async () => {
  // MOSIP re-points without looking at labels, after which its label lookups find two keys; a label here names one key.
  await approvedLink('bank-1', bank1, 'Second policy');
  await ok('PATCH', `${PM}/bank-1/generate/apikey`, bank1, v1({ policyName: 'Second policy', label: 'Kiosk' }));
  const list = await ok('GET', `${KEYS}?apiKeyLabel=kiosk&policyName=KYC&pageNo=0&pageSize=10`, admin);
  const { apiKeyId } = list.data[0];
  await refused('PUT', `${PM}/bank-1/apikey/${apiKeyId}/policies`, admin, v1({ oldPolicyID: kycPolicy, newPolicyID: secondPolicy }), 'PMS_PRT_110');
});
