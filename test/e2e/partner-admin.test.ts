import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { dynamoPolicyRequestRepository } from '../../functions/adapters/dynamodb/policy-request-repository.js';
import type { Role } from '../../functions/auth/roles.js';
import { auditEntry } from '../../functions/domain/audit.js';
import { listTableItems } from '../support/dynamodb.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { withoutChanges } from '../support/no-change.js';

const PM = '/v1/partnermanager';
const LIST_ID = 'mosip.pms.admin.partners.get';
const DETAILS_ID = 'mosip.pms.partner.details.get';
let stack: LocalStack;
let admin: string;
let partnerToken: string;
const groupIds: Record<string, string> = {};

const now = () => new Date().toISOString();
const v1 = (request: unknown) => ({ id: 'mosip.partnermanagement.partners.status', version: '1.0', requesttime: now(), metadata: {}, request });

const [A, B, C, D, E] = ['bank-a', 'printer-b', 'device-c', 'ftm-d', 'misp-e'] as const;

/** Five partners, registered in this order (A…E), each by its own user. */
const PARTNERS = [
  { id: A, role: 'AUTH_PARTNER', type: 'Auth_Partner', group: 'Banks', org: 'Alpha Bank', email: 'Ops@Alpha.example' },
  { id: B, role: 'CREDENTIAL_PARTNER', type: 'Credential_Partner', group: 'Printers', org: 'Beta Print', email: 'print@beta.example' },
  { id: C, role: 'DEVICE_PROVIDER', type: 'Device_Provider', group: undefined, org: 'Gamma Devices', email: 'c@gamma.example' },
  { id: D, role: 'FTM_PROVIDER', type: 'FTM_Provider', group: undefined, org: 'Delta Chips', email: 'd@delta.example' },
  { id: E, role: 'MISP_PARTNER', type: 'MISP_Partner', group: undefined, org: 'Epsilon Infra', email: 'e@epsilon.example' },
] satisfies readonly { id: string; role: Role; type: string; group: string | undefined; org: string; email: string }[];

/** Stands in for the certificate upload (a later issue), which approves and activates a partner. */
async function approveWithCertificate(partnerId: string, alias: string) {
  await stack.table.client.send(
    new UpdateCommand({
      TableName: stack.tableName,
      Key: keys.partner(partnerId),
      UpdateExpression: 'SET approvalStatus = :approved, isActive = :true, certificateAlias = :alias, revision = revision + :one',
      ExpressionAttributeValues: { ':approved': 'approved', ':true': true, ':alias': alias, ':one': 1 },
    }),
  );
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN']);
  for (const name of ['Banks', 'Printers']) {
    const { json } = await stack.request('POST', '/v1/policymanager/policies/group/new', { token: admin, body: v1({ name, desc: `${name} partners` }) });
    assert.deepEqual(json.errors, []);
    groupIds[name] = json.response.id;
  }
  for (const partner of PARTNERS) {
    const token = await stack.token(partner.id, [partner.role]);
    if (partner.id === A) partnerToken = token;
    const registration = {
      partnerId: partner.id,
      partnerType: partner.type,
      policyGroup: partner.group,
      organizationName: partner.org,
      address: '1 Main Street',
      contactNumber: '+254700000000',
      emailId: partner.email,
      langCode: 'eng',
    };
    const { json } = await stack.request('POST', `${PM}/partners`, { token, body: v1(registration) });
    assert.deepEqual(json.errors, [], partner.id);
  }
  await approveWithCertificate(A, 'alias-a');
  await approveWithCertificate(C, 'alias-c');
});
after(() => stack?.stop());

async function list(query: Record<string, string> = {}) {
  const { status, json } = await stack.request('GET', `${PM}/admin-partners?${new URLSearchParams(query)}`, { token: admin });
  assert.equal(status, 200);
  return json;
}

async function listed(query: Record<string, string> = {}): Promise<string[]> {
  const json = await list(query);
  assert.deepEqual(json.errors, [], JSON.stringify(query));
  return json.response.data.map((row: { partnerId: string }) => row.partnerId);
}

async function listRefused(query: Record<string, string>) {
  const json = await list(query);
  assert.deepEqual([json.id, json.version, json.response], [LIST_ID, '1.0', null]);
  return json.errors[0];
}

async function patchStatus(partnerId: string, status: string) {
  return stack.request('PATCH', `${PM}/partners/${partnerId}`, { token: admin, body: v1({ status }) });
}

async function refusedWithoutChange(partnerId: string, status: string, code: string) {
  const { status: http, json } = await withoutChanges(stack, `PATCH ${partnerId} ${status}`, () => patchStatus(partnerId, status));
  assert.equal(http, 200);
  assert.deepEqual([json.id, json.response], ['mosip.partnermanagement', null]);
  assert.equal(json.errors[0]?.errorCode, code, JSON.stringify(json.errors));
  return json.errors[0];
}

/** The relay forwards committed events within moments; wait until `count` arrived for the partner, and no more. */
async function partnerEvents(partnerId: string, count: number) {
  const matching = () => stack.events().filter((event) => (event as any).event?.data?.partnerData?.partnerId === partnerId);
  for (let waited = 0; matching().length < count && waited < 10_000; waited += 100) await sleep(100);
  await sleep(300);
  return matching() as any[];
}

test('the admin list: MOSIP envelope and row shape, default order and paging', async () => {
  const json = await list();
  assert.deepEqual(Object.keys(json), ['id', 'version', 'responseTime', 'metadata', 'response', 'errors']);
  assert.deepEqual([json.id, json.version, json.errors], [LIST_ID, '1.0', []]);
  const { pageNo, pageSize, totalResults, data } = json.response;
  assert.deepEqual([pageNo, pageSize, totalResults], [0, 8, 5]);
  assert.deepEqual(
    data.map((row: { partnerId: string }) => row.partnerId),
    [A, B, C, D, E],
  );
  const [first] = data;
  assert.match(first.createdDateTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
  assert.deepEqual(first, {
    partnerId: A,
    partnerType: 'Auth_Partner',
    orgName: 'Alpha Bank',
    policyGroupId: groupIds.Banks,
    policyGroupName: 'Banks',
    emailAddress: 'Ops@Alpha.example',
    certificateUploadStatus: 'uploaded',
    status: 'approved',
    isActive: true,
    createdDateTime: first.createdDateTime,
  });
  assert.deepEqual(data[2], {
    ...data[2],
    policyGroupId: null,
    policyGroupName: null,
    certificateUploadStatus: 'uploaded',
    status: 'approved',
    isActive: true,
  });
  assert.deepEqual(data[3], { ...data[3], policyGroupId: null, certificateUploadStatus: 'not_uploaded', status: 'InProgress', isActive: false });

  assert.deepEqual(await listed({ pageNo: '0', pageSize: '2' }), [A, B]);
  assert.deepEqual(await listed({ pageNo: '2', pageSize: '2' }), [E]);
  assert.deepEqual((await list({ pageNo: '1', pageSize: '2' })).response.totalResults, 5);
  assert.deepEqual((await list({ pageNo: '3', pageSize: '2' })).response, { pageNo: 0, pageSize: 0, totalResults: 0, data: [] });
  assert.equal((await list({ pageSize: '100' })).response.pageSize, 100);
  assert.deepEqual(await listed({ pageNo: '', pageSize: '' }), [A, B, C, D, E], 'empty values take the defaults');
});

test('the admin list filters by each parameter as MOSIP does', async () => {
  assert.deepEqual(await listed({ partnerId: 'E-' }), [C], 'LIKE %value%, case-insensitive');
  assert.deepEqual(await listed({ partnerId: 'm_sp' }), [E], '_ is a wildcard, as in SQL LIKE');
  assert.deepEqual(await listed({ partnerType: 'provider' }), [C, D]);
  assert.deepEqual(await listed({ isActive: 'true' }), [A, C]);
  assert.deepEqual(await listed({ isActive: 'FALSE' }), [B, D, E]);
  assert.deepEqual(await listed({ orgName: 'BANK' }), [A]);
  assert.deepEqual(await listed({ emailAddress: 'OPS@alpha.EXAMPLE' }), [A], 'exact, case-insensitive');
  assert.deepEqual((await list({ emailAddress: 'alpha.example' })).response, { pageNo: 0, pageSize: 0, totalResults: 0, data: [] }, 'no partial e-mail match');
  assert.deepEqual(await listed({ certificateUploadStatus: 'uploaded' }), [A, C]);
  assert.deepEqual(await listed({ certificateUploadStatus: 'not_uploaded' }), [B, D, E]);
  assert.deepEqual(await listed({ certificateUploadStatus: 'UPLOADED' }), [], 'compared exactly');
  assert.deepEqual(await listed({ policyGroupName: 'print' }), [B]);
  assert.deepEqual(await listed({ partnerType: 'partner', isActive: 'false' }), [B, E], 'filters combine');
});

test("the admin list sorts by each of MOSIP's sort keys, inverting certificateUploadStatus and isActive", async () => {
  const [lowGroup, highGroup] = groupIds.Banks! < groupIds.Printers! ? [A, B] : [B, A];
  const expected: Record<string, [string[], string[]]> = {
    partnerId: [
      [A, C, D, E, B],
      [B, E, D, C, A],
    ],
    partnerType: [
      [A, B, C, D, E],
      [E, D, C, B, A],
    ],
    orgName: [
      [A, B, D, E, C],
      [C, E, D, B, A],
    ],
    // PostgreSQL: NULL after every value ascending, before them descending; ties keep registration order.
    policyGroupId: [
      [lowGroup, highGroup, C, D, E],
      [C, D, E, highGroup, lowGroup],
    ],
    policyGroupName: [
      [A, B, C, D, E],
      [C, D, E, B, A],
    ],
    // asc is ORDER BY certificate_alias DESC: missing certificates first, then aliases descending.
    certificateUploadStatus: [
      [B, D, E, C, A],
      [A, C, B, D, E],
    ],
    status: [
      [B, D, E, A, C],
      [A, C, B, D, E],
    ],
    // asc is ORDER BY is_active DESC: active partners first.
    isActive: [
      [A, C, B, D, E],
      [B, D, E, A, C],
    ],
    createdDateTime: [
      [A, B, C, D, E],
      [E, D, C, B, A],
    ],
  };
  for (const [sortFieldName, [ascending, descending]] of Object.entries(expected)) {
    assert.deepEqual(await listed({ sortFieldName, sortType: 'asc' }), ascending, `${sortFieldName} asc`);
    assert.deepEqual(await listed({ sortFieldName, sortType: 'DESC' }), descending, `${sortFieldName} desc`);
  }
  assert.deepEqual(await listed({ sortFieldName: 'orgName', sortType: 'asc', pageNo: '1', pageSize: '2' }), [D, E]);
});

test("the admin list refuses bad sorting and paging with MOSIP's codes, in MOSIP's order", async () => {
  assert.deepEqual(await listRefused({ sortFieldName: 'emailAddress', sortType: 'asc' }), {
    errorCode: 'KER_PRT_391',
    message: "The column 'emailAddress' is not supported due to system limitations.",
  });
  assert.deepEqual(await listRefused({ sortFieldName: 'orgName' }), {
    errorCode: 'PMS_PS_ERROR_007',
    message: "Invalid Sorting request: 'sortType' and 'sortFieldName' must be specified together.",
  });
  assert.equal((await listRefused({ sortType: 'asc' })).errorCode, 'PMS_PS_ERROR_007');
  assert.deepEqual(await listRefused({ sortFieldName: 'email', sortType: 'asc' }), { errorCode: 'PMS_PRT_357', message: 'Invalid sort field email' });
  assert.deepEqual(await listRefused({ sortFieldName: 'orgname', sortType: 'asc' }), { errorCode: 'PMS_PRT_357', message: 'Invalid sort field orgname' });
  assert.deepEqual(await listRefused({ sortFieldName: 'orgName', sortType: 'up' }), { errorCode: 'PMS_PRT_358', message: 'Sort type up is not supported' });
  assert.deepEqual(await listRefused({ pageNo: '-1' }), { errorCode: 'PMS_PRT_360', message: 'Invalid Page No' });
  assert.deepEqual(await listRefused({ pageSize: '0' }), { errorCode: 'PMS_PRT_361', message: 'Invalid page size' });
  assert.equal((await listRefused({ pageSize: '101' })).errorCode, 'PMS_PRT_361', 'our cap of 100 rows');
  assert.equal((await listRefused({ sortFieldName: 'nope', sortType: 'up', pageNo: '-1' })).errorCode, 'PMS_PRT_357');

  const unbindable: Record<string, string>[] = [{ pageNo: 'one' }, { pageSize: '1.5' }, { isActive: 'maybe' }, { isActive: 'maybe', sortFieldName: 'nope' }];
  for (const query of unbindable) {
    const { status, json } = await stack.request('GET', `${PM}/admin-partners?${new URLSearchParams(query)}`, { token: admin });
    assert.equal(status, 400, JSON.stringify(query));
    assert.equal(json.errors[0].errorCode, 'PMS_COR_001');
  }
});

test('partner details as PartnerDetailsV3Dto; an unknown partner is PMS_PRT_005', async () => {
  const { json } = await stack.request('GET', `${PM}/admin-partners/${A}`, { token: admin });
  assert.deepEqual([json.id, json.version, json.errors], [DETAILS_ID, '1.0', []]);
  const details = json.response;
  assert.match(details.createdDateTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
  assert.deepEqual(details, {
    partnerId: A,
    firstName: null,
    lastName: null,
    approvalStatus: 'approved',
    createdDateTime: details.createdDateTime,
    partnerType: 'Auth_Partner',
    organizationName: 'Alpha Bank',
    contactNumber: '+254700000000',
    policyGroupName: 'Banks',
    policyGroupDescription: 'Banks partners',
    emailId: 'Ops@Alpha.example',
    certificateUploadDateTime: null,
    certificateExpiryDateTime: null,
    isCertificateAvailable: true,
    isActive: true,
  });
  const misp = (await stack.request('GET', `${PM}/admin-partners/${E}`, { token: admin })).json.response;
  assert.deepEqual([misp.policyGroupName, misp.isCertificateAvailable, misp.approvalStatus], [null, false, 'InProgress']);

  const missing = await stack.request('GET', `${PM}/admin-partners/nobody`, { token: admin });
  assert.deepEqual(
    [missing.json.id, missing.json.response, missing.json.errors],
    [DETAILS_ID, null, [{ errorCode: 'PMS_PRT_005', message: 'Partner does not exist' }]],
  );
});

test('deactivation: one audit record and one PARTNER_UPDATED; final afterwards; refusals and no-ops change nothing', async () => {
  const done = await patchStatus(A, 'De-Active');
  assert.deepEqual(done.json, {
    id: 'mosip.partnermanagement.partners.status',
    version: '1.0',
    responsetime: done.json.responsetime,
    metadata: null,
    response: { message: 'Partner de-activated successfully' },
    errors: [],
  });
  const events = await partnerEvents(A, 1);
  assert.equal(events.length, 1);
  const [event] = events;
  assert.deepEqual([event.topic, event.publisher], ['PARTNER_UPDATED', 'PartnerManagementServiceImpl']);
  assert.deepEqual(event.event.type, {
    name: 'PartnerManagementServiceImpl',
    namespace: 'io.mosip.pmp.partner.manager.service.impl.PartnerManagementServiceImpl',
  });
  assert.deepEqual(event.event.data, { partnerData: { partnerId: A, partnerName: 'Alpha Bank', certificateData: null, partnerStatus: 'DEACTIVE' } });
  const audits = (await listTableItems(stack.table)).filter((item) => item.pk === `AUDIT#Partner#${A}` && item.action === 'deactivatePartner');
  assert.deepEqual(
    audits.map((item) => item.actor),
    ['admin1'],
  );

  const [row] = (await list({ partnerId: A })).response.data;
  assert.deepEqual([row.status, row.isActive], ['approved', false]);

  assert.deepEqual(await refusedWithoutChange(A, 'De-Active', 'PMS_PM_063'), {
    errorCode: 'PMS_PM_063',
    message: 'The selected partner has already been deactivated.',
  });
  await refusedWithoutChange(A, 'Active', 'PMS_PM_063');
  await refusedWithoutChange(A, 'paused', 'PMS_PM_063');
  assert.deepEqual(await refusedWithoutChange(B, 'Active', 'PMS_PRT_108'), {
    errorCode: 'PMS_PRT_108',
    message: 'Certficate is not uploaded for the given partner.Cannot activate the same.',
  });
  assert.deepEqual(await refusedWithoutChange(C, 'paused', 'PMS_PM_058'), { errorCode: 'PMS_PM_058', message: 'Status should be either Active or De-Active' });
  assert.deepEqual(await refusedWithoutChange('nobody', 'De-Active', 'PMS_PMP_005'), { errorCode: 'PMS_PMP_005', message: 'Partner ID does not exist' });

  // Ours: a registered partner's deactivation is stored (MOSIP writes nothing, and the partner's certificate upload
  // would then approve and activate it); it stays InProgress and inactive, and is as final as any deactivation.
  const pending = await patchStatus(B, 'de-active');
  assert.deepEqual([pending.json.response, pending.json.errors], [{ message: 'Partner de-activated successfully' }, []]);
  assert.deepEqual(
    (await partnerEvents(B, 1)).map((event) => [event.topic, event.event.data.partnerData.partnerStatus]),
    [['PARTNER_UPDATED', 'DEACTIVE']],
  );
  const [pendingRow] = (await list({ partnerId: B })).response.data;
  assert.deepEqual([pendingRow.status, pendingRow.isActive], ['InProgress', false]);
  await refusedWithoutChange(B, 'Active', 'PMS_PM_063');
  const alreadyActive = await withoutChanges(stack, 'Active on an active partner', () => patchStatus(C, 'ACTIVE'));
  assert.deepEqual(alreadyActive.json.response, { message: 'Partner activated successfully' });

  const blank = await withoutChanges(stack, 'a blank status', () => patchStatus(C, ' '));
  assert.equal(blank.status, 400);
  assert.deepEqual(blank.json.errors, [{ errorCode: 'PMS_COR_001', message: 'Invalid request parameter - value is empty or null :request.status' }]);
  assert.equal((await partnerEvents(A, 1)).length, 1, 'still exactly one event');
});

test('dashboard counts: pending partner-policy requests from their index; SBIs, devices and FTM chips read zero', async () => {
  const counts = await stack.request('GET', `${PM}/admin-dashboard/counts`, { token: admin });
  assert.deepEqual(counts.json, {
    id: 'pms.admin.dashboard.counts.get',
    version: '1.0',
    responseTime: counts.json.responseTime,
    metadata: null,
    response: { pendingPartnerPolicyRequests: 0, pendingSbis: 0, pendingDevices: 0, pendingFtmChips: 0 },
    errors: [],
  });

  // Requests written straight through their repository (one per partner and policy), on a published policy.
  const policy = await stack.request('POST', '/v1/policymanager/policies', {
    token: admin,
    body: v1({
      policyGroupName: 'Printers',
      policyType: 'Auth',
      name: 'Card KYC',
      desc: 'kyc',
      version: '1.0',
      policies: { authTokenType: 'partner', allowedAuthTypes: [{ authType: 'otp', mandatory: true }], allowedKycAttributes: [{ attributeName: 'fullName' }] },
    }),
  });
  const policyId = policy.json.response.id;
  assert.deepEqual(
    (await stack.request('POST', `/v1/policymanager/policies/${policyId}/group/${groupIds.Printers}/publish`, { token: admin })).json.errors,
    [],
  );
  for (const [mappingKey, status] of [
    ['request-1', 'InProgress'],
    ['request-2', 'InProgress'],
    ['request-3', 'approved'],
  ] as const) {
    const request = {
      mappingKey,
      partnerId: `${B}-${mappingKey}`,
      policyId,
      status,
      requestDetail: 'printing',
      crBy: B,
      crDtimes: now(),
      updBy: null,
      updDtimes: null,
      revision: 0,
    };
    await dynamoPolicyRequestRepository(stack.table).create(request, auditEntry(B, 'requestPolicy', 'PolicyRequest', mappingKey, new Date()));
  }
  const after = await stack.request('GET', `${PM}/admin-dashboard/counts`, { token: admin });
  assert.deepEqual(after.json.response, { pendingPartnerPolicyRequests: 2, pendingSbis: 0, pendingDevices: 0, pendingFtmChips: 0 });
});

test("MOSIP's deprecated partner lists: every partner, or those of one type compared exactly; none is PMS_PMP_013", async () => {
  const all = await stack.request('GET', `${PM}/partners`, { token: admin });
  assert.deepEqual([all.json.id, all.json.version, all.json.errors], ['mosip.partnermanagement.partners.retrieve', '1.0', []]);
  assert.deepEqual(
    all.json.response.partners.map((p: { partnerID: string }) => p.partnerID),
    PARTNERS.map((p) => p.id),
  );
  const device = {
    partnerID: C,
    status: 'active',
    organizationName: 'Gamma Devices',
    contactNumber: '+254700000000',
    emailId: 'c@gamma.example',
    address: '1 Main Street',
    partnerType: 'Device_Provider',
  };
  const devices = await stack.request('GET', `${PM}/partners?partnerType=Device_Provider`, { token: admin });
  assert.deepEqual(devices.json.response, { partners: [device] });
  const withProfile = await stack.request('GET', `${PM}/partners/v2?partnerType=Device_Provider`, { token: admin });
  assert.deepEqual(withProfile.json.response, { partners: [{ ...device, logoUrl: null, additionalInfo: [] }] });
  for (const path of [`${PM}/partners?partnerType=device_provider`, `${PM}/partners/v2?partnerType=Print_Partner`]) {
    const none = await stack.request('GET', path, { token: admin });
    assert.deepEqual([none.status, none.json.response, none.json.errors], [200, null, [{ errorCode: 'PMS_PMP_013', message: 'Partner does not exist' }]], path);
  }
});

test('a partner token on the admin routes is forbidden', async () => {
  const routes: [string, string, unknown?][] = [
    ['GET', `${PM}/partners`],
    ['GET', `${PM}/partners/v2`],
    ['GET', `${PM}/admin-partners`],
    ['GET', `${PM}/admin-partners/${A}`],
    ['GET', `${PM}/admin-dashboard/counts`],
    ['PATCH', `${PM}/partners/${B}`, v1({ status: 'De-Active' })],
  ];
  for (const [method, path, body] of routes) {
    const result = await withoutChanges(stack, `${method} ${path}`, () => stack.request(method, path, { token: partnerToken, ...(body ? { body } : {}) }));
    assert.equal(result.status, 403, `${method} ${path}`);
    assert.deepEqual(result.json.errors, [{ errorCode: 'KER-ATH-403', message: 'Forbidden' }]);
  }
});
