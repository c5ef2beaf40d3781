import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { dynamoPartnerRepository } from '../../functions/adapters/dynamodb/partner-repository.js';
import { dynamoPolicyRequestReader } from '../../functions/adapters/dynamodb/policy-request-reader.js';
import { dynamoPolicyRequestRepository } from '../../functions/adapters/dynamodb/policy-request-repository.js';
import { auditEntry } from '../../functions/domain/audit.js';
import type { PolicyRequest } from '../../functions/domain/policy-requests/policy-request.js';
import { listPolicyRequests, type PolicyRequestListDeps } from '../../functions/domain/policy-requests/request-list-queries.js';
import { recordingTable, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';
import { refusal } from '../support/refusals.js';

let db: TestDynamoDb;
let deps: PolicyRequestListDeps;
const sentCommands: string[] = [];
const ADMIN = { userId: 'admin1', isAdmin: true };
const OWNER = { userId: 'owner', isAdmin: false };
/** More partners than one BatchGetItem may name (100), each with one request. */
const PARTNERS = 105;
const partnerId = (i: number) => `p-${String(i).padStart(3, '0')}`;

async function putAll(items: Record<string, unknown>[]) {
  for (let start = 0; start < items.length; start += 25) {
    const batch = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    await db.table.client.send(new BatchWriteCommand({ RequestItems: { [db.table.tableName]: batch } }));
  }
}

function partnerItem(id: string, userId: string, partnerType: string, policyGroupId: string | null) {
  return {
    ...keys.partner(id),
    entity: 'Partner',
    id,
    userId,
    partnerType,
    policyGroupId,
    organizationName: `${id} Ltd`,
    approvalStatus: 'approved',
    isActive: true,
    crDtimes: '2025-01-01T00:00:00.000Z',
  };
}

function request(i: number, partner: string, policyId: string): PolicyRequest {
  return {
    mappingKey: `key-${String(i).padStart(3, '0')}`,
    partnerId: partner,
    policyId,
    status: 'InProgress',
    requestDetail: `request ${i}`,
    crBy: partner,
    crDtimes: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
}

before(async () => {
  db = await startDynamoDb();
  // Record every command the reader and the partner repository send, to prove the list never scans.
  const table = recordingTable(db.table, sentCommands);
  deps = { reader: dynamoPolicyRequestReader(table), partners: dynamoPartnerRepository(table) };

  const policy = (id: string, groupId: string) => ({
    ...keys.policy(id),
    entity: 'Policy',
    id,
    policyGroupId: groupId,
    name: `Policy ${id}`,
    desc: `about ${id}`,
    status: 'activated',
    pendingRequestCount: 0,
    approvedRequestCount: 0,
    revision: 0,
  });
  const group = (id: string) => ({ ...keys.policyGroup(id), entity: 'PolicyGroup', id, name: `Group ${id}`, desc: `about ${id}`, isActive: true });
  const partners = Array.from({ length: PARTNERS }, (_, i) => partnerItem(partnerId(i), partnerId(i), 'Auth_Partner', 'g1'));
  // The user `owner` owns p-000 and p-001 besides their own partners, one of them a device provider.
  const owned = [
    partnerItem('owner-device', 'owner', 'Device_Provider', null),
    ...['p-000', 'p-001', 'owner-device'].map((id) => ({ ...keys.userPartner('owner', id), entity: 'UserPartner', partnerId: id })),
  ];
  await putAll([group('g1'), policy('pol-1', 'g1'), policy('pol-2', 'g1'), ...partners, ...owned]);

  const requests = dynamoPolicyRequestRepository(db.table);
  const audit = (key: string) => auditEntry('test', 'arrange', 'PolicyRequest', key, new Date());
  for (let i = 0; i < PARTNERS; i++) {
    const created = request(i, partnerId(i), 'pol-1');
    await requests.create(created, audit(created.mappingKey));
  }
  // A second request of p-000, and one of the device provider (which MOSIP leaves out of its owner's list).
  await requests.create(request(PARTNERS, 'p-000', 'pol-2'), audit('extra'));
  await requests.create(request(PARTNERS + 1, 'owner-device', 'pol-2'), audit('device'));
  // One approved and one rejected, so all three status partitions hold rows.
  const approved = request(2, partnerId(2), 'pol-1');
  await requests.decide({ ...approved, status: 'approved', updBy: 'admin1', updDtimes: new Date().toISOString() }, approved, audit('a'), []);
  const rejected = request(3, partnerId(3), 'pol-1');
  await requests.decide({ ...rejected, status: 'rejected', updBy: 'admin1', updDtimes: new Date().toISOString() }, rejected, audit('r'), []);
});
after(() => db?.stop());
beforeEach(() => {
  sentCommands.length = 0;
});

test("the admin's list reads the three status partitions with Query and joins with BatchGetItem, never a Scan", async () => {
  const page = await listPolicyRequests(deps, ADMIN, {});
  assert.deepEqual(new Set(sentCommands), new Set(['QueryCommand', 'BatchGetCommand']), `the list sent ${sentCommands.join(', ')}`);
  assert.equal(sentCommands.filter((name) => name === 'QueryCommand').length, 3);
  // Unpaged: at most 100 rows, with the number that matched.
  assert.deepEqual([page.pageNo, page.pageSize, page.totalResults, page.data.length], [0, 100, PARTNERS + 2, 100]);

  const all = [...page.data, ...(await listPolicyRequests(deps, ADMIN, { pageNo: '1', pageSize: '100' })).data];
  assert.equal(new Set(all.map((row) => row.id)).size, PARTNERS + 2);
  // Every row is joined, across more than one BatchGetItem of partners.
  assert.deepEqual(
    all.filter((row) => row.orgName === null || row.policyName === null || row.policyGroupName === null).map((row) => row.partnerId),
    ['owner-device'],
  );
  // A partner without a group is still listed (MOSIP left-joins the group).
  assert.deepEqual(all.find((row) => row.partnerId === 'owner-device')!.policyGroupId, null);
  assert.deepEqual(
    all.filter((row) => row.status !== 'InProgress').map((row) => [row.partnerId, row.status]),
    [
      ['p-002', 'approved'],
      ['p-003', 'rejected'],
    ],
  );
  const row = all.find((r) => r.id === 'key-000')!;
  assert.deepEqual(
    [row.policyName, row.policyDescription, row.policyGroupId, row.policyGroupName, row.policyGroupDescription, row.partnerStatus],
    ['Policy pol-1', 'about pol-1', 'g1', 'Group g1', 'about g1', 'activated'],
  );
});

test("a partner user's list queries only their own partners' requests, leaving device providers out", async () => {
  const page = await listPolicyRequests(deps, OWNER, { sortFieldName: 'policyId', sortType: 'desc', pageNo: '0', pageSize: '10' });
  assert.ok(!sentCommands.includes('ScanCommand'));
  assert.deepEqual(new Set(sentCommands), new Set(['QueryCommand', 'GetCommand', 'BatchGetCommand']), `the list sent ${sentCommands.join(', ')}`);
  // One Query for the user's partners, one per listed partner (the device provider is not read).
  assert.equal(sentCommands.filter((name) => name === 'QueryCommand').length, 3);
  assert.deepEqual(
    page.data.map((r) => [r.partnerId, r.policyId]),
    [
      ['p-000', 'pol-2'],
      ['p-000', 'pol-1'],
      ['p-001', 'pol-1'],
    ],
  );
});

test('joins read each key once and skip what does not exist', async () => {
  const reader = dynamoPolicyRequestReader(recordingTable(db.table, sentCommands));
  // DynamoDB refuses a BatchGetItem that names a key twice: this only passes because keys are deduplicated.
  const partners = await reader.partnersByIds(['p-000', 'p-000', 'p-001', 'nobody', 'p-001']);
  assert.deepEqual(partners.map((p) => p.id).sort(), ['p-000', 'p-001']);
  assert.deepEqual(await reader.groupsByIds([]), []);
  assert.deepEqual(
    (await reader.policiesByIds(['pol-2', 'pol-2'])).map((p) => p.name),
    ['Policy pol-2'],
  );
  assert.deepEqual(sentCommands, ['BatchGetCommand', 'BatchGetCommand']);
  assert.equal((await reader.requestsOfPartner('p-000')).length, 2);
});

test('a refused list reads nothing', async () => {
  assert.equal(await refusal(listPolicyRequests(deps, ADMIN, { sortFieldName: 'id', sortType: 'asc', pageNo: '0', pageSize: '5' })), 'PMS_PRT_357');
  assert.equal(await refusal(listPolicyRequests(deps, OWNER, { pageNo: '0', pageSize: '101' })), 'PMS_PRT_361');
  assert.deepEqual(sentCommands, []);
  assert.equal(await refusal(listPolicyRequests(deps, { userId: 'stranger', isAdmin: false }, {})), 'PMS_CERTIFICATE_ERROR_002');
});
