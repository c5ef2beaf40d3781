import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { expectOk, expectRefused, v1 } from '../support/pms-calls.js';
import { AUTH_POLICY } from '../support/sample-policies.js';

const POLICIES = '/v1/policymanager/policies';
let stack: LocalStack;
let admin: string;
let partner: string;

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('policy-admin', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  partner = await stack.token('auth-user', ['AUTH_PARTNER']);
  await expectOk(stack, 'POST', `${POLICIES}/group/new`, admin, v1({ name: 'Banks', desc: 'banks' }));
  for (const name of ['KYC for banks', 'Auth for banks']) {
    await expectOk(
      stack,
      'POST',
      POLICIES,
      admin,
      v1({ policyGroupName: 'Banks', policyType: 'Auth', name, desc: name, version: '1.0', policies: AUTH_POLICY }),
    );
  }
});
after(() => stack?.stop());

/** The rig's request: pages as strings, as MOSIP's own test rig sends them. */
const searchBody = (request: Record<string, unknown>) =>
  v1({ filters: [], sort: [{ sortField: 'name', sortType: 'asc' }], pagination: { pageStart: '0', pageFetch: '5' }, policyType: 'Auth', ...request });

test('policy search binds string pages and answers SearchAuthPolicy rows of the type', async () => {
  const page = await expectOk(
    stack,
    'POST',
    `${POLICIES}/search`,
    admin,
    searchBody({ filters: [{ columnName: 'name', type: 'contains', value: 'for BANKS' }] }),
  );
  assert.deepEqual(
    page.data.map((p: { name: string; policyType: string }) => `${p.name}/${p.policyType}`),
    ['Auth for banks/Auth', 'KYC for banks/Auth'],
  );
  assert.deepEqual([page.fromRecord, page.toRecord, page.totalRecord], [1, 2, 2]);
  const none = await expectOk(stack, 'POST', `${POLICIES}/search`, admin, searchBody({ filters: [{ columnName: 'name', type: 'equals', value: 'Da@@3344' }] }));
  assert.deepEqual(none, { fromRecord: 0, toRecord: 0, totalRecord: 0, data: null });
});

test("policy search refusals in MOSIP's order, a filter without column being PMS_COR_003", async () => {
  const refused = (request: Record<string, unknown>, code: string) => expectRefused(stack, 'POST', `${POLICIES}/search`, admin, searchBody(request), code);
  await refused({ filters: [{ columnName: 'n@@@@@343e', type: 'startswith', value: 'x' }], sort: [{ sortField: 'name', sortType: 'dc' }] }, 'PMS-MSD-310');
  const noColumn = await refused({ filters: [{ type: 'startswith', value: 'mosip' }] }, 'PMS_COR_003');
  assert.deepEqual(noColumn.errors, [{ errorCode: 'PMS_COR_003', message: 'Could not process the request' }]);
  await refused({ filters: [{ columnName: 'name', value: 'x' }] }, 'PMS-MSD-312');
  await refused({ sort: [{ sortField: 'name', sortType: 'dc' }], pagination: { pageFetch: '0' } }, 'PMS-MSD-358');
  await refused({ sort: [{ sortType: 'desc' }] }, 'PMS-MSD-314');
  await refused({ sort: [{ sortField: 'n@@@@3334$$$e', sortType: 'desc' }] }, 'PMS-MSD-357');
  await refused({ pagination: { pageStart: '-1' } }, 'PMS-MSD-313');
});

test('policy group search and filter values: entity columns; filter-value refusals are PMS_COR_003 in the policy service', async () => {
  const groups = await expectOk(
    stack,
    'POST',
    `${POLICIES}/group/search`,
    partner,
    v1({ filters: [{ columnName: 'name', type: 'startswith', value: 'BAN' }], sort: [{ sortField: 'id', sortType: 'desc' }], pagination: { pageStart: '0' } }),
  );
  assert.deepEqual(
    groups.data.map((g: { name: string }) => g.name),
    ['Banks'],
  );
  const values = await expectOk(stack, 'POST', `${POLICIES}/group/filtervalues`, partner, v1({ filters: [{ columnName: 'name', type: 'all', text: 'bank' }] }));
  assert.deepEqual(values.filters, [{ fieldID: 'name', fieldValue: 'Banks', fieldCode: 'Banks' }]);
  for (const filter of [
    { columnName: 'name', type: '', text: 'bank' },
    { columnName: 'sfg', type: 'all', text: 'bank' },
    { columnName: 'name', type: 'sfgar', text: 'bank' },
  ]) {
    await expectRefused(stack, 'POST', `${POLICIES}/group/filtervalues`, partner, v1({ filters: [filter] }), 'PMS_COR_003');
  }
  await expectRefused(
    stack,
    'POST',
    `${POLICIES}/filtervalues`,
    partner,
    v1({ filters: [{ columnName: 'name', type: 'unique', text: '' }], policyType: 'Auth' }),
    'PMS_COR_003',
  );
  const policyNames = await expectOk(
    stack,
    'POST',
    `${POLICIES}/filtervalues`,
    partner,
    v1({ filters: [{ columnName: 'name', type: 'unique', text: 'kyc' }], optionalFilters: [], policyType: 'Auth' }),
  );
  assert.deepEqual(
    policyNames.filters.map((v: { fieldValue: string }) => v.fieldValue),
    ['KYC for banks'],
  );
});
