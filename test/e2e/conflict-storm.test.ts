import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listTableItems } from '../support/dynamodb.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { expectOk, v1 } from '../support/pms-calls.js';

const PM = '/v1/partnermanager';
let stack: LocalStack;
let owner: string;

before(async () => {
  stack = await startLocalStack();
  owner = await stack.token('storm-1', ['AUTH_PARTNER']);
  const admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  await expectOk(stack, 'POST', '/v1/policymanager/policies/group/new', admin, v1({ name: 'Banks', desc: 'banks' }));
  await expectOk(
    stack,
    'POST',
    `${PM}/partners`,
    owner,
    v1({
      partnerId: 'storm-1',
      organizationName: 'Storm Bank',
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: 'storm-1@example.org',
      partnerType: 'Auth_Partner',
      policyGroup: 'Banks',
    }),
  );
});
after(() => stack?.stop());

test('forty simultaneous edits of one partner: each succeeds or answers PMS_COR_101, never PMS_COR_003; one audit record per success, the last success stored', async () => {
  const addresses = Array.from({ length: 40 }, (_, index) => `Street ${index}`);
  const answers = await Promise.all(
    addresses.map((address) =>
      stack
        .request('PUT', `${PM}/partners/storm-1`, { token: owner, body: v1({ address, contactNumber: '+254700000001' }) })
        .then(({ json }) => ({ address, json })),
    ),
  );
  const codes = answers.flatMap(({ json }) => json.errors.map((error: { errorCode: string }) => error.errorCode));
  assert.deepEqual(
    [...new Set(codes)].filter((code) => code !== 'PMS_COR_101'),
    [],
    `codes: ${codes.join(',')}`,
  );
  const succeeded = answers.filter(({ json }) => json.errors.length === 0).map(({ address }) => address);
  assert.ok(succeeded.length > 0);
  const audits = (await listTableItems(stack.table)).filter(
    (item) => item.entity === 'Audit' && item.objectId === 'storm-1' && item.action !== 'registerPartner',
  );
  assert.equal(audits.length, succeeded.length, 'one audit record per successful edit, none for a lost race');
  const stored = await expectOk(stack, 'GET', `${PM}/partners/storm-1`, owner);
  assert.ok(succeeded.includes(stored.address), `${stored.address} is one of the successful edits`);
});
