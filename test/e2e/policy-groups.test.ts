import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listTableItems } from '../support/dynamodb.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { withoutChanges } from '../support/no-change.js';

const POLICY = '/v1/policymanager/policies';
let stack: LocalStack;
let admin: string;

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN']);
});
after(() => stack?.stop());

const now = () => new Date().toISOString();
const v1 = (request: unknown) => ({ id: 'mosip.pms.policygroup.create', version: '1.0', requesttime: now(), metadata: {}, request });
const v2 = (id: string, request: unknown) => ({ id, version: '1.0', requestTime: now(), metadata: {}, request });
const DEACTIVATE = 'mosip.pms.deactivate.policy.group.patch';

async function createGroup(name: string) {
  const { json } = await stack.request('POST', `${POLICY}/group/new`, { token: admin, body: v1({ name, desc: `${name} description` }) });
  assert.deepEqual(json.errors, [], JSON.stringify(json));
  return json.response as { id: string; name: string };
}

/** Runs a request that must be refused and proves the table is exactly as before. */
function refusedWithoutWriting(method: string, path: string, body: unknown) {
  return withoutChanges(stack, `${method} ${path}`, () => stack.request(method, path, { token: admin, body }));
}

test('create answers in the policy service V1 shape and the group reads back everywhere', async () => {
  const { status, json } = await stack.request('POST', `${POLICY}/group/new`, {
    token: admin,
    body: v1({ name: 'Banks', desc: 'Authentication partners that are banks' }),
  });
  assert.equal(status, 200);
  assert.deepEqual(Object.keys(json), ['id', 'version', 'responsetime', 'response', 'errors']);
  assert.deepEqual([json.id, json.version, json.errors], ['mosip.pms.policygroup.create', '1.0', []]);
  assert.match(json.responsetime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  const group = json.response;
  assert.deepEqual(Object.keys(group), ['id', 'name', 'desc', 'is_Active', 'cr_by', 'cr_dtimes', 'up_by', 'upd_dtimes']);
  assert.deepEqual([group.name, group.is_Active, group.cr_by, group.up_by], ['Banks', true, 'admin1', null]);
  assert.match(group.cr_dtimes, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);

  const one = await stack.request('GET', `${POLICY}/group/${group.id}`, { token: admin });
  assert.deepEqual([one.json.id, one.json.version], [null, null]);
  assert.deepEqual(one.json.response.policyGroup, {
    id: group.id,
    crBy: 'admin1',
    crDtimes: group.cr_dtimes,
    delDtimes: null,
    desc: 'Authentication partners that are banks',
    isActive: true,
    isDeleted: false,
    name: 'Banks',
    updBy: null,
    updDtimes: null,
    userId: 'admin1',
  });
  assert.deepEqual(one.json.response.policies, []);

  const all = await stack.request('GET', `${POLICY}/group/all`, { token: admin });
  assert.ok(all.json.response.some((entry: { policyGroup: { id: string } }) => entry.policyGroup.id === group.id));

  const partner = await stack.token('bank-user', ['AUTH_PARTNER']);
  const active = await stack.request('GET', `${POLICY}/policy-groups`, { token: partner });
  assert.deepEqual(Object.keys(active.json), ['id', 'version', 'responseTime', 'metadata', 'response', 'errors']);
  assert.equal(active.json.id, 'mosip.pms.policy.groups.get');
  assert.ok(
    active.json.response.some(
      (g: { id: string; name: string; description: string }) => g.id === group.id && g.description === 'Authentication partners that are banks',
    ),
  );

  const search = await stack.request('POST', `${POLICY}/group/search`, {
    token: partner,
    body: v1({
      filters: [{ columnName: 'name', type: 'contains', value: 'bank' }],
      sort: [{ sortField: 'name', sortType: 'asc' }],
      pagination: { pageStart: 0, pageFetch: 10 },
    }),
  });
  assert.deepEqual([search.json.response.fromRecord, search.json.response.totalRecord, search.json.response.data[0].id], [1, 1, group.id]);

  const values = await stack.request('POST', `${POLICY}/group/filtervalues`, {
    token: partner,
    body: v1({ filters: [{ columnName: 'name', type: 'unique', text: 'ban' }] }),
  });
  assert.deepEqual(values.json.response, { filters: [{ fieldID: 'name', fieldValue: 'Banks', fieldCode: 'Banks' }] });
});

test('update renames, and a duplicate or unknown group is refused without writing', async () => {
  const group = await createGroup('Telcos');
  await createGroup('Printers');
  const renamed = await stack.request('PUT', `${POLICY}/group/${group.id}`, {
    token: admin,
    body: v1({ name: 'Mobile operators', desc: 'telcos', isActive: true }),
  });
  assert.deepEqual([renamed.json.response.name, renamed.json.response.up_by], ['Mobile operators', 'admin1']);

  const duplicate = await refusedWithoutWriting('POST', `${POLICY}/group/new`, v1({ name: 'PRINTERS', desc: 'x' }));
  assert.deepEqual(duplicate.json.errors, [{ errorCode: 'PMS_POL_014', message: 'Policy group exists with name : PRINTERS' }]);
  assert.equal(duplicate.json.response, null);
  const renameClash = await refusedWithoutWriting('PUT', `${POLICY}/group/${group.id}`, v1({ name: 'Printers', desc: 'x' }));
  assert.equal(renameClash.json.errors[0].errorCode, 'PMS_POL_014');
  const renameClashWithStatus = await refusedWithoutWriting('PUT', `${POLICY}/group/${group.id}`, v1({ name: 'Printers', desc: 'x', isActive: true }));
  assert.equal(renameClashWithStatus.json.errors[0].errorCode, 'PMS_POL_014');
  // MOSIP compares the omitted status with the stored one, takes it for a change and fails saving a null status.
  const noStatus = await refusedWithoutWriting('PUT', `${POLICY}/group/${group.id}`, v1({ name: 'Mobile operators', desc: 'no status' }));
  assert.deepEqual(noStatus.json.errors, [{ errorCode: 'PMS_COR_003', message: 'Could not process the request' }]);
  const unknownPut = await refusedWithoutWriting('PUT', `${POLICY}/group/00000000-0000-0000-0000-000000000000`, v1({ name: 'x', desc: 'y' }));
  assert.equal(unknownPut.json.errors[0].errorCode, 'PMS_POL_008');
  const unknownGet = await stack.request('GET', `${POLICY}/group/00000000-0000-0000-0000-000000000000`, { token: admin });
  assert.deepEqual([unknownGet.status, unknownGet.json.errors[0].errorCode], [200, 'PMS_POL_016']);
});

test('bad input: missing fields, wrong types, stale requesttime and a 1 MB body write nothing', async () => {
  const cases: [unknown, number, string][] = [
    [v1({ desc: 'no name' }), 400, 'PMS_COR_001'],
    [v1({ name: 7, desc: 'typed' }), 400, 'PMS_COR_001'],
    [v1({ name: 'n'.repeat(129), desc: 'long' }), 400, 'PMS_COR_001'],
    [{ id: 'x', version: '1.0', requesttime: now() }, 400, 'PMS_COR_001'],
    [{ ...v1({ name: 'Stale', desc: 'x' }), requesttime: '2020-01-01T00:00:00.000Z' }, 200, 'PMS_REQUEST_ERROR_006'],
    [v1({ name: 'Huge', desc: 'x'.repeat(1024 * 1024) }), 413, 'PMS_COR_001'],
  ];
  for (const [body, status, code] of cases) {
    const result = await refusedWithoutWriting('POST', `${POLICY}/group/new`, body);
    assert.deepEqual([result.status, result.json.errors[0].errorCode], [status, code], JSON.stringify(result.json));
  }
  const search = await refusedWithoutWriting(
    'POST',
    `${POLICY}/group/search`,
    v1({ filters: [{ columnName: 'colour', type: 'equals', value: 'x' }], sort: [], pagination: { pageStart: 0, pageFetch: 10 } }),
  );
  assert.deepEqual(search.json.errors, [{ errorCode: 'PMS-MSD-310', message: 'Invalid column received : colour' }]);
});

test('deactivation: blocked by an active policy, then allowed, then refused as already done', async () => {
  const group = await createGroup('Credential partners');
  const draft = await stack.request('POST', POLICY, {
    token: admin,
    body: v1({
      policyGroupName: 'Credential partners',
      policyType: 'MISP',
      name: 'Delegation',
      desc: 'd',
      version: '1.0',
      policies: { allowAuthRequestDelegation: true, allowKycRequestDelegation: true, allowKeyBindingDelegation: false },
    }),
  });
  assert.deepEqual(draft.json.errors, []);
  const policyId = draft.json.response.id;
  assert.deepEqual((await stack.request('POST', `${POLICY}/${policyId}/group/${group.id}/publish`, { token: admin })).json.errors, []);

  const path = `${POLICY}/group/${group.id}`;
  const blocked = await refusedWithoutWriting('PATCH', path, v2(DEACTIVATE, { status: 'De-Activate' }));
  assert.deepEqual(blocked.json, {
    id: DEACTIVATE,
    version: '1.0',
    responseTime: blocked.json.responseTime,
    metadata: null,
    response: null,
    errors: [{ errorCode: 'PMS_POL_056', message: 'Active policies exists under the policy group.' }],
  });
  const shown = await stack.request('GET', path, { token: admin });
  assert.deepEqual(
    shown.json.response.policies.map((p: { policyName: string; status: string }) => [p.policyName, p.status]),
    [['Delegation', 'PUBLISHED']],
  );

  const policyOff = await stack.request('PATCH', `${POLICY}/${policyId}`, {
    token: admin,
    body: v2('mosip.pms.deactivate.policy.patch', { status: 'De-Activate' }),
  });
  assert.deepEqual(policyOff.json.errors, []);
  const done = await stack.request('PATCH', path, { token: admin, body: v2(DEACTIVATE, { status: 'De-Activate' }) });
  assert.deepEqual(done.json.response, { policyGroupId: group.id, isActive: false });
  const again = await refusedWithoutWriting('PATCH', path, v2(DEACTIVATE, { status: 'De-Activate' }));
  assert.equal(again.json.errors[0].errorCode, 'PMS_POL_067');
  const audit = (await listTableItems(stack.table)).filter((item) => item.pk === `AUDIT#PolicyGroup#${group.id}`);
  assert.deepEqual(audit.map((item) => item.action).sort(), ['createPolicyGroup', 'deactivatePolicyGroup']);
  assert.ok(audit.every((item) => item.actor === 'admin1' && item.outcome === 'SUCCESS'));
});
