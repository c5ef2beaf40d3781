import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoPolicyRequestRepository } from '../../functions/adapters/dynamodb/policy-request-repository.js';
import { auditEntry } from '../../functions/domain/audit.js';
import { listTableItems } from '../support/dynamodb.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { settledItems, withoutChanges } from '../support/no-change.js';

const POLICY = '/v1/policymanager/policies';
const DEACTIVATE_ID = 'mosip.pms.deactivate.policy.patch';
let stack: LocalStack;
let manager: string;

before(async () => {
  stack = await startLocalStack();
  manager = await stack.token('manager1', ['POLICYMANAGER']);
});
after(() => stack?.stop());

const now = () => new Date().toISOString();
const v1 = (request: unknown) => ({ id: 'mosip.pms.policy', version: '1.0', requesttime: now(), metadata: {}, request });
const deactivation = (status = 'De-Activate') => ({ id: DEACTIVATE_ID, version: '1.0', requestTime: now(), metadata: {}, request: { status } });

const AUTH_POLICY = {
  authTokenType: 'partner',
  allowedAuthTypes: [
    { authType: 'otp', mandatory: true },
    { authType: 'bio', authSubType: 'FINGER', mandatory: false },
  ],
  allowedKycAttributes: [{ attributeName: 'fullName' }, { attributeName: 'dateOfBirth' }],
  kycLanguages: ['eng'],
};

async function call(method: string, path: string, body?: unknown, token = manager) {
  const result = await stack.request(method, path, { token, ...(body === undefined ? {} : { body }) });
  return result;
}

async function createGroup(name: string): Promise<string> {
  const { json } = await call('POST', `${POLICY}/group/new`, v1({ name, desc: `${name} partners` }));
  assert.deepEqual(json.errors, []);
  return json.response.id;
}

async function createDraft(groupName: string, name: string, policies: unknown = AUTH_POLICY) {
  return call('POST', POLICY, v1({ policyGroupName: groupName, policyType: 'Auth', name, desc: `${name} policy`, version: '1.0', policies }));
}

/** Runs a refused request and proves it changed nothing. */
async function refused(method: string, path: string, body: unknown, code: string) {
  const { status, json } = await withoutChanges(stack, `${method} ${path}`, () => call(method, path, body));
  assert.equal(status, 200);
  assert.equal(json.response, null);
  assert.equal(json.errors[0]?.errorCode, code, `${method} ${path}: ${JSON.stringify(json.errors)}`);
  return json;
}

const auditsOf = async (policyId: string) =>
  (await listTableItems(stack.table))
    .filter((item) => item.pk === `AUDIT#Policy#${policyId}`)
    .map((item) => item.action)
    .sort();

/** The relay forwards committed events within moments; wait until the log holds `count` events for the policy. */
async function eventsOf(policyId: string, count: number) {
  const matching = () => stack.events().filter((event) => (event as any).event?.data?.policyData?.policyId === policyId);
  for (let waited = 0; matching().length < count && waited < 10_000; waited += 100) await sleep(100);
  await sleep(300); // and no extra event arrives
  return matching() as any[];
}

test('draft → edit → publish → deactivate, with MOSIP shapes, one audit record and one event per change', async () => {
  const groupId = await createGroup('Banks');

  const created = await createDraft('Banks', 'KYC for banks');
  assert.deepEqual(Object.keys(created.json), ['id', 'version', 'responsetime', 'response', 'errors']);
  assert.deepEqual([created.json.id, created.json.errors], ['mosip.pms.policy', []]);
  const draft = created.json.response;
  assert.deepEqual(Object.keys(draft), ['id', 'policyGroupName', 'name', 'desc', 'is_Active', 'cr_by', 'cr_dtimes', 'up_by', 'upd_dtimes']);
  assert.deepEqual([draft.policyGroupName, draft.name, draft.is_Active, draft.cr_by], ['Banks', 'KYC for banks', false, 'manager1']);
  assert.match(draft.cr_dtimes, /\+00:00$/);
  const id = draft.id;

  const edited = await call(
    'PUT',
    `${POLICY}/${id}`,
    v1({ policyGroupName: 'Banks', name: 'eKYC for banks', desc: 'edited', version: '1.1', policies: AUTH_POLICY }),
  );
  assert.deepEqual([edited.json.errors, edited.json.response.name, edited.json.response.up_by], [[], 'eKYC for banks', 'manager1']);

  const published = await call('POST', `${POLICY}/${id}/group/${groupId}/publish`);
  assert.deepEqual(published.json.errors, []);
  const policy = published.json.response;
  assert.deepEqual(
    [policy.status, policy.is_Active, policy.policyGroupName, policy.version, policy.schema],
    ['PUBLISHED', true, 'Banks', '1.1', 'https://schemas.mosip.io/v1/auth-policy'],
  );
  assert.deepEqual(policy.policies, AUTH_POLICY);

  await refused('PUT', `${POLICY}/${id}`, v1({ policyGroupName: 'Banks', name: 'late edit', desc: 'x', version: '1.2', policies: AUTH_POLICY }), 'PMS_POL_055');
  await refused('POST', `${POLICY}/${id}/group/${groupId}/publish`, undefined, 'PMS_POL_020');
  await refused('PATCH', `${POLICY}/${id}/group/${groupId}`, v1({ status: 'De-Active' }), 'PMS_POL_058');

  const active = await call('GET', `${POLICY}/active/group/Banks`, undefined, await stack.token('bank', ['AUTH_PARTNER']));
  assert.deepEqual(active.json.response, [
    { policyGroupId: groupId, policyGroupName: 'Banks', id, name: 'eKYC for banks', descr: 'edited', policyType: 'Auth' },
  ]);

  const deactivated = await call('PATCH', `${POLICY}/${id}`, deactivation());
  assert.deepEqual(deactivated.json, {
    id: DEACTIVATE_ID,
    version: '1.0',
    responseTime: deactivated.json.responseTime,
    metadata: null,
    response: { policyId: id, isActive: false },
    errors: [],
  });
  await refused('PATCH', `${POLICY}/${id}`, deactivation(), 'PMS_POL_062');

  assert.deepEqual(await auditsOf(id), ['createPolicy', 'deactivatePolicy', 'publishPolicy', 'updatePolicy']);
  const events = await eventsOf(id, 3);
  assert.deepEqual(
    events.map((e) => e.topic),
    ['POLICY_UPDATED', 'POLICY_UPDATED', 'POLICY_UPDATED'],
  );
  assert.deepEqual(
    events.map((e) => e.event.data.policyData.policyStatus),
    ['DEACTIVE', 'ACTIVE', 'DEACTIVE'],
  );
  const [, publishedEvent] = events;
  assert.deepEqual(Object.keys(publishedEvent), ['time', 'publisher', 'topic', 'publishedOn', 'event']);
  assert.deepEqual(publishedEvent.event.type, { name: 'PolicyManagementService', namespace: 'io.mosip.pmp.policy.service' });
  assert.deepEqual(publishedEvent.event.data.policyData.policy, AUTH_POLICY);
  assert.equal(new Set(events.map((e) => e.event.id)).size, 3);
  assert.ok(
    (await settledItems(stack)).every((item) => item.entity !== 'OutboxEvent'),
    'the outbox drains',
  );
});

test('refusals: inactive group, pending request, draft, unknown policy, bad status, invalid JSON, duplicate name', async () => {
  const groupId = await createGroup('Printers');
  const draftId = (await createDraft('Printers', 'Card printing')).json.response.id;
  await refused(
    'POST',
    POLICY,
    v1({ policyGroupName: 'Printers', policyType: 'Auth', name: 'CARD printing', desc: 'd', version: '1.0', policies: AUTH_POLICY }),
    'PMS_POL_009',
  );
  // MOSIP checks the name before it stores the given id: a request clashing on both is a duplicate name.
  await refused(
    'POST',
    POLICY,
    v1({ policyGroupName: 'Printers', policyType: 'Auth', name: 'Card printing', policyId: draftId, desc: 'd', version: '1.0', policies: AUTH_POLICY }),
    'PMS_POL_009',
  );
  await refused(
    'POST',
    POLICY,
    v1({ policyGroupName: 'Printers', policyType: 'Auth', name: 'Card embossing', policyId: draftId, desc: 'd', version: '1.0', policies: AUTH_POLICY }),
    'PMS_COR_002',
  );
  await refused(
    'POST',
    POLICY,
    v1({ policyGroupName: 'Printers', policyType: 'Biometric', name: 'x', desc: 'd', version: '1.0', policies: {} }),
    'PMS_POL_023',
  );
  await refused(
    'POST',
    POLICY,
    v1({ policyGroupName: 'Nobody', policyType: 'Auth', name: 'x', desc: 'd', version: '1.0', policies: AUTH_POLICY }),
    'PMS_POL_019',
  );
  const invalid = await refused(
    'POST',
    POLICY,
    v1({ policyGroupName: 'Printers', policyType: 'Auth', name: 'Broken', desc: 'd', version: '1.0', policies: { ...AUTH_POLICY, authTokenType: 'magic' } }),
    'PMS_PV_005',
  );
  assert.match(invalid.errors[0].message, /authTokenType/);
  await refused('PATCH', `${POLICY}/${draftId}`, deactivation(), 'PMS_POL_072');
  await refused('PATCH', `${POLICY}/${draftId}`, deactivation('deactivate'), 'PMS_POL_073');
  await refused('PATCH', `${POLICY}/00000000-0000-0000-0000-000000000000`, deactivation(), 'PMS_POL_065');
  await refused('PATCH', `${POLICY}/${draftId}/group/${groupId}`, v1({ status: 'Active' }), 'PMS_POL_054');
  await refused('PATCH', `${POLICY}/${draftId}/group/${groupId}`, v1({ status: 'Sleeping' }), 'PMS_POL_045');
  await refused('PATCH', `${POLICY}/${draftId}/group/${groupId}`, v1({}), 'PMS_COR_003');
  const legacy = await call('PATCH', `${POLICY}/${draftId}/group/${groupId}`, v1({ status: 'De-Active' }));
  assert.deepEqual(legacy.json.response, { message: 'status updated successfully' });

  // The legacy PUT may still switch off a group that has only drafts; publishing into it is then refused.
  await call('PUT', `${POLICY}/group/${groupId}`, v1({ name: 'Printers', desc: 'paused', isActive: false }));
  await refused('POST', `${POLICY}/${draftId}/group/${groupId}/publish`, undefined, 'PMS_POL_053');
  await refused(
    'POST',
    POLICY,
    v1({ policyGroupName: 'Printers', policyType: 'Auth', name: 'New', desc: 'd', version: '1.0', policies: AUTH_POLICY }),
    'PMS_POL_053',
  );

  const banksId = await createGroup('Telcos');
  const policyId = (await createDraft('Telcos', 'SIM registration')).json.response.id;
  assert.deepEqual((await call('POST', `${POLICY}/${policyId}/group/${banksId}/publish`)).json.errors, []);
  await dynamoPolicyRequestRepository(stack.table).create(
    {
      mappingKey: 'request-1',
      partnerId: 'telco-1',
      policyId,
      status: 'InProgress',
      requestDetail: 'SIM KYC',
      crBy: 'telco-1',
      crDtimes: now(),
      updBy: null,
      updDtimes: null,
      revision: 0,
    },
    auditEntry('telco-1', 'requestPolicy', 'PolicyRequest', 'request-1', new Date()),
  );
  await refused('PATCH', `${POLICY}/${policyId}`, deactivation(), 'PMS_POL_064');
  await refused('PUT', `${POLICY}/${policyId}`, v1({ policyGroupName: 'Telcos', name: 'x', desc: 'x', version: '1.0', policies: AUTH_POLICY }), 'PMS_POL_055');
  await refused('GET', `${POLICY}/${policyId}/partner/telco-1`, undefined, 'PMS_POL_017');

  // API keys arrive with the key issue; stored as it stores them, the partner lookup answers from them.
  const apiKey = (partnerId: string, hash: string, validToDatetime: string, isActive = true) =>
    stack.table.client.send(
      new PutCommand({
        TableName: stack.table.tableName,
        Item: {
          pk: `APIKEY#${hash}`,
          sk: 'APIKEY',
          gsi1pk: `PARTNER#${partnerId}#APIKEYS`,
          gsi1sk: `${now()}#label`,
          entity: 'ApiKey',
          partnerId,
          policyId,
          isActive,
          validToDatetime,
        },
      }),
    );
  await apiKey('telco-1', 'hash-1', '2126-01-01T00:00:00.000Z');
  await apiKey('telco-2', 'hash-2', '2020-01-01T00:00:00.000Z');
  await apiKey('telco-3', 'hash-3', '2126-01-01T00:00:00.000Z', false);
  const forPartner = await call('GET', `${POLICY}/${policyId}/partner/telco-1`);
  assert.deepEqual([forPartner.json.errors, forPartner.json.response.policyId, forPartner.json.response.status], [[], policyId, 'PUBLISHED']);
  await refused('GET', `${POLICY}/${policyId}/partner/telco-2`, undefined, 'PMS_POL_017');
  await refused('GET', `${POLICY}/${policyId}/partner/telco-3`, undefined, 'PMS_POL_017');
});

test('clone, reads and the UI config allow-list', async () => {
  await createGroup('Source group');
  await createGroup('Target group');
  const sourceId = (await createDraft('Source group', 'Shared KYC')).json.response.id;
  const clone = await call('POST', `${POLICY}/${sourceId}/clone`, v1({ policyGroupName: 'Target group' }));
  assert.deepEqual(clone.json.errors, []);
  assert.notEqual(clone.json.response.id, sourceId);
  assert.deepEqual([clone.json.response.policyGroupName, clone.json.response.name, clone.json.response.is_Active], ['Target group', 'Shared KYC', false]);
  const copy = await call('GET', `${POLICY}/${clone.json.response.id}`);
  assert.deepEqual([copy.json.response.policies, copy.json.response.status, copy.json.response.policyType], [AUTH_POLICY, 'DRAFTED', 'Auth']);
  await refused('POST', `${POLICY}/${sourceId}/clone`, v1({ policyGroupName: 'Target group' }), 'PMS_POL_009');

  const all = await call('GET', POLICY);
  assert.ok(all.json.response.some((p: { policyId: string }) => p.policyId === sourceId));
  await refused('GET', `${POLICY}/00000000-0000-0000-0000-000000000000`, undefined, 'PMS_POL_008');

  const types = await call('GET', `${POLICY}/config/pmp.allowed.policy.types`);
  assert.deepEqual(types.json.response, { key: 'pmp.allowed.policy.types', value: 'Auth,DataShare,CredentialIssuance,MISP' });
  // Any other key is answered as MOSIP answers a property it does not have, secrets included.
  for (const secret of ['mosip.pmp.database.password', 'spring.datasource.password', 'constructor', '__proto__', 'abcd']) {
    const hidden = await call('GET', `${POLICY}/config/${secret}`);
    assert.deepEqual([hidden.json.response, hidden.json.errors], [{ key: secret, value: null }, []], secret);
  }
});

test('the revamp list pages, filters and sorts over HTTP, and refuses what MOSIP refuses', async () => {
  await createGroup('Listing');
  for (const name of ['Alpha', 'Bravo', 'Charlie']) assert.deepEqual((await createDraft('Listing', `List ${name}`)).json.errors, []);
  const page = await call('GET', `${POLICY}/v2?policyGroupName=listing&sortFieldName=policyName&sortType=desc&pageNo=0&pageSize=2`);
  assert.deepEqual([page.json.id, page.json.errors], ['mosip.pms.policies.get', []]);
  assert.deepEqual(
    [page.json.response.totalResults, page.json.response.data.map((p: { policyName: string }) => p.policyName)],
    [3, ['List Charlie', 'List Bravo']],
  );
  assert.deepEqual(page.json.response.data[0].status, 'draft');
  const refusedSort = await call('GET', `${POLICY}/v2?sortFieldName=policyType&sortType=asc`);
  assert.deepEqual([refusedSort.json.response, refusedSort.json.errors[0].errorCode], [null, 'PMS_PRT_357']);
  const tooBig = await call('GET', `${POLICY}/v2?pageNo=0&pageSize=100000`);
  assert.deepEqual([tooBig.json.response, tooBig.json.errors[0].errorCode], [null, 'PMS_PRT_361']);
});
