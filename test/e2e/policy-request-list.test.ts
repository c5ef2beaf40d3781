import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import type { Role } from '../../functions/auth/roles.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';

const PM = '/v1/partnermanager';
const POLICIES = '/v1/policymanager/policies';
const LIST = `${PM}/partner-policy-requests`;
const LIST_ID = 'mosip.pms.all.partner.policy.mapping.requests.get';
const AUTH_POLICY = {
  authTokenType: 'partner',
  allowedAuthTypes: [{ authType: 'otp', mandatory: true }],
  allowedKycAttributes: [{ attributeName: 'fullName' }],
};

let stack: LocalStack;
let admin: string;
const tokens: Record<string, string> = {};
const groupIds: Record<string, string> = {};
const policyIds: Record<string, string> = {};
/** Mapping keys by label, in creation order r1…r5. */
const keysOf: Record<string, string> = {};

const now = () => new Date().toISOString();
const v1 = (request: unknown) => ({ id: 'mosip.pms.test', version: '1.0', requesttime: now(), metadata: {}, request });

async function ok(method: string, path: string, token: string, body?: unknown) {
  const { json } = await stack.request(method, path, { token, ...(body === undefined ? {} : { body }) });
  assert.deepEqual(json.errors, [], `${method} ${path}: ${JSON.stringify(json.errors)}`);
  return json.response;
}

async function publishedPolicy(group: string, name: string) {
  const draft = await ok(
    'POST',
    POLICIES,
    admin,
    v1({ policyGroupName: group, policyType: 'Auth', name, desc: `${name} (desc)`, version: '1.0', policies: AUTH_POLICY }),
  );
  await ok('POST', `${POLICIES}/${draft.id}/group/${groupIds[group]}/publish`, admin);
  policyIds[name] = draft.id;
}

/** Registers a partner (its id is its user's name) and makes it active, as its certificate upload (a later issue) would. */
async function activePartner(partnerId: string, role: Role, partnerType: string, group: string, org: string) {
  tokens[partnerId] = await stack.token(partnerId, [role]);
  await ok(
    'POST',
    `${PM}/partners`,
    tokens[partnerId]!,
    v1({
      partnerId,
      partnerType,
      policyGroup: group,
      organizationName: org,
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: `${partnerId}@example.org`,
    }),
  );
  await setPartner(partnerId, 'approvalStatus = :approved, isActive = :true', { ':approved': 'approved', ':true': true });
}

async function setPartner(partnerId: string, set: string, values: Record<string, unknown>) {
  await stack.table.client.send(
    new UpdateCommand({
      TableName: stack.tableName,
      Key: keys.partner(partnerId),
      UpdateExpression: `SET ${set}, revision = revision + :one`,
      ExpressionAttributeValues: { ...values, ':one': 1 },
    }),
  );
}

async function requestPolicy(label: string, partnerId: string, policyName: string, comment: string) {
  keysOf[label] = (await ok('POST', `${PM}/partners/${partnerId}/policy/map`, tokens[partnerId]!, v1({ policyName, useCaseDescription: comment }))).mappingkey;
}

/*
 * Each partner is registered by its own user; the user bank-a is then also made owner of printer-c (one user,
 * several partners, as MOSIP's user_id column allows).
 *   partners: bank-a (Banks), bank-b (Banks, deactivated at the end), printer-c (Printers)
 *   r1 bank-a    KYC basic   approved
 *   r2 bank-a    KYC full    pending
 *   r3 bank-b    KYC basic   rejected
 *   r4 printer-c Card print  pending
 *   r5 bank-b    KYC full    pending
 */
before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  for (const name of ['Banks', 'Printers']) groupIds[name] = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name, desc: `${name} group` }))).id;
  await publishedPolicy('Banks', 'KYC basic');
  await publishedPolicy('Banks', 'KYC full');
  await publishedPolicy('Printers', 'Card print');
  await activePartner('bank-a', 'AUTH_PARTNER', 'Auth_Partner', 'Banks', 'Alpha Bank');
  await activePartner('bank-b', 'AUTH_PARTNER', 'Auth_Partner', 'Banks', 'Beta Bank');
  await activePartner('printer-c', 'CREDENTIAL_PARTNER', 'Credential_Partner', 'Printers', 'Charlie Print');
  await requestPolicy('r1', 'bank-a', 'KYC basic', 'eKYC at account opening');
  await requestPolicy('r2', 'bank-a', 'KYC full', 'Full KYC for loans');
  await requestPolicy('r3', 'bank-b', 'KYC basic', 'Basic checks');
  await requestPolicy('r4', 'printer-c', 'Card print', 'Printing 100% of cards');
  await requestPolicy('r5', 'bank-b', 'KYC full', 'Zero-touch onboarding');
  await stack.table.client.send(
    new PutCommand({ TableName: stack.tableName, Item: { ...keys.userPartner('bank-a', 'printer-c'), entity: 'UserPartner', partnerId: 'printer-c' } }),
  );
  await ok('PUT', `${PM}/partners/policy/${keysOf.r1}`, admin, v1({ status: 'approved' }));
  await ok('PUT', `${PM}/partners/policy/${keysOf.r3}`, admin, v1({ status: 'rejected' }));
  // bank-b is deactivated after its requests: its rows show partnerStatus 'deactivated'.
  await setPartner('bank-b', 'isActive = :false', { ':false': false });
});
after(() => stack?.stop());

async function list(query: Record<string, string> = {}, token = admin) {
  const { status, json } = await stack.request('GET', `${LIST}?${new URLSearchParams(query)}`, { token });
  assert.equal(status, 200);
  return json;
}

/** The labels (r1…r5) of the listed rows, in order. */
async function listed(query: Record<string, string> = {}, token = admin): Promise<string[]> {
  const json = await list(query, token);
  assert.deepEqual(json.errors, [], JSON.stringify(query));
  return json.response.data.map((row: { id: string }) => labelOf(row.id));
}

function labelOf(mappingKey: string): string {
  return Object.entries(keysOf).find(([, key]) => key === mappingKey)?.[0] ?? mappingKey;
}

async function refused(query: Record<string, string>, token = admin) {
  const json = await list(query, token);
  assert.deepEqual([json.id, json.version, json.response], [LIST_ID, '1.0', null]);
  return json.errors[0];
}

test('admins see every request: V2 envelope, MOSIP row shape, unpaged', async () => {
  const json = await list();
  assert.deepEqual(Object.keys(json), ['id', 'version', 'responseTime', 'metadata', 'response', 'errors']);
  assert.deepEqual([json.id, json.version, json.errors], [LIST_ID, '1.0', []]);
  const { pageNo, pageSize, totalResults, data } = json.response;
  assert.deepEqual([pageNo, pageSize, totalResults], [0, 5, 5]);
  assert.deepEqual(
    data.map((row: { id: string }) => labelOf(row.id)),
    ['r1', 'r2', 'r3', 'r4', 'r5'],
  );

  const r1 = data[0];
  assert.match(r1.createdDateTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
  assert.match(r1.updatedDateTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
  assert.deepEqual(r1, {
    id: keysOf.r1,
    partnerId: 'bank-a',
    partnerStatus: 'activated',
    orgName: 'Alpha Bank',
    policyName: 'KYC basic',
    policyGroupId: groupIds.Banks,
    policyGroupName: 'Banks',
    partnerComment: 'eKYC at account opening',
    status: 'approved',
    createdDateTime: r1.createdDateTime,
    partnerType: 'Auth_Partner',
    policyId: policyIds['KYC basic'],
    updatedDateTime: r1.updatedDateTime,
    policyDescription: 'KYC basic (desc)',
    policyGroupDescription: 'Banks group',
  });
  // Field order as PartnerPolicyRequestSummaryDto declares it.
  assert.deepEqual(Object.keys(r1), [
    'id',
    'partnerId',
    'partnerStatus',
    'orgName',
    'policyName',
    'policyGroupId',
    'policyGroupName',
    'partnerComment',
    'status',
    'createdDateTime',
    'partnerType',
    'policyId',
    'updatedDateTime',
    'policyDescription',
    'policyGroupDescription',
  ]);
  const byLabel = Object.fromEntries(data.map((row: { id: string }) => [labelOf(row.id), row]));
  assert.deepEqual([byLabel.r2.status, byLabel.r2.updatedDateTime], ['InProgress', null]);
  assert.deepEqual([byLabel.r3.status, byLabel.r3.partnerStatus], ['rejected', 'deactivated']);
  assert.deepEqual(
    [byLabel.r4.policyGroupName, byLabel.r4.partnerType, byLabel.r4.policyGroupDescription],
    ['Printers', 'Credential_Partner', 'Printers group'],
  );
});

test('a partner user sees only the requests of their own partners', async () => {
  assert.deepEqual(await listed({}, tokens['bank-a']), ['r1', 'r2', 'r4']);
  assert.deepEqual(await listed({}, tokens['bank-b']), ['r3', 'r5']);
  // Filtering for another user's partner finds nothing, whatever the filter.
  assert.deepEqual(await listed({ partnerId: 'bank-b' }, tokens['bank-a']), []);
  assert.deepEqual(await listed({ status: 'rejected' }, tokens['bank-a']), []);
  assert.deepEqual(await listed({ partnerId: 'bank-a' }, tokens['bank-b']), []);
  assert.deepEqual(await listed({ pageNo: '0', pageSize: '10', sortFieldName: 'partnerId', sortType: 'desc' }, tokens['bank-a']), ['r4', 'r1', 'r2']);
  // The admin sees bank-b's rows through the same filter.
  assert.deepEqual(await listed({ partnerId: 'bank-b' }), ['r3', 'r5']);
});

test('partner users without partners, or whose partner lost its policy group, are refused as MOSIP refuses them', async () => {
  const stranger = await stack.token('user-none', ['AUTH_PARTNER']);
  assert.deepEqual(await refused({}, stranger), { errorCode: 'PMS_CERTIFICATE_ERROR_002', message: 'User Id does not exists.' });

  await activePartner('bank-x', 'AUTH_PARTNER', 'Auth_Partner', 'Banks', 'X Bank');
  const userX = tokens['bank-x']!;
  assert.deepEqual(await listed({}, userX), []);
  await setPartner('bank-x', 'policyGroupId = :none', { ':none': 'no-such-group' });
  assert.deepEqual(await refused({}, userX), { errorCode: 'PMS_POLICY_ERROR_001', message: 'Policy Group does not exists.' });
  await setPartner('bank-x', 'policyGroupId = :none', { ':none': null });
  assert.deepEqual(await refused({}, userX), { errorCode: 'PMS_POLICY_ERROR_005', message: 'Policy Group Id is empty.' });
  // The admin list is not affected by that partner (it has no requests).
  assert.deepEqual(await listed(), ['r1', 'r2', 'r3', 'r4', 'r5']);
});

test('filters: LIKE on text columns (case-insensitive, % and _ are wildcards), exact status', async () => {
  assert.deepEqual(await listed({ partnerId: 'BANK-' }), ['r1', 'r2', 'r3', 'r5']);
  assert.deepEqual(await listed({ partnerId: 'printer-c' }), ['r4']);
  assert.deepEqual(await listed({ partnerComment: 'KYC' }), ['r1', 'r2']);
  assert.deepEqual(await listed({ partnerComment: '100%' }), ['r4']);
  assert.deepEqual(await listed({ partnerComment: 'zero_touch' }), ['r5']);
  assert.deepEqual(await listed({ orgName: 'beta' }), ['r3', 'r5']);
  assert.deepEqual(await listed({ status: 'approved' }), ['r1']);
  assert.deepEqual(await listed({ status: 'InProgress' }), ['r2', 'r4', 'r5']);
  assert.deepEqual(await listed({ status: 'rejected' }), ['r3']);
  assert.deepEqual(await listed({ status: 'Approved' }), []);
  assert.deepEqual(await listed({ status: 'inprogress' }), []);
  assert.deepEqual(await listed({ policyId: policyIds['Card print']! }), ['r4']);
  assert.deepEqual(await listed({ policyId: policyIds['KYC full']!.slice(4, 20).toUpperCase() }), ['r2', 'r5']);
  assert.deepEqual(await listed({ policyName: 'kyc FULL' }), ['r2', 'r5']);
  assert.deepEqual(await listed({ policyName: 'kyc' }), ['r1', 'r2', 'r3', 'r5']);
  assert.deepEqual(await listed({ policyGroupName: 'print' }), ['r4']);
  assert.deepEqual(await listed({ partnerType: 'credential' }), ['r4']);
  assert.deepEqual(await listed({ partnerType: 'auth_partner' }), ['r1', 'r2', 'r3', 'r5']);
  // Filters combine with AND.
  assert.deepEqual(await listed({ partnerId: 'bank', status: 'InProgress', policyName: 'full' }), ['r2', 'r5']);
  assert.deepEqual(await listed({ orgName: 'alpha', policyGroupName: 'printers' }), []);
});

/** Each MOSIP sort key and the row field it orders by. */
const SORT_FIELDS = {
  partnerId: 'partnerId',
  partnerType: 'partnerType',
  orgName: 'orgName',
  policyId: 'policyId',
  policyGroupName: 'policyGroupName',
  policyName: 'policyName',
  status: 'status',
  requestDetail: 'partnerComment',
  createdDateTime: 'createdDateTime',
} as const;

test('every MOSIP sort key, in both directions', async () => {
  for (const [sortFieldName, field] of Object.entries(SORT_FIELDS)) {
    const orders: Record<string, string[]> = {};
    for (const sortType of ['asc', 'DESC']) {
      const json = await list({ sortFieldName, sortType, pageNo: '0', pageSize: '10' });
      assert.deepEqual(json.errors, [], sortFieldName);
      const values: string[] = json.response.data.map((row: Record<string, string>) => row[field]);
      const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      assert.deepEqual(values, sortType === 'asc' ? sorted : sorted.reverse(), `${sortFieldName} ${sortType}`);
      assert.equal(values.length, 5);
      orders[sortType] = json.response.data.map((row: { id: string }) => labelOf(row.id));
    }
    assert.notDeepEqual(orders.asc, orders.DESC, sortFieldName);
  }
  // Exact orders for a few keys; ties keep creation order in both directions.
  const order = (sortFieldName: string, sortType: string) => listed({ sortFieldName, sortType, pageNo: '0', pageSize: '10' });
  assert.deepEqual(await order('partnerId', 'asc'), ['r1', 'r2', 'r3', 'r5', 'r4']);
  assert.deepEqual(await order('partnerId', 'desc'), ['r4', 'r3', 'r5', 'r1', 'r2']);
  assert.deepEqual(await order('status', 'asc'), ['r2', 'r4', 'r5', 'r1', 'r3']);
  assert.deepEqual(await order('requestDetail', 'asc'), ['r3', 'r2', 'r4', 'r5', 'r1']);
  assert.deepEqual(await order('createdDateTime', 'desc'), ['r5', 'r4', 'r3', 'r2', 'r1']);
  assert.deepEqual(await order('orgName', 'desc'), ['r4', 'r3', 'r5', 'r1', 'r2']);
});

test('paging, and its refusals with MOSIP codes', async () => {
  const page = await list({ pageNo: '1', pageSize: '2' });
  assert.deepEqual([page.response.pageNo, page.response.pageSize, page.response.totalResults], [1, 2, 5]);
  assert.deepEqual(
    page.response.data.map((row: { id: string }) => labelOf(row.id)),
    ['r3', 'r4'],
  );
  assert.deepEqual(await listed({ pageNo: '2', pageSize: '2' }), ['r5']);
  assert.deepEqual(await listed({ pageNo: '1', pageSize: '2', sortFieldName: 'createdDateTime', sortType: 'desc' }), ['r3', 'r2']);
  const past = await list({ pageNo: '3', pageSize: '2' });
  assert.deepEqual(past.response, { pageNo: 0, pageSize: 0, totalResults: 0, data: [] });
  const nothing = await list({ status: 'none' });
  assert.deepEqual(nothing.response, { pageNo: 0, pageSize: 0, totalResults: 0, data: [] });
  assert.deepEqual(await listed({ pageNo: '0', pageSize: '100' }), ['r1', 'r2', 'r3', 'r4', 'r5']);

  assert.deepEqual(await refused({ sortFieldName: 'nope', sortType: 'asc', pageNo: '0', pageSize: '5' }), {
    errorCode: 'PMS_PRT_357',
    message: 'Invalid sort field nope',
  });
  assert.deepEqual(await refused({ sortFieldName: 'partnerComment', sortType: 'asc', pageNo: '0', pageSize: '5' }), {
    errorCode: 'PMS_PRT_357',
    message: 'Invalid sort field partnerComment',
  });
  assert.deepEqual(await refused({ sortFieldName: 'PartnerId', sortType: 'asc', pageNo: '0', pageSize: '5' }), {
    errorCode: 'PMS_PRT_357',
    message: 'Invalid sort field PartnerId',
  });
  assert.equal((await refused({ sortFieldName: 'partnerId', sortType: 'up', pageNo: '0', pageSize: '5' })).errorCode, 'PMS_PRT_358');
  assert.equal((await refused({ sortFieldName: 'partnerId' })).errorCode, 'PMS_PS_ERROR_007');
  assert.equal((await refused({ sortType: 'asc', pageNo: '0', pageSize: '5' })).errorCode, 'PMS_PS_ERROR_007');
  assert.equal((await refused({ pageNo: '0' })).errorCode, 'PMS_PS_ERROR_006');
  assert.equal((await refused({ pageSize: '5' })).errorCode, 'PMS_PS_ERROR_006');
  assert.equal((await refused({ sortFieldName: 'partnerId', sortType: 'asc' })).errorCode, 'PMS_PS_ERROR_008');
  assert.equal((await refused({ pageNo: '-1', pageSize: '5' })).errorCode, 'PMS_PRT_360');
  assert.equal((await refused({ pageNo: '0', pageSize: '0' })).errorCode, 'PMS_PRT_361');
  // Our cap: a larger page is refused, not clamped.
  assert.equal((await refused({ pageNo: '0', pageSize: '101' })).errorCode, 'PMS_PRT_361');
  // Partner users get the same checks before their partners are read.
  assert.equal((await refused({ sortFieldName: 'nope', sortType: 'asc', pageNo: '0', pageSize: '5' }, tokens['bank-b'])).errorCode, 'PMS_PRT_357');
  const notInt = await stack.request('GET', `${LIST}?pageNo=x&pageSize=5`, { token: admin });
  assert.equal(notInt.status, 400);
});

test('roles: MOSIP lists partner admins and four partner roles; others are forbidden', async () => {
  for (const role of ['DEVICE_PROVIDER', 'POLICYMANAGER', 'MISP_PARTNER'] as const) {
    const { status } = await stack.request('GET', LIST, { token: await stack.token(`role-${role}`, [role]) });
    assert.equal(status, 403, role);
  }
});
