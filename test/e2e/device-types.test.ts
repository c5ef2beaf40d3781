import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { deviceTypeKeys } from '../../functions/adapters/dynamodb/keys.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { expectOk, expectRefused, v1 } from '../support/pms-calls.js';

const DEVICE_DETAIL = '/v1/partnermanager/devicedetail';
const TYPE_VALUES = `${DEVICE_DETAIL}/deviceType/filtervalues`;
const SUB_TYPE_VALUES = `${DEVICE_DETAIL}/deviceSubType/filtervalues`;
const SEARCH = `${DEVICE_DETAIL}/deviceType/search`;
let stack: LocalStack;
let provider: string;
let ftmProvider: string;
let admin: string;

before(async () => {
  stack = await startLocalStack();
  provider = await stack.token('provider1', ['DEVICE_PROVIDER']);
  ftmProvider = await stack.token('ftm1', ['FTM_PROVIDER']);
  admin = await stack.token('admin1', ['PARTNER_ADMIN']);
});
after(async () => {
  await stack?.stop();
});

/** A filter-value request as the portal and MOSIP's rig send it. */
const filterRequest = (filter: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  v1({ filters: [filter], optionalFilters: [], purpose: 'REGISTRATION', ...extra });
/** A search as the rig's template sends it: `pageFetch` left out, page numbers as strings. */
const searchRequest = (request: Record<string, unknown>) => v1({ filters: [], sort: [], pagination: { pageStart: '0' }, purpose: 'REGISTRATION', ...request });

test("the portal's device type dropdown: the shipped types by name, coded by type code, for every device role", async () => {
  const portalRequest = filterRequest({ columnName: 'name', type: 'unique', text: '' });
  const expected = {
    filters: [
      { fieldID: 'name', fieldValue: 'Face', fieldCode: 'Face' },
      { fieldID: 'name', fieldValue: 'Finger', fieldCode: 'Finger' },
      { fieldID: 'name', fieldValue: 'Iris', fieldCode: 'Iris' },
    ],
  };
  for (const token of [provider, ftmProvider, admin]) assert.deepEqual(await expectOk(stack, 'POST', TYPE_VALUES, token, portalRequest), expected);
});

test("the portal's subtype dropdown: one type's subtypes by the column deviceType; the rig's code list", async () => {
  const finger = await expectOk(stack, 'POST', SUB_TYPE_VALUES, provider, filterRequest({ columnName: 'deviceType', type: 'unique', text: 'Finger' }));
  assert.deepEqual(
    finger.filters.map((value: { fieldCode: string }) => value.fieldCode),
    ['Single', 'Slap', 'Touchless'],
  );
  assert.ok(finger.filters.every((value: { fieldID: string; fieldValue: string }) => value.fieldID === 'deviceType' && value.fieldValue === 'Finger'));

  const singles = await expectOk(stack, 'POST', SUB_TYPE_VALUES, provider, filterRequest({ columnName: 'code', type: 'all', text: 'Single' }));
  assert.deepEqual(singles.filters, [
    { fieldID: 'code', fieldValue: 'Single', fieldCode: 'Single' },
    { fieldID: 'code', fieldValue: 'Single', fieldCode: 'Single' },
  ]);
});

test("filter values refuse bad filters with MOSIP's codes, as the rig's cases expect, and write nothing", async () => {
  for (const path of [TYPE_VALUES, SUB_TYPE_VALUES]) {
    await expectRefused(stack, 'POST', path, provider, filterRequest({ columnName: 'code', type: '', text: 'Finger' }), 'PMS-MSD-322');
    await expectRefused(stack, 'POST', path, provider, filterRequest({ columnName: '', type: 'unique', text: 'Finger' }), 'PMS_COR_001');
    await expectRefused(stack, 'POST', path, provider, filterRequest({ columnName: 'asdf', type: 'unique', text: 'Finger' }), 'PMS-MSD-317');
    await expectRefused(stack, 'POST', path, provider, filterRequest({ columnName: 'code', type: 'asdf', text: 'Finger' }), 'PMS-MSD-324');
    await expectRefused(stack, 'POST', path, provider, filterRequest({ columnName: 'code', type: 'unique', text: '' }, { purpose: 'PRINT' }), 'PMS_COR_001');
  }
});

test('the device type search pages the subtype rows as RegistrationSubTypeDto, with the rig filters and sort', async () => {
  const all = await expectOk(stack, 'POST', SEARCH, provider, searchRequest({}));
  assert.deepEqual([all.fromRecord, all.toRecord, all.totalRecord], [1, 6, 6]);
  const touchless = all.data.find((row: { code: string }) => row.code === 'Touchless');
  assert.deepEqual(Object.keys(touchless).sort(), [
    'active',
    'code',
    'crBy',
    'crDtimes',
    'delDtimes',
    'desciption',
    'deviceType',
    'isDeleted',
    'name',
    'updBy',
    'updDtimes',
  ]);
  assert.deepEqual([touchless.deviceType, touchless.desciption, touchless.active, touchless.isDeleted], ['Finger', 'Touch Fingerprint', true, false]);
  assert.match(touchless.crDtimes, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);

  const filtered = await expectOk(
    stack,
    'POST',
    SEARCH,
    ftmProvider,
    searchRequest({
      filters: [{ columnName: 'name', type: 'startswith', value: 't' }],
      sort: [{ sortField: 'name', sortType: 'desc' }],
      pagination: { pageStart: '0', pageFetch: '10' },
    }),
  );
  assert.deepEqual(
    filtered.data.map((row: { code: string; active: boolean }) => [row.code, row.active]),
    [['Touchless', true]],
  );
  const byName = await expectOk(
    stack,
    'POST',
    SEARCH,
    admin,
    searchRequest({ sort: [{ sortField: 'name', sortType: 'desc' }], pagination: { pageStart: 1, pageFetch: 4 } }),
  );
  assert.deepEqual(
    byName.data.map((row: { name: string }) => row.name),
    ['Full face', 'Double'],
  );
});

test("the search reads the stored rows: an operator's change to a subtype shows at once", async () => {
  await stack.table.client.send(
    new UpdateCommand({
      TableName: stack.tableName,
      Key: deviceTypeKeys.deviceSubType('Iris', 'Double'),
      UpdateExpression: 'SET isActive = :off, updBy = :who',
      ExpressionAttributeValues: { ':off': false, ':who': 'operator' },
    }),
  );
  const found = await expectOk(stack, 'POST', SEARCH, provider, searchRequest({ filters: [{ columnName: 'isActive', type: 'equals', value: 'false' }] }));
  assert.deepEqual(
    found.data.map((row: { deviceType: string; code: string; active: boolean; updBy: string }) => [row.deviceType, row.code, row.active, row.updBy]),
    [['Iris', 'Double', false, 'operator']],
  );
});

test("the device type search refuses bad requests with MOSIP's codes, the rig's cases among them, and writes nothing", async () => {
  const refused = (request: Record<string, unknown>, code: string) => expectRefused(stack, 'POST', SEARCH, provider, searchRequest(request), code);
  await refused({ filters: [{ type: 'equals', value: 'Touchless' }], sort: [{ sortField: 'code', sortType: 'asc' }] }, 'PMS-MSD-311');
  await refused({ filters: [{ columnName: 'name', value: 'Touchless' }] }, 'PMS-MSD-312');
  await refused({ filters: [{ columnName: 'make', type: 'equals', value: 'x' }] }, 'PMS-MSD-310');
  await refused({ filters: [{ columnName: 'code', type: 'equals', value: 'Touchless' }], sort: [{ sortField: 'code', sortType: 'dc' }] }, 'PMS-MSD-358');
  await refused({ filters: [{ columnName: 'code', type: 'equals', value: 'Touchless' }], sort: [{ sortField: 'code' }] }, 'PMS-MSD-314');
  await refused({ filters: [{ columnName: 'code', type: 'equals', value: 'Touchless' }], sort: [{ sortField: 'mo@@@del', sortType: 'asc' }] }, 'PMS-MSD-357');
  await refused({ pagination: { pageStart: 0, pageFetch: 0 } }, 'PMS-MSD-313');
  await refused({ filters: null }, 'PMS_COR_001');
});
