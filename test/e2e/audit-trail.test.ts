import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { expectOk, expectRefused, v1 } from '../support/pms-calls.js';

const GROUPS = '/v1/policymanager/policies/group';
const AUDIT = '/v1/partnermanager/audit-logs';
let stack: LocalStack;
let admin: string;
let groupId: string;
let otherGroupId: string;

const ok = (path: string, token = admin) => expectOk(stack, 'GET', path, token);
const refused = (path: string, code: string) => expectRefused(stack, 'GET', path, admin, undefined, code);

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  groupId = (await expectOk(stack, 'POST', `${GROUPS}/new`, admin, v1({ name: 'Banks', desc: 'banks' }))).id;
  otherGroupId = (await expectOk(stack, 'POST', `${GROUPS}/new`, admin, v1({ name: 'Telcos', desc: 'telcos' }))).id;
  for (const desc of ['banks of the east', 'banks of the west']) {
    await expectOk(stack, 'PUT', `${GROUPS}/${groupId}`, admin, v1({ name: 'Banks', desc, isActive: true }));
  }
});
after(() => stack?.stop());

test("an object's audit records, newest first, paged, and only that object's", async () => {
  const all = await ok(`${AUDIT}?objectType=PolicyGroup&objectId=${groupId}&pageNo=0&pageSize=10`);
  assert.equal(all.totalResults, 3);
  assert.deepEqual(
    all.data.map((row: { action: string; actor: string; objectId: string; outcome: string }) => [row.action, row.actor, row.objectId, row.outcome]),
    [
      ['updatePolicyGroup', 'admin1', groupId, 'SUCCESS'],
      ['updatePolicyGroup', 'admin1', groupId, 'SUCCESS'],
      ['createPolicyGroup', 'admin1', groupId, 'SUCCESS'],
    ],
  );
  const times = all.data.map((row: { at: string }) => row.at);
  assert.deepEqual(times, [...times].sort().reverse());

  const second = await ok(`${AUDIT}?objectType=PolicyGroup&objectId=${groupId}&pageNo=1&pageSize=2`);
  assert.deepEqual([second.pageNo, second.pageSize, second.totalResults, second.data.length], [1, 2, 3, 1]);
  assert.equal(second.data[0].action, 'createPolicyGroup');

  const other = await ok(`${AUDIT}?objectType=PolicyGroup&objectId=${otherGroupId}`);
  assert.deepEqual(
    other.data.map((row: { action: string }) => row.action),
    ['createPolicyGroup'],
  );
  assert.deepEqual(await ok(`${AUDIT}?objectType=Policy&objectId=${groupId}`), { pageNo: 0, pageSize: 0, totalResults: 0, data: [] });
});

test('bad parameters get their codes and read nothing; only partner admins may read', async () => {
  await refused(`${AUDIT}?objectId=${groupId}`, 'PMS_AUDIT_ERROR_001');
  await refused(`${AUDIT}?objectType=Outbox&objectId=${groupId}`, 'PMS_AUDIT_ERROR_001');
  await refused(`${AUDIT}?objectType=PolicyGroup`, 'PMS_AUDIT_ERROR_002');
  await refused(`${AUDIT}?objectType=PolicyGroup&objectId=${'x'.repeat(257)}`, 'PMS_AUDIT_ERROR_002');
  await refused(`${AUDIT}?objectType=PolicyGroup&objectId=${groupId}&pageNo=-1`, 'PMS_PRT_360');
  await refused(`${AUDIT}?objectType=PolicyGroup&objectId=${groupId}&pageSize=0`, 'PMS_PRT_361');
  const partner = await stack.token('bank-1', ['AUTH_PARTNER']);
  const { json } = await stack.request('GET', `${AUDIT}?objectType=PolicyGroup&objectId=${groupId}`, { token: partner });
  assert.equal(json.errors?.[0]?.errorCode, 'KER-ATH-403');
});
