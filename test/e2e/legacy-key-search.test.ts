import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role } from '../../functions/auth/roles.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { activateStoredPartner, expectOk, expectRefused, v1 } from '../support/pms-calls.js';
import { AUTH_POLICY } from '../support/sample-policies.js';

const PM = '/v1/partnermanager/partners';
const MISPS = '/v1/partnermanager/misps';
const POLICIES = '/v1/policymanager/policies';
let stack: LocalStack;
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
let admin: string;
let bank1: string;
let bank2: string;
let misp1: string;
let misp2: string;
let kycPolicy: string;
const clearKeys: string[] = [];
/** Every answer the searches gave, to show no clear key is ever among them. */
const answers: unknown[] = [];

async function call(method: string, path: string, token: string, request: unknown) {
  const { json } = await stack.request(method, path, { token, body: v1(request) });
  answers.push(json);
  return json;
}
const searchRequest = (request: Record<string, unknown>) => ({
  filters: [],
  sort: [{ sortField: 'label', sortType: 'asc' }],
  pagination: { pageStart: 0, pageFetch: 10 },
  ...request,
});
const searchKeys = (token: string, request: Record<string, unknown> = {}) => call('POST', `${PM}/apikey/search`, token, searchRequest(request));
const searchLicenses = (token: string, request: Record<string, unknown> = {}) =>
  call('POST', `${MISPS}/search`, token, searchRequest({ sort: [{ sortField: 'mispId', sortType: 'asc' }], ...request }));
const licenseValues = (token: string, request: Record<string, unknown>) => call('POST', `${MISPS}/filtervalues`, token, request);

async function registered(user: string, role: Role, partnerType: string, extra: Record<string, unknown>) {
  const token = await stack.token(user, [role]);
  await ok(
    'POST',
    PM,
    token,
    v1({
      partnerId: user,
      partnerType,
      organizationName: `${user} Ltd`,
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: `${user}@example.org`,
      langCode: 'eng',
      ...extra,
    }),
  );
  await activateStoredPartner(stack.table, user);
  return token;
}

async function generatedKey(partnerId: string, token: string, label: string) {
  const { apiKey } = await ok('PATCH', `${PM}/${partnerId}/generate/apikey`, token, v1({ policyName: 'KYC for banks', label }));
  clearKeys.push(apiKey);
}

async function license(mispId: string, token: string) {
  const { licenseKey } = await ok('POST', MISPS, token, v1({ providerId: mispId }));
  clearKeys.push(licenseKey);
  return licenseKey as string;
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  const groupId = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name: 'Banks', desc: 'banks' }))).id;
  const draft = await ok(
    'POST',
    POLICIES,
    admin,
    v1({ policyGroupName: 'Banks', policyType: 'Auth', name: 'KYC for banks', desc: 'kyc', version: '1.0', policies: AUTH_POLICY }),
  );
  await ok('POST', `${POLICIES}/${draft.id}/group/${groupId}/publish`, admin);
  kycPolicy = draft.id;
  const second = await ok(
    'POST',
    POLICIES,
    admin,
    v1({ policyGroupName: 'Banks', policyType: 'Auth', name: 'Second policy', desc: 'second', version: '1.0', policies: AUTH_POLICY }),
  );
  await ok('POST', `${POLICIES}/${second.id}/group/${groupId}/publish`, admin);
  bank1 = await registered('bank-1', 'AUTH_PARTNER', 'Auth_Partner', { policyGroup: 'Banks' });
  bank2 = await registered('bank-2', 'AUTH_PARTNER', 'Auth_Partner', { policyGroup: 'Banks' });
  for (const [partnerId, token] of [
    ['bank-1', bank1],
    ['bank-2', bank2],
  ] as const) {
    const { mappingkey } = await ok('POST', `${PM}/${partnerId}/policy/map`, token, v1({ policyName: 'KYC for banks', useCaseDescription: 'authentication' }));
    await ok('PUT', `${PM}/policy/${mappingkey}`, admin, v1({ status: 'approved' }));
  }
  await ok('POST', `${PM}/bank-1/policy/map`, bank1, v1({ policyName: 'Second policy', useCaseDescription: 'pending' }));
  for (const label of ['gamma', 'alpha', 'beta']) await generatedKey('bank-1', bank1, label);
  await generatedKey('bank-2', bank2, 'delta');
  await ok('PATCH', `${PM}/bank-1/policy/${kycPolicy}/apiKey/status`, bank1, v1({ label: 'beta', status: 'De-Active' }));

  misp1 = await registered('misp-1', 'MISP_PARTNER', 'MISP_Partner', {});
  misp2 = await registered('misp-2', 'MISP_PARTNER', 'MISP_Partner', {});
  const firstKey = await license('misp-1', misp1);
  await ok('PUT', MISPS, misp1, v1({ providerId: 'misp-1', licenseKey: firstKey, licenseKeyStatus: 'de-active' }));
  await license('misp-2', misp2);
});
after(() => stack?.stop());

const labels = (json: { response: { data: { label: string }[] | null } }) => json.response.data?.map((row) => row.label) ?? [];

test("API key search: admins search every partner's keys, filtered, sorted and paged, with the key's id and hint", async () => {
  const all = await searchKeys(admin);
  assert.deepEqual(all.errors, []);
  assert.deepEqual(labels(all), ['alpha', 'beta', 'delta', 'gamma']);
  const [alpha] = all.response.data;
  assert.deepEqual(
    {
      label: alpha.label,
      partnerId: alpha.partnerId,
      partnerName: alpha.partnerName,
      policyId: alpha.policyId,
      policyName: alpha.policyName,
      isActive: alpha.isActive,
      isDeleted: alpha.isDeleted,
    },
    { label: 'alpha', partnerId: 'bank-1', partnerName: 'bank-1 Ltd', policyId: kycPolicy, policyName: 'KYC for banks', isActive: true, isDeleted: false },
  );
  assert.match(alpha.apiKeyId, /^[0-9a-f-]{36}$/);
  assert.equal(alpha.apiKeyHint.length, 4);
  assert.match(alpha.crDtimes, /\+00:00$/, 'java.sql.Timestamp as Jackson writes it');

  const bank1Page = await searchKeys(admin, {
    filters: [{ columnName: 'partnerName', type: 'contains', value: 'bank-1 Ltd' }],
    sort: [{ sortField: 'label', sortType: 'desc' }],
    pagination: { pageStart: 1, pageFetch: 2 },
  });
  assert.deepEqual(labels(bank1Page), ['alpha']);
  assert.deepEqual([bank1Page.response.fromRecord, bank1Page.response.toRecord, bank1Page.response.totalRecord], [3, 3, 3]);
  assert.deepEqual(labels(await searchKeys(admin, { filters: [{ columnName: 'isActive', type: 'equals', value: 'false' }] })), ['beta']);
  assert.deepEqual(
    labels(
      await searchKeys(admin, {
        filters: [
          { columnName: 'label', type: 'in', values: ['delta', 'gamma'] },
          { columnName: 'policyName', type: 'startsWith', value: 'KYC for banks' },
        ],
      }),
    ),
    ['delta', 'gamma'],
  );
});

test('API key search: a partner sees only its own keys, whatever it filters on', async () => {
  assert.deepEqual(labels(await searchKeys(bank2)), ['delta']);
  const other = await searchKeys(bank2, { filters: [{ columnName: 'partnerId', type: 'equals', value: 'bank-1' }] });
  assert.deepEqual(other.response, { fromRecord: 0, toRecord: 0, totalRecord: 0, data: null });
  assert.deepEqual(labels(await searchKeys(bank1, { sort: [{ sortField: 'crDtimes', sortType: 'asc' }] })), ['gamma', 'alpha', 'beta']);
});

test("API key search: unknown or key columns, bad sorts and paging get MOSIP's search codes and change nothing", async () => {
  const refused = (request: Record<string, unknown>, code: string) =>
    expectRefused(stack, 'POST', `${PM}/apikey/search`, admin, v1(searchRequest(request)), code);
  await refused({ filters: [{ columnName: 'partnerApiKey', type: 'equals', value: 'x' }] }, 'PMS-MSD-310');
  await refused({ filters: [{ columnName: 'label', type: 'between', fromValue: 'a' }] }, 'PMS-MSD-315');
  await refused({ filters: [{ columnName: 'isActive', type: 'contains', value: 'true' }] }, 'PMS-MSD-310');
  await refused({ sort: [{ sortField: 'partnerApiKey', sortType: 'asc' }] }, 'PMS-MSD-357');
  await refused({ sort: [{ sortField: 'label', sortType: 'up' }] }, 'PMS-MSD-358');
  await refused({ pagination: { pageStart: -1, pageFetch: 10 } }, 'PMS-MSD-313');
  const misp = await stack.request('POST', `${PM}/apikey/search`, { token: misp1, body: v1(searchRequest({})) });
  assert.equal(misp.status, 403, 'MISP_PARTNER is not among the roles MOSIP admits');
});

test('MISP license search: filters, sort and paging over masked licenses; a MISP sees only its own', async () => {
  const all = await searchLicenses(admin, { sort: [{ sortField: 'mispId', sortType: 'desc' }] });
  assert.deepEqual(all.errors, []);
  assert.deepEqual(
    all.response.data.map((row: { mispId: string }) => row.mispId),
    ['misp-2', 'misp-1'],
  );
  for (const row of all.response.data) {
    assert.match(row.licenseKey, /^\*{46}[0-9a-zA-Z]{4}$/);
    assert.match(row.licenseId, /^[0-9a-f-]{36}$/);
  }
  const inactive = await searchLicenses(admin, { filters: [{ columnName: 'isActive', type: 'equals', value: 'false' }] });
  assert.deepEqual(
    inactive.response.data.map((row: { mispId: string }) => row.mispId),
    ['misp-1'],
  );
  const second = await searchLicenses(admin, { pagination: { pageStart: 1, pageFetch: 1 } });
  assert.deepEqual([second.response.data[0].mispId, second.response.fromRecord, second.response.totalRecord], ['misp-2', 2, 2]);

  const own = await searchLicenses(misp2);
  assert.deepEqual(
    own.response.data.map((row: { mispId: string }) => row.mispId),
    ['misp-2'],
  );
  const other = await searchLicenses(misp2, { filters: [{ columnName: 'mispId', type: 'equals', value: 'misp-1' }] });
  assert.deepEqual(other.response, { fromRecord: 0, toRecord: 0, totalRecord: 0, data: null });
});

test("MISP license filter values: coded by MISP id, restricted to the caller's licenses", async () => {
  const all = await licenseValues(admin, { filters: [{ columnName: 'mispId', type: 'unique', text: '' }] });
  assert.deepEqual(all.response.filters, [
    { fieldID: 'mispId', fieldValue: 'misp-1', fieldCode: 'misp-1' },
    { fieldID: 'mispId', fieldValue: 'misp-2', fieldCode: 'misp-2' },
  ]);
  const own = await licenseValues(misp2, { filters: [{ columnName: 'mispId', type: 'all', text: 'MISP' }] });
  assert.deepEqual(own.response.filters, [{ fieldID: 'mispId', fieldValue: 'misp-2', fieldCode: 'misp-2' }]);
  const active = await licenseValues(admin, {
    filters: [{ columnName: 'mispId', type: 'unique', text: '' }],
    optionalFilters: [{ columnName: 'isActive', type: 'equals', value: 'true' }],
  });
  assert.deepEqual(
    active.response.filters.map((value: { fieldValue: string }) => value.fieldValue),
    ['misp-2'],
  );
});

test("MISP license search and filter values refuse the key column and bad requests with MOSIP's codes", async () => {
  const refused = (path: string, request: unknown, code: string) => expectRefused(stack, 'POST', `${MISPS}/${path}`, admin, v1(request), code);
  await refused('search', searchRequest({ filters: [{ columnName: 'licenseKey', type: 'equals', value: clearKeys.at(-1) }] }), 'PMS-MSD-310');
  await refused('search', searchRequest({ sort: [{ sortField: 'licenseKey', sortType: 'asc' }] }), 'PMS-MSD-357');
  await refused('search', searchRequest({ filters: [{ columnName: 'mispId', type: 'equals' }] }), 'PMS-MSD-390');
  await refused('filtervalues', { filters: [{ columnName: 'licenseKey', type: 'unique', text: '' }] }, 'PMS-MSD-317');
  await refused('filtervalues', { filters: [{ columnName: 'mispId', type: 'distinct', text: '' }] }, 'PMS-MSD-324');
  // MOSIP's filter values read the text unchecked.
  await refused('filtervalues', { filters: [{ columnName: 'mispId', type: 'unique' }] }, 'PMS_COR_003');
  const partner = await stack.request('POST', `${MISPS}/search`, { token: bank1, body: v1(searchRequest({})) });
  assert.equal(partner.status, 403, 'AUTH_PARTNER is not among the roles MOSIP admits');
});

const searchRequests = (token: string, request: Record<string, unknown> = {}) =>
  call('POST', `${PM}/apikey/request/search`, token, searchRequest({ sort: [{ sortField: 'crDtimes', sortType: 'asc' }], ...request }));
const requestSummary = (json: { response: { data: { partnerId: string; policyName: string; statusCode: string }[] | null } }) =>
  json.response.data?.map((row) => `${row.partnerId} ${row.policyName} ${row.statusCode}`) ?? [];

test('policy request search and filter values: admins see every request, partners their own', async () => {
  assert.deepEqual(requestSummary(await searchRequests(admin)), [
    'bank-1 KYC for banks approved',
    'bank-2 KYC for banks approved',
    'bank-1 Second policy InProgress',
  ]);
  const approved = await searchRequests(admin, {
    filters: [
      { columnName: 'statusCode', type: 'equals', value: 'approved' },
      { columnName: 'partnerName', type: 'contains', value: 'BANK' },
    ],
    pagination: { pageStart: 1, pageFetch: 1 },
  });
  assert.deepEqual(requestSummary(approved), ['bank-2 KYC for banks approved']);
  assert.equal(approved.response.totalRecord, 2);
  assert.match(approved.response.data[0].apikeyRequestId, /\S/);
  assert.equal(approved.response.data[0].requestDetail, 'authentication');
  assert.deepEqual(requestSummary(await searchRequests(bank2)), ['bank-2 KYC for banks approved']);
  assert.deepEqual(requestSummary(await searchRequests(bank2, { filters: [{ columnName: 'partnerId', type: 'equals', value: 'bank-1' }] })), []);

  const statuses = await call('POST', `${PM}/apikey/request/filtervalues`, admin, { filters: [{ columnName: 'statusCode', type: 'unique', text: '' }] });
  assert.deepEqual(
    statuses.response.filters.map((value: { fieldValue: string }) => value.fieldValue),
    ['InProgress', 'approved', 'approved'],
    'one value per (request id, status) pair, as MOSIP de-duplicates',
  );
  const own = await call('POST', `${PM}/apikey/request/filtervalues`, bank2, { filters: [{ columnName: 'statusCode', type: 'all', text: 'APP' }] });
  const [onlyOwn] = (await searchRequests(bank2)).response.data;
  assert.deepEqual(own.response.filters, [{ fieldID: 'statusCode', fieldValue: 'approved', fieldCode: onlyOwn.apikeyRequestId }]);
  const ids = await call('POST', `${PM}/apikey/request/filtervalues`, bank2, { filters: [{ columnName: 'id', type: 'all', text: '' }] });
  assert.deepEqual(ids.response.filters, [{ fieldID: 'id', fieldValue: onlyOwn.apikeyRequestId, fieldCode: onlyOwn.apikeyRequestId }]);

  await expectRefused(
    stack,
    'POST',
    `${PM}/apikey/request/search`,
    admin,
    v1(searchRequest({ filters: [{ columnName: 'partnerApiKey', type: 'equals', value: 'x' }] })),
    'PMS-MSD-310',
  );
  await expectRefused(
    stack,
    'POST',
    `${PM}/apikey/request/filtervalues`,
    admin,
    v1({ filters: [{ columnName: 'partnerApiKey', type: 'unique', text: '' }] }),
    'PMS-MSD-317',
  );
});

test("policy request search: MOSIP's special columns, entity columns and refusals", async () => {
  const [first] = (await searchRequests(admin)).response.data;
  const byId = await searchRequests(admin, { filters: [{ columnName: 'apikeyRequestId', type: 'equals', value: first.apikeyRequestId }] });
  assert.deepEqual(requestSummary(byId), ['bank-1 KYC for banks approved']);
  const byEntityId = await searchRequests(admin, { filters: [{ columnName: 'id', type: 'equals', value: first.apikeyRequestId.toUpperCase() }] });
  assert.deepEqual(requestSummary(byEntityId), ['bank-1 KYC for banks approved']);
  // A filter type MOSIP does not know filters nothing; pages bind from numeric strings, as Jackson binds an int.
  const unique = await searchRequests(admin, {
    filters: [{ columnName: 'id', type: 'unique', value: 'whatever' }],
    pagination: { pageStart: '0', pageFetch: '2' },
  });
  assert.deepEqual([unique.response.fromRecord, unique.response.toRecord, unique.response.totalRecord], [1, 2, 3]);
  assert.deepEqual(
    requestSummary(await searchRequests(admin, { filters: [{ columnName: 'policyName', type: 'contains', value: 'second POLICY' }] })),
    ['bank-1 Second policy InProgress'],
    'the policy name ignoring case, whatever the type',
  );
  assert.deepEqual(requestSummary(await searchRequests(admin, { filters: [{ columnName: 'partnerId', type: 'contains', value: 'bank-2' }] })), [
    'bank-2 KYC for banks approved',
  ]);
  assert.deepEqual(
    requestSummary(
      await searchRequests(admin, {
        filters: [
          { columnName: 'partnerName', type: 'equals', value: 'BANK' },
          { columnName: 'partnerId', type: 'equals', value: 'bank-1' },
        ],
      }),
    ),
    [],
    'with a partner id, the name is contained as it is',
  );
  // An unknown policy name answers the empty page before anything else is checked.
  const unknownPolicy = await searchRequests(admin, {
    filters: [{ columnName: 'policyName', type: 'equals', value: 'nope' }],
    sort: [{ sortField: 'x', sortType: 'y' }],
  });
  assert.deepEqual([unknownPolicy.errors, unknownPolicy.response], [[], { fromRecord: 0, toRecord: 0, totalRecord: 0, data: null }]);

  const refused = (request: Record<string, unknown>, code: string) =>
    expectRefused(stack, 'POST', `${PM}/apikey/request/search`, admin, v1(searchRequest(request)), code);
  await refused({ sort: [{ sortField: 'partnerId', sortType: 'asc' }] }, 'PMS-MSD-357');
  await refused({ sort: [{ sortField: 'id', sortType: 'asc' }] }, 'PMS-MSD-357');
  await refused({ filters: [{ columnName: 'isActive', type: 'equals', value: 'true' }] }, 'PMS-MSD-310');
  await refused({ filters: [{ type: 'equals', value: 'x' }] }, 'PMS_COR_003');
  await refused({ sort: [], pagination: { pageStart: '0', pageFetch: '0' } }, 'PMS-MSD-313');
});

test("API key search: MOSIP's exact partner and policy names, its sort fields and its unhandled failures", async () => {
  assert.deepEqual(labels(await searchKeys(admin, { filters: [{ columnName: 'partnerName', type: 'contains', value: 'BANK-1 LTD' }] })), []);
  assert.deepEqual(labels(await searchKeys(admin, { filters: [{ columnName: 'PARTNERID', type: 'startsWith', value: 'bank-2' }] })), ['delta']);
  assert.deepEqual(labels(await searchKeys(admin, { filters: [{ columnName: 'policyName', type: 'equals', value: 'kyc for banks' }] })), []);
  assert.deepEqual(labels(await searchKeys(admin, { filters: [{ columnName: 'label', type: 'unique', value: 'x' }] })), ['alpha', 'beta', 'delta', 'gamma']);
  const refused = (request: Record<string, unknown>, code: string) =>
    expectRefused(stack, 'POST', `${PM}/apikey/search`, admin, v1(searchRequest(request)), code);
  await refused({ sort: [{ sortField: 'partnerName', sortType: 'asc' }] }, 'PMS-MSD-357');
  await refused({ filters: [{ type: 'contains', value: 'x' }] }, 'PMS_COR_003');
  await refused(
    {
      filters: [{ columnName: 'label', type: 'contains', value: 'a' }],
      sort: [{ sortField: 'label', sortType: 'x' }],
      pagination: { pageStart: 0, pageFetch: 0 },
    },
    'PMS-MSD-358',
  );
});

test('no answer of the searches carries a clear API key or license key', () => {
  assert.equal(clearKeys.length, 6);
  assert.ok(answers.length > 10);
  const text = JSON.stringify(answers);
  for (const key of clearKeys) assert.ok(!text.includes(key), 'a clear key appeared in a search answer');
});
