import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listTableItems } from '../support/dynamodb.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { settledItems } from '../support/no-change.js';
import { activateStoredPartner, expectOk, expectRefused, v1 } from '../support/pms-calls.js';
import { AUTH_POLICY } from '../support/sample-policies.js';

const PM = '/v1/partnermanager/partners';
const POLICIES = '/v1/policymanager/policies';
let stack: LocalStack;
const refused = (method: string, path: string, token: string, body: unknown, code: string) => expectRefused(stack, method, path, token, body, code);
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
let admin: string;

async function publishedPolicy(groupId: string, groupName: string, name: string) {
  const draft = await ok(
    'POST',
    POLICIES,
    admin,
    v1({ policyGroupName: groupName, policyType: 'Auth', name, desc: name, version: '1.0', policies: AUTH_POLICY }),
  );
  await ok('POST', `${POLICIES}/${draft.id}/group/${groupId}/publish`, admin);
  return draft.id as string;
}

/** A registered partner made active as its certificate upload (a later issue) would make it. */
async function activePartner(user: string, partnerType: string, role: 'AUTH_PARTNER' | 'CREDENTIAL_PARTNER') {
  const token = await stack.token(user, [role]);
  await ok(
    'POST',
    PM,
    token,
    v1({
      partnerId: user,
      partnerType,
      policyGroup: 'Banks',
      organizationName: `${user} Ltd`,
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: `${user}@example.org`,
    }),
  );
  await activateStoredPartner(stack.table, user);
  return token;
}

let groupId: string;
before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  groupId = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name: 'Banks', desc: 'banks' }))).id;
});
after(() => stack?.stop());

const draftPolicy = (groupName: string, name: string) =>
  ok('POST', POLICIES, admin, v1({ policyGroupName: groupName, policyType: 'Auth', name, desc: 'd', version: '1.0', policies: AUTH_POLICY }));

test('a partner requests a published policy of its group; duplicates, drafts, other groups and inactive partners are refused', async () => {
  await publishedPolicy(groupId, 'Banks', 'KYC for banks');
  await draftPolicy('Banks', 'Draft only');
  const token = await activePartner('bank-1', 'Auth_Partner', 'AUTH_PARTNER');
  await refused('GET', `${PM}/apikey`, admin, undefined, 'PMS_PMP_015');

  const { json } = await stack.request('POST', `${PM}/bank-1/policy/map`, {
    token,
    body: v1({ policyName: 'KYC for banks', useCaseDescription: 'eKYC at account opening' }),
  });
  assert.deepEqual([json.id, json.errors, json.response.message], ['mosip.pms.test', [], 'Policy mapping request submitted successfully.']);
  assert.match(json.response.mappingkey, /^[0-9a-f-]{36}$/);

  const again = v1({ policyName: 'KYC for banks', useCaseDescription: 'again' });
  await refused('POST', `${PM}/bank-1/policy/map`, token, again, 'PMS_PRT_053');
  // MOSIP first asks whether any group holds an active policy of that name: a draft is not one.
  await refused('POST', `${PM}/bank-1/policy/map`, token, v1({ policyName: 'No such policy', useCaseDescription: 'x' }), 'PMS_PRT_073');
  await refused('POST', `${PM}/bank-1/policy/map`, token, v1({ policyName: 'Draft only', useCaseDescription: 'x' }), 'PMS_PRT_073');

  const inactive = await stack.token('bank-2', ['AUTH_PARTNER']);
  await ok(
    'POST',
    PM,
    inactive,
    v1({
      partnerId: 'bank-2',
      partnerType: 'Auth_Partner',
      policyGroup: 'Banks',
      organizationName: 'bank-2 Ltd',
      address: 'x',
      contactNumber: '1',
      emailId: 'bank-2@example.org',
    }),
  );
  await refused('POST', `${PM}/bank-2/policy/map`, inactive, again, 'PMS_PMP_016');
});

test("a policy name active only in another group: PMS_PRT_098, or PMS_PMP_019 when the partner's group holds it as a draft", async () => {
  const insurers = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name: 'Insurers', desc: 'insurers' }))).id;
  await publishedPolicy(insurers, 'Insurers', 'Motor cover');
  await publishedPolicy(insurers, 'Insurers', 'Shared name');
  await draftPolicy('Banks', 'Shared name');
  const token = await activePartner('bank-5', 'Auth_Partner', 'AUTH_PARTNER');
  await refused('POST', `${PM}/bank-5/policy/map`, token, v1({ policyName: 'Motor cover', useCaseDescription: 'x' }), 'PMS_PRT_098');
  await refused('POST', `${PM}/bank-5/policy/map`, token, v1({ policyName: 'Shared name', useCaseDescription: 'x' }), 'PMS_PMP_019');
  // Another user's partner is refused as a missing one, before the policy is looked at.
  await refused('POST', `${PM}/bank-1/policy/map`, token, v1({ policyName: 'Motor cover', useCaseDescription: 'x' }), 'PMS_PRT_005');
  await refused('POST', `${PM}/no-such-partner/policy/map`, token, v1({ policyName: 'Motor cover', useCaseDescription: 'x' }), 'PMS_PRT_005');
});

test('twenty concurrent approvals and rejections: one decision, one audit record, one event, consistent counts', async () => {
  const policyId = await publishedPolicy(groupId, 'Banks', 'Contended policy');
  const token = await activePartner('bank-3', 'Auth_Partner', 'AUTH_PARTNER');
  const { mappingkey } = await ok('POST', `${PM}/bank-3/policy/map`, token, v1({ policyName: 'Contended policy', useCaseDescription: 'race' }));

  const eventsBefore = stack.events().length;
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      stack.request('PUT', `${PM}/policy/${mappingkey}`, { token: admin, body: v1({ status: i % 2 === 0 ? 'Approved' : 'rejected' }) }),
    ),
  );
  const winners = results.filter((r) => r.json.response !== null);
  assert.equal(winners.length, 1);
  const approved = winners[0]!.json.response === 'Policy mapping approved successfully';
  for (const loser of results.filter((r) => r.json.response === null)) {
    assert.equal(loser.json.errors[0].errorCode, approved ? 'PMS_PM_034' : 'PMS_PM_035');
  }
  const items = await listTableItems(stack.table);
  const decisions = items.filter(
    (item) => item.pk === `AUDIT#PolicyRequest#${mappingkey}` && String(item.action).endsWith('PolicyRequest') && item.action !== 'requestPolicy',
  );
  assert.equal(decisions.length, 1);
  const policy = items.find((item) => item.pk === `POLICY#${policyId}`)!;
  assert.deepEqual([policy.pendingRequestCount, policy.approvedRequestCount], [0, approved ? 1 : 0]);
  await settledItems(stack);
  const decided = stack
    .events()
    .slice(eventsBefore)
    .filter((logged) => logged.topic === 'PARTNER_POLICY_REQUEST_UPDATED');
  assert.deepEqual(
    decided
      .map((logged) => (logged.event as { data: { partnerPolicyRequestData: Record<string, unknown> } }).data.partnerPolicyRequestData)
      .map(({ mappingKey, partnerId, status }) => [mappingKey, partnerId, status]),
    [[mappingkey, 'bank-3', approved ? 'approved' : 'rejected']],
  );

  // An approved link stays; a rejected one lets the partner ask again.
  const next = v1({ policyName: 'Contended policy', useCaseDescription: 'again' });
  if (approved) await refused('POST', `${PM}/bank-3/policy/map`, token, next, 'PMS_PRT_060');
  else assert.ok((await ok('POST', `${PM}/bank-3/policy/map`, token, next)).mappingkey);
});

test('decision refusals in MOSIP order: the request, its extractors and its policy before the status value; stale requesttime', async () => {
  await refused('PUT', `${PM}/policy/00000000-0000-0000-0000-000000000000`, admin, v1({ status: 'approved' }), 'PMS_PMP_007');
  await refused('PUT', `${PM}/policy/00000000-0000-0000-0000-000000000000`, admin, v1({ status: 'maybe' }), 'PMS_PMP_007');
  // A blank mapping key is looked up like any other (MOSIP binds it), not refused as a blank parameter.
  await refused('PUT', `${PM}/policy/%20`, admin, v1({ status: 'Approved' }), 'PMS_PMP_007');
  await publishedPolicy(groupId, 'Banks', 'Printing policy');
  await publishedPolicy(groupId, 'Banks', 'Status policy');
  const printer = await activePartner('printer-1', 'Credential_Partner', 'CREDENTIAL_PARTNER');
  const { mappingkey } = await ok('POST', `${PM}/printer-1/policy/map`, printer, v1({ policyName: 'Printing policy', useCaseDescription: 'cards' }));
  await refused('PUT', `${PM}/policy/${mappingkey}`, admin, v1({ status: 'maybe' }), 'PMS_PM_051');
  const bank = await activePartner('bank-4', 'Auth_Partner', 'AUTH_PARTNER');
  const pending = (await ok('POST', `${PM}/bank-4/policy/map`, bank, v1({ policyName: 'Status policy', useCaseDescription: 'x' }))).mappingkey;
  await refused('PUT', `${PM}/policy/${pending}`, admin, v1({ status: 'maybe' }), 'PMS_PM_045');
  await ok('PUT', `${PM}/policy/${pending}`, admin, v1({ status: 'Approved' }));
  await refused('PUT', `${PM}/policy/${pending}`, admin, v1({ status: 'maybe' }), 'PMS_PM_034');
  await refused(
    'PUT',
    `${PM}/policy/${mappingkey}`,
    admin,
    { ...v1({ status: 'approved' }), requesttime: '2020-01-01T00:00:00.000Z' },
    'PMS_REQUEST_ERROR_006',
  );
  await refused('PUT', `${PM}/policy/${mappingkey}`, admin, v1({ status: 'rejected' }), 'PMS_PM_051');
  const partnerToken = await stack.token('printer-1', ['CREDENTIAL_PARTNER']);
  const forbidden = await stack.request('PUT', `${PM}/policy/${mappingkey}`, { token: partnerToken, body: v1({ status: 'approved' }) });
  assert.equal(forbidden.status, 403);
});

test("legacy request reads: a partner's own requests (PMS_PRT_006 for none, a missing or another user's partner), every request for admins", async () => {
  const token = await activePartner('bank-6', 'Auth_Partner', 'AUTH_PARTNER');
  const other = await activePartner('bank-7', 'Auth_Partner', 'AUTH_PARTNER');
  await refused('GET', `${PM}/bank-6/apikey/request`, token, undefined, 'PMS_PRT_006');
  const policyId = await publishedPolicy(groupId, 'Banks', 'Legacy read policy');
  const { mappingkey } = await ok('POST', `${PM}/bank-6/policy/map`, token, v1({ policyName: 'Legacy read policy', useCaseDescription: 'legacy' }));

  const own = await stack.request('GET', `${PM}/bank-6/apikey/request`, { token });
  assert.deepEqual([own.json.id, own.json.version, own.json.errors], ['mosip.partnermanagement.partners.retrieve', '1.0', []]);
  const row = { apiKeyReqID: mappingkey, apiKeyRequestStatus: 'InProgress', partnerApiKey: null, apikeyStatus: false, validityTill: null };
  assert.deepEqual(own.json.response, [row]);
  assert.deepEqual(await ok('GET', `${PM}/bank-6/apikey/request`, admin), [row]);
  await refused('GET', `${PM}/bank-6/apikey/request`, other, undefined, 'PMS_PRT_006');
  await refused('GET', `${PM}/no-such-partner/apikey/request`, admin, undefined, 'PMS_PRT_006');

  const all = await ok('GET', `${PM}/apikey`, admin);
  assert.deepEqual(
    all.apikeyRequests.find((request: { apiKeyReqNo: string }) => request.apiKeyReqNo === mappingkey),
    { partnerID: 'bank-6', status: 'InProgress', organizationName: 'bank-6 Ltd', policyId, policyDesc: 'legacy', apiKeyReqNo: mappingkey },
  );
  assert.equal((await stack.request('GET', `${PM}/apikey`, { token })).status, 403);
});

test("GET /partners/v3: the caller's own partners by approval status, type and policy group", async () => {
  const token = await activePartner('bank-8', 'Auth_Partner', 'AUTH_PARTNER');
  const { json } = await stack.request('GET', `${PM}/v3?status=approved&policyGroupAvailable=true&partnerType=Auth_Partner`, { token });
  assert.deepEqual([json.id, json.errors], ['mosip.pms.partners.v3.get', []]);
  assert.deepEqual(json.response, [
    { partnerId: 'bank-8', partnerType: 'Auth_Partner', policyGroupId: groupId, policyGroupName: 'Banks', policyGroupDescription: 'banks' },
  ]);
  assert.deepEqual(await ok('GET', `${PM}/v3?status=approved`, token), [
    { partnerId: 'bank-8', partnerType: 'Auth_Partner', policyGroupId: null, policyGroupName: null, policyGroupDescription: null },
  ]);
  for (const query of ['status=InProgress', 'status=approved&partnerType=Credential_Partner', 'status=approved&policyGroupAvailable=FALSE']) {
    assert.deepEqual(await ok('GET', `${PM}/v3?${query}`, token), [], query);
  }
  for (const query of ['policyGroupAvailable=true', 'status=approved&policyGroupAvailable=maybe']) {
    const bad = await stack.request('GET', `${PM}/v3?${query}`, { token });
    assert.deepEqual([bad.status, bad.json.errors[0].errorCode], [400, 'PMS_COR_001'], query);
  }
  const newcomer = await stack.token('no-partner-yet', ['AUTH_PARTNER']);
  await refused('GET', `${PM}/v3?status=approved`, newcomer, undefined, 'PMS_CERTIFICATE_ERROR_002');
});
