import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { BatchWriteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoApiKeyRepository } from '../../functions/adapters/dynamodb/api-key-repository.js';
import { dynamoPartnerList } from '../../functions/adapters/dynamodb/indexed-list.js';
import { indexKeys, keys } from '../../functions/adapters/dynamodb/keys.js';
import { dynamoMispLicenseRepository } from '../../functions/adapters/dynamodb/misp-license-repository.js';
import { startOrCheckCounters } from '../../functions/adapters/dynamodb/partition-counts.js';
import { dynamoPartnerRepository } from '../../functions/adapters/dynamodb/partner-repository.js';
import { dynamoPendingApprovals } from '../../functions/adapters/dynamodb/pending-approvals.js';
import { dynamoPolicyGroupRepository } from '../../functions/adapters/dynamodb/policy-group-repository.js';
import { dynamoPolicyRepository } from '../../functions/adapters/dynamodb/policy-repository.js';
import { dynamoPolicyRequestRepository } from '../../functions/adapters/dynamodb/policy-request-repository.js';
import { uuidIds } from '../../functions/adapters/ids.js';
import { auditEntry } from '../../functions/domain/audit.js';
import type { PartnerStatusDeps } from '../../functions/domain/partner-deactivation/ports.js';
import { changePartnerStatus } from '../../functions/domain/partners/admin-commands.js';
import { adminDashboardCounts, getPartnerDetails, listAdminPartners } from '../../functions/domain/partners/admin-queries.js';
import { registerPartner } from '../../functions/domain/partners/commands.js';
import type { PartnerAdminDeps } from '../../functions/domain/partners/ports.js';
import { createPolicy, publishPolicy } from '../../functions/domain/policies/commands.js';
import { createPolicyGroup } from '../../functions/domain/policy-groups/commands.js';
import type { PolicyGroupRepository } from '../../functions/domain/policy-groups/ports.js';
import { systemClock } from '../../functions/domain/ports.js';
import { listTableItems, recordingTable, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';
import { testPersonalData } from '../support/personal-data.js';
import { refusal } from '../support/refusals.js';

let db: TestDynamoDb;
let deps: PartnerAdminDeps & PartnerStatusDeps & { groups: PolicyGroupRepository };
const sentCommands: string[] = [];
const ADMIN = { userId: 'admin1', isAdmin: true };

before(async () => {
  db = await startDynamoDb();
  // Record every command the adapters send, to prove the list and the counts only query.
  const table = recordingTable(db.table, sentCommands);
  deps = {
    partners: dynamoPartnerRepository(table),
    groups: dynamoPolicyGroupRepository(table),
    personalData: testPersonalData,
    pendingApprovals: dynamoPendingApprovals(table),
    partnerList: dynamoPartnerList(table),
    licenses: dynamoMispLicenseRepository(table),
    apiKeys: dynamoApiKeyRepository(table),
    policies: dynamoPolicyRepository(table),
    clock: systemClock,
    ids: uuidIds,
  };
});
after(() => db?.stop());
beforeEach(() => {
  sentCommands.length = 0;
});

function register(partnerId: string, partnerType: string, policyGroup?: string) {
  return registerPartner(
    deps,
    { userId: partnerId, isAdmin: false },
    {
      partnerId,
      partnerType,
      policyGroup,
      organizationName: `${partnerId} Ltd`,
      address: '1 Main Street',
      contactNumber: '+254700000000',
      emailId: `${partnerId}@example.org`,
    },
  );
}

/** Stands in for the certificate upload (a later issue), which approves and activates a partner. */
async function approveWithCertificate(partnerId: string) {
  const partner = (await deps.partners.getPartner(partnerId))!;
  const next = { ...partner, approvalStatus: 'approved' as const, isActive: true, certificateAlias: `cert-${partnerId}` };
  await deps.partners.save(next, partner, auditEntry(partnerId, 'uploadPartnerCertificate', 'Partner', partnerId, new Date()), []);
}

async function putInPartition(partition: string, count: number, padding = 0) {
  const items = Array.from({ length: count }, (_, i) => ({
    pk: `TEST#${partition}#${i}`,
    sk: 'TEST',
    gsi2pk: partition,
    gsi2sk: String(i).padStart(6, '0'),
    ...(padding ? { padding: 'x'.repeat(padding) } : {}),
  }));
  for (let start = 0; start < items.length; start += 25) {
    const batch = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    await db.table.client.send(new BatchWriteCommand({ RequestItems: { [db.table.tableName]: batch } }));
  }
}

test('the admin list reads partners and group names with Query only, and pages, filters and sorts them', async () => {
  await createPolicyGroup(deps, 'admin1', { name: 'Banks', desc: 'banks' });
  await createPolicyGroup(deps, 'admin1', { name: 'Printers', desc: 'card printers' });
  await register('bank-1', 'Auth_Partner', 'Banks');
  await register('printer-1', 'Credential_Partner', 'Printers');
  await register('device-1', 'Device_Provider');
  await approveWithCertificate('bank-1');

  sentCommands.length = 0;
  const page = await listAdminPartners(deps, {});
  // The total's counter is a BatchGetItem; not yet started on this table, the total is counted by a Query.
  assert.deepEqual(new Set(sentCommands), new Set(['BatchGetCommand', 'QueryCommand']), `the list sent ${sentCommands.join(', ')}`);
  assert.deepEqual(
    page.data.map((p) => [p.partnerId, p.policyGroupName, p.certificateUploadStatus, p.status, p.isActive]),
    [
      ['bank-1', 'Banks', 'uploaded', 'approved', true],
      ['printer-1', 'Printers', 'not_uploaded', 'InProgress', false],
      ['device-1', null, 'not_uploaded', 'InProgress', false],
    ],
  );
  assert.deepEqual([page.pageNo, page.pageSize, page.totalResults], [0, 8, 3]);

  const sorted = await listAdminPartners(deps, { sortFieldName: 'policyGroupName', sortType: 'desc', pageNo: '0', pageSize: '2' });
  // PostgreSQL puts NULL first when descending.
  assert.deepEqual(
    sorted.data.map((p) => p.partnerId),
    ['device-1', 'printer-1'],
  );
  const filtered = await listAdminPartners(deps, { isActive: 'false', partnerType: '_PARTNER' });
  assert.deepEqual(
    filtered.data.map((p) => p.partnerId),
    ['printer-1'],
  );

  sentCommands.length = 0;
  assert.equal(await refusal(listAdminPartners(deps, { sortFieldName: 'emailAddress', sortType: 'asc' })), 'KER_PRT_391');
  assert.deepEqual(sentCommands, [], 'a refused list reads nothing');
});

test('details join the group; a missing partner or group is refused', async () => {
  const details = await getPartnerDetails(deps, 'bank-1');
  assert.deepEqual([details.policyGroupName, details.policyGroupDescription, details.isCertificateAvailable, details.isActive], ['Banks', 'banks', true, true]);
  assert.equal((await getPartnerDetails(deps, 'device-1')).policyGroupName, null);
  assert.equal(await refusal(getPartnerDetails(deps, 'nobody')), 'PMS_PRT_005');

  // Stored states registration cannot produce (legacy or hand-edited data): MOSIP refuses both.
  await register('verifier-1', 'Online_Verification_Partner', 'Printers');
  const setGroup = (groupId: string | null) =>
    db.table.client.send(
      new UpdateCommand({
        TableName: db.table.tableName,
        Key: keys.partner('verifier-1'),
        UpdateExpression: 'SET policyGroupId = :g',
        ExpressionAttributeValues: { ':g': groupId },
      }),
    );
  await setGroup(null);
  assert.equal(await refusal(getPartnerDetails(deps, 'verifier-1')), 'PMS_POLICY_ERROR_005');
  await setGroup('no-such-group');
  assert.equal(await refusal(getPartnerDetails(deps, 'verifier-1')), 'PMS_POLICY_ERROR_008');
});

test('deactivation stores the partner, one audit record and one PARTNER_UPDATED outbox event together; refusals write nothing', async () => {
  assert.deepEqual(await changePartnerStatus(deps, ADMIN, 'bank-1', 'DE-ACTIVE'), { message: 'Partner de-activated successfully' });
  const items = await listTableItems(db.table);
  const stored = items.find((item) => item.pk === 'PARTNER#bank-1' && item.sk === 'PARTNER')!;
  assert.deepEqual([stored.approvalStatus, stored.isActive, stored.updBy], ['approved', false, 'admin1']);
  const audits = items.filter((item) => item.pk === 'AUDIT#Partner#bank-1' && item.action === 'deactivatePartner');
  assert.equal(audits.length, 1);
  const outbox = items.filter((item) => item.entity === 'OutboxEvent').map((item) => item.event as { topic: string; event: { data: unknown } });
  assert.deepEqual(
    outbox.map((e) => [e.topic, e.event.data]),
    [['PARTNER_UPDATED', { partnerData: { partnerId: 'bank-1', partnerName: 'bank-1 Ltd', certificateData: null, partnerStatus: 'DEACTIVE' } }]],
  );

  const after = await listTableItems(db.table);
  assert.equal(await refusal(changePartnerStatus(deps, ADMIN, 'bank-1', 'De-active')), 'PMS_PM_063');
  assert.equal(await refusal(changePartnerStatus(deps, ADMIN, 'bank-1', 'Active')), 'PMS_PM_063');
  assert.equal(await refusal(changePartnerStatus(deps, ADMIN, 'printer-1', 'Active')), 'PMS_PRT_108');
  assert.equal(await refusal(changePartnerStatus(deps, ADMIN, 'printer-1', 'Sleeping')), 'PMS_PM_058');
  assert.equal(await refusal(changePartnerStatus(deps, ADMIN, 'nobody', 'De-active')), 'PMS_PMP_005');
  assert.deepEqual(await listTableItems(db.table), after, 'refusals write nothing');

  // Ours: a registered partner's deactivation is stored too (MOSIP writes nothing), and is final.
  assert.deepEqual(await changePartnerStatus(deps, ADMIN, 'printer-1', 'De-active'), { message: 'Partner de-activated successfully' });
  const printer = (await listTableItems(db.table)).find((item) => item.pk === 'PARTNER#printer-1' && item.sk === 'PARTNER')!;
  assert.deepEqual([printer.approvalStatus, printer.isActive, printer.deactivatedByAdmin], ['InProgress', false, true]);
  assert.equal(await refusal(changePartnerStatus(deps, ADMIN, 'printer-1', 'Active')), 'PMS_PM_063');
});

test('the dashboard counts each queue by its counter once started, by Select COUNT queries before; the job starts the counters', async () => {
  sentCommands.length = 0;
  assert.deepEqual(await adminDashboardCounts(deps), { pendingPartnerPolicyRequests: 0, pendingSbis: 0, pendingDevices: 0, pendingFtmChips: 0 });
  assert.deepEqual(new Set(sentCommands), new Set(['BatchGetCommand', 'QueryCommand']));

  // Two real pending requests, written by the request repository on a published policy.
  const policyDeps = {
    policies: dynamoPolicyRepository(db.table),
    groups: deps.groups,
    apiKeys: { hasActiveApiKey: async () => false },
    clock: systemClock,
    ids: uuidIds,
  };
  const draft = await createPolicy(policyDeps, 'admin1', {
    policyGroupName: 'Banks',
    policyType: 'Auth',
    name: 'KYC',
    desc: 'kyc',
    version: '1.0',
    policies: { authTokenType: 'policy', allowedAuthTypes: [{ authType: 'otp', mandatory: true }], allowedKycAttributes: [{ attributeName: 'fullName' }] },
  });
  const groupId = (await deps.groups.getGroupByName('Banks'))!.id;
  await publishPolicy(policyDeps, 'admin1', draft.id, groupId);
  const at = new Date().toISOString();
  const requests = dynamoPolicyRequestRepository(db.table);
  /** A pending request of a printer for the published policy, written by the request repository. */
  const requestPending = (key: string) => {
    const request = {
      mappingKey: key,
      partnerId: `printer-for-${key}`,
      policyId: draft.id,
      status: 'InProgress' as const,
      requestDetail: 'use',
      crBy: 'printer-1',
      crDtimes: at,
      updBy: null,
      updDtimes: null,
      revision: 0,
    };
    return requests.create(request, auditEntry('printer-1', 'requestPolicy', 'PolicyRequest', key, new Date()));
  };
  for (const key of ['request-1', 'request-2']) await requestPending(key);
  // Items of other statuses are not counted.
  await putInPartition(indexKeys.requestsInStatus('approved'), 3);
  await putInPartition(indexKeys.devicesInStatus('approved'), 2);
  await putInPartition(indexKeys.devicesInStatus('pending_approval'), 4);
  await putInPartition(indexKeys.ftmChipsInStatus('pending_approval'), 1);
  // More than 1 MB of pending SBIs: the count needs several pages.
  await putInPartition(indexKeys.sbisInStatus('pending_approval'), 1100, 1000);

  sentCommands.length = 0;
  assert.deepEqual(await adminDashboardCounts(deps), { pendingPartnerPolicyRequests: 2, pendingSbis: 1100, pendingDevices: 4, pendingFtmChips: 1 });
  assert.deepEqual(new Set(sentCommands), new Set(['BatchGetCommand', 'QueryCommand']));
  assert.ok(sentCommands.length > 8, `the SBI count pages (${sentCommands.length} commands)`);

  // The job starts each counter from a count (items written around the repositories, as here, included) ...
  const report = await startOrCheckCounters(db.table);
  assert.deepEqual(report, { countersStarted: 6, countersChecked: 0, countersDrifted: 0 });
  sentCommands.length = 0;
  const counts = { pendingPartnerPolicyRequests: 2, pendingSbis: 1100, pendingDevices: 4, pendingFtmChips: 1 };
  assert.deepEqual(await adminDashboardCounts(deps), counts);
  assert.deepEqual(sentCommands, ['BatchGetCommand', 'BatchGetCommand', 'BatchGetCommand', 'BatchGetCommand'], 'one counter read per queue, no query');

  // ... and the repositories keep it: a new request joins the queue, a decision takes it out.
  await requestPending('request-3');
  assert.equal((await adminDashboardCounts(deps)).pendingPartnerPolicyRequests, 3);
  const stored = (await requests.get('request-3'))!;
  await requests.decide({ ...stored, status: 'rejected' }, stored, auditEntry('admin1', 'rejectPolicyRequest', 'PolicyRequest', 'request-3', new Date()), []);
  assert.equal((await adminDashboardCounts(deps)).pendingPartnerPolicyRequests, 2);
  assert.deepEqual(await startOrCheckCounters(db.table), { countersStarted: 0, countersChecked: 6, countersDrifted: 0 });

  // A counter that disagrees with a count is reported, not overwritten.
  await db.table.client.send(
    new PutCommand({
      TableName: db.table.tableName,
      Item: { pk: 'TEST#untracked', sk: 'TEST', gsi2pk: indexKeys.devicesInStatus('pending_approval'), gsi2sk: 'x' },
    }),
  );
  assert.deepEqual(await startOrCheckCounters(db.table), { countersStarted: 0, countersChecked: 5, countersDrifted: 1 });
  assert.equal((await adminDashboardCounts(deps)).pendingDevices, 4);
});
