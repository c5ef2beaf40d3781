import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CdkCustomResourceEvent } from 'aws-lambda';
import { DEVICE_TYPE_MASTER_DATA } from '../../functions/device-type-seed/master-data.js';
import { DEVICE_TYPES_RESOURCE_ID, onDeviceTypesResourceEvent } from '../../functions/device-type-seed/seed-resource.js';
import type { DeviceSubType, DeviceType } from '../../functions/domain/device-types/device-type.js';
import type { DeviceTypeMasterData, DeviceTypeSeedStore } from '../../functions/domain/device-types/ports.js';
import { deviceSubTypeFilterValues, deviceTypeFilterValues, searchDeviceSubTypes } from '../../functions/domain/device-types/queries.js';
import { SEED_ACTOR, seedDeviceTypes } from '../../functions/domain/device-types/seed.js';
import { EMPTY_PAGE } from '../../functions/domain/search/legacy-search.js';
import {
  type DeviceFilterValueRequest,
  type DeviceSearchRequest,
  deviceFilterValueRequest,
  deviceSearchRequest,
} from '../../functions/schemas/device-types.js';
import { refusal } from '../support/refusals.js';

const NOW = new Date('2026-05-04T10:00:00.000Z');

/** A store that keeps what it was given, by key, as the table does with attribute_not_exists. */
function memoryStore() {
  const types = new Map<string, DeviceType>();
  const subTypes = new Map<string, DeviceSubType>();
  const putIfAbsent = <Row>(rows: Map<string, Row>, key: string, row: Row) => {
    if (rows.has(key)) return false;
    rows.set(key, row);
    return true;
  };
  const store: DeviceTypeSeedStore = {
    putTypeIfAbsent: async (type) => putIfAbsent(types, type.code, type),
    putSubTypeIfAbsent: async (subType) => putIfAbsent(subTypes, `${subType.deviceTypeCode}/${subType.code}`, subType),
  };
  const masterData: DeviceTypeMasterData = { deviceTypes: async () => [...types.values()], deviceSubTypes: async () => [...subTypes.values()] };
  return { store, masterData, types, subTypes };
}

async function seeded() {
  const memory = memoryStore();
  await seedDeviceTypes(memory.store, DEVICE_TYPE_MASTER_DATA, { now: () => NOW });
  return memory;
}

const filterRequest = (request: Record<string, unknown>): DeviceFilterValueRequest => deviceFilterValueRequest.parse({ optionalFilters: [], ...request });
const searchRequest = (request: Record<string, unknown>): DeviceSearchRequest =>
  deviceSearchRequest.parse({ filters: [], sort: [], pagination: { pageStart: 0, pageFetch: 10 }, purpose: 'REGISTRATION', ...request });

test("the shipped rows are MOSIP's seed: three types, six subtypes, each subtype under a shipped type, no key twice", () => {
  const { deviceTypes, deviceSubTypes } = DEVICE_TYPE_MASTER_DATA;
  assert.deepEqual(deviceTypes.map((type) => type.code).sort(), ['Face', 'Finger', 'Iris']);
  assert.deepEqual(deviceSubTypes.map((subType) => `${subType.deviceTypeCode}/${subType.code}`).sort(), [
    'Face/Full face',
    'Finger/Single',
    'Finger/Slap',
    'Finger/Touchless',
    'Iris/Double',
    'Iris/Single',
  ]);
  assert.ok([...deviceTypes, ...deviceSubTypes].every((row) => row.isActive));
});

test('seeding stores every shipped row with its audit columns once; seeding again adds nothing and keeps what is stored', async () => {
  const memory = memoryStore();
  assert.deepEqual(await seedDeviceTypes(memory.store, DEVICE_TYPE_MASTER_DATA, { now: () => NOW }), { added: 9 });
  assert.deepEqual(memory.types.get('Iris'), {
    code: 'Iris',
    name: 'Iris',
    description: 'Iris Biomertric',
    isActive: true,
    isDeleted: false,
    crBy: SEED_ACTOR,
    crDtimes: NOW.toISOString(),
    updBy: null,
    updDtimes: null,
    delDtimes: null,
  });
  const edited = { ...memory.subTypes.get('Iris/Double')!, isActive: false, updBy: 'operator' };
  memory.subTypes.set('Iris/Double', edited);
  assert.deepEqual(await seedDeviceTypes(memory.store, DEVICE_TYPE_MASTER_DATA, { now: () => new Date('2027-01-01T00:00:00.000Z') }), { added: 0 });
  assert.equal(memory.subTypes.get('Iris/Double'), edited);
  assert.equal(memory.types.get('Iris')!.crDtimes, NOW.toISOString());
});

test('device type filter values: the portal\'s name list, unique and in order, coded by type code; "all" on code as the rig asks', async () => {
  const deps = await seeded();
  assert.deepEqual((await deviceTypeFilterValues(deps, filterRequest({ filters: [{ columnName: 'name', type: 'unique', text: '' }] }))).filters, [
    { fieldID: 'name', fieldValue: 'Face', fieldCode: 'Face' },
    { fieldID: 'name', fieldValue: 'Finger', fieldCode: 'Finger' },
    { fieldID: 'name', fieldValue: 'Iris', fieldCode: 'Iris' },
  ]);
  assert.deepEqual((await deviceTypeFilterValues(deps, filterRequest({ filters: [{ columnName: 'code', type: 'all', text: 'fing' }] }))).filters, [
    { fieldID: 'code', fieldValue: 'Finger', fieldCode: 'Finger' },
  ]);
  assert.deepEqual(
    (await deviceTypeFilterValues(deps, filterRequest({ filters: [{ columnName: 'desciption', type: 'unique', text: 'biom' }] }))).filters.length,
    3,
  );
});

test("device subtype filter values: the portal's subtypes of one type by the column deviceType, inactive ones included as in MOSIP", async () => {
  const deps = await seeded();
  deps.subTypes.set('Finger/Touchless', { ...deps.subTypes.get('Finger/Touchless')!, isActive: false });
  const ofFinger = await deviceSubTypeFilterValues(deps, filterRequest({ filters: [{ columnName: 'deviceType', type: 'unique', text: 'Finger' }] }));
  assert.deepEqual(
    ofFinger.filters.map(({ fieldID, fieldValue }) => `${fieldID}=${fieldValue}`),
    ['deviceType=Finger', 'deviceType=Finger', 'deviceType=Finger'],
  );
  // The rig's [512] reads the first: ties come out by code, whatever order the rows were stored or read in.
  assert.deepEqual(
    ofFinger.filters.map((value) => value.fieldCode),
    ['Single', 'Slap', 'Touchless'],
  );

  const singles = await deviceSubTypeFilterValues(deps, filterRequest({ filters: [{ columnName: 'code', type: 'all', text: 'Single' }] }));
  assert.deepEqual(singles.filters, [
    { fieldID: 'code', fieldValue: 'Single', fieldCode: 'Single' },
    { fieldID: 'code', fieldValue: 'Single', fieldCode: 'Single' },
  ]);
  const narrowed = await deviceSubTypeFilterValues(
    deps,
    filterRequest({
      filters: [{ columnName: 'code', type: 'unique', text: '' }],
      optionalFilters: [{ columnName: 'deviceType', type: 'equals', value: 'Iris' }],
    }),
  );
  assert.deepEqual(
    narrowed.filters.map((value) => value.fieldValue),
    ['Double', 'Single'],
  );
  assert.deepEqual((await deviceSubTypeFilterValues(deps, filterRequest({ filters: [{ columnName: 'isActive', type: 'unique', text: '' }] }))).filters, [
    { fieldID: 'isActive', fieldValue: 'true', fieldCode: '' },
    { fieldID: 'isActive', fieldValue: 'false', fieldCode: '' },
  ]);
});

test("filter values refuse with MOSIP's codes: blank type 322, unknown column 317, unknown type 324, a date-time column 324", async () => {
  const deps = await seeded();
  const refused = (filter: Record<string, unknown>, values = deviceTypeFilterValues) => refusal(values(deps, filterRequest({ filters: [filter] })));
  assert.equal(await refused({ columnName: 'code', type: '', text: 'Finger' }), 'PMS-MSD-322');
  assert.equal(await refused({ columnName: 'asdf', type: 'unique', text: 'Finger' }), 'PMS-MSD-317');
  assert.equal(await refused({ columnName: 'code', type: 'asdf', text: 'Finger' }), 'PMS-MSD-324');
  assert.equal(await refused({ columnName: 'crDtimes', type: 'unique', text: '' }, deviceSubTypeFilterValues), 'PMS-MSD-324');
  // The type entity has no deviceType field: only the subtype one does.
  assert.equal(await refused({ columnName: 'deviceType', type: 'unique', text: '' }), 'PMS-MSD-317');
});

test('the device type search searches subtypes and answers RegistrationSubTypeDto pages', async () => {
  const deps = await seeded();
  const touchless = await searchDeviceSubTypes(deps, searchRequest({ filters: [{ columnName: 'name', type: 'startswith', value: 't' }] }));
  assert.deepEqual(touchless, {
    fromRecord: 1,
    toRecord: 1,
    totalRecord: 1,
    data: [
      {
        code: 'Touchless',
        deviceType: 'Finger',
        name: 'Touchless',
        desciption: 'Touch Fingerprint',
        active: true,
        isDeleted: false,
        crBy: SEED_ACTOR,
        crDtimes: '2026-05-04T10:00:00.000',
        delDtimes: null,
        updBy: null,
        updDtimes: null,
      },
    ],
  });
  const byNameDesc = await searchDeviceSubTypes(
    deps,
    searchRequest({ sort: [{ sortField: 'name', sortType: 'desc' }], pagination: { pageStart: 0, pageFetch: 4 } }),
  );
  assert.deepEqual(
    byNameDesc.data?.map((row) => row.name),
    ['Touchless', 'Slap', 'Single', 'Single'],
  );
  assert.deepEqual([byNameDesc.fromRecord, byNameDesc.toRecord, byNameDesc.totalRecord], [1, 4, 6]);
  const irisOnly = await searchDeviceSubTypes(deps, searchRequest({ filters: [{ columnName: 'deviceType', type: 'equals', value: 'iris' }] }));
  assert.deepEqual(irisOnly.data?.map((row) => row.code).sort(), ['Double', 'Single']);
  assert.deepEqual(await searchDeviceSubTypes(deps, searchRequest({ filters: [{ columnName: 'code', type: 'equals', value: 'Pinky' }] })), EMPTY_PAGE);
});

test('a deleted subtype is searched only without filters, as MOSIP adds is_deleted to the filters it builds', async () => {
  const deps = await seeded();
  deps.subTypes.set('Finger/Touchless', { ...deps.subTypes.get('Finger/Touchless')!, isDeleted: true });
  const codes = async (request: Record<string, unknown>) => (await searchDeviceSubTypes(deps, searchRequest(request))).data?.map((row) => row.code);
  assert.ok((await codes({}))?.includes('Touchless'));
  assert.deepEqual((await codes({ filters: [{ columnName: 'deviceType', type: 'equals', value: 'Finger' }] }))?.sort(), ['Single', 'Slap']);
  const counted = await searchDeviceSubTypes(deps, searchRequest({ filters: [{ columnName: 'isDeleted', type: 'equals', value: 'true' }] }));
  assert.deepEqual(counted, EMPTY_PAGE);
});

test("the device type search refuses with MOSIP's codes and the rig's cases", async () => {
  const deps = await seeded();
  const refused = (request: Record<string, unknown>) => refusal(searchDeviceSubTypes(deps, searchRequest(request)));
  assert.equal(await refused({ filters: [{ type: 'equals', value: 'Touchless' }] }), 'PMS-MSD-311');
  assert.equal(await refused({ filters: [{ columnName: 'name', value: 'Touchless' }] }), 'PMS-MSD-312');
  assert.equal(await refused({ filters: [{ columnName: 'model', type: 'equals', value: 'x' }] }), 'PMS-MSD-310');
  assert.equal(await refused({ sort: [{ sortField: 'code', sortType: 'dc' }] }), 'PMS-MSD-358');
  assert.equal(await refused({ sort: [{ sortField: 'code' }] }), 'PMS-MSD-314');
  assert.equal(await refused({ sort: [{ sortField: 'mo@@@del', sortType: 'asc' }] }), 'PMS-MSD-357');
  assert.equal(await refused({ pagination: { pageStart: -1, pageFetch: 10 } }), 'PMS-MSD-313');
});

test('purpose binds as MOSIP binds it: the enum for filter values, any string for the search', () => {
  assert.equal(filterRequest({ filters: [], purpose: 'AUTH' }).purpose, 'AUTH');
  assert.equal(filterRequest({ filters: [] }).purpose, undefined);
  assert.equal(deviceFilterValueRequest.safeParse({ filters: [], purpose: 'registration' }).success, false);
  assert.equal(searchRequest({ purpose: 'anything' }).purpose, 'anything');
});

function resourceEvent(RequestType: 'Create' | 'Update' | 'Delete', PhysicalResourceId?: string): CdkCustomResourceEvent {
  return {
    RequestType,
    ...(PhysicalResourceId && { PhysicalResourceId }),
    ResourceType: 'Custom::DeviceTypes',
    LogicalResourceId: 'DeviceTypes',
  } as CdkCustomResourceEvent;
}

test('the custom resource loads on Create and Update under one fixed id, and leaves the rows on Delete', async () => {
  let loads = 0;
  const load = async () => ({ added: loads++ === 0 ? 9 : 0 });
  assert.deepEqual(await onDeviceTypesResourceEvent(resourceEvent('Create'), load), { PhysicalResourceId: DEVICE_TYPES_RESOURCE_ID, Data: { AddedRows: 9 } });
  assert.deepEqual(await onDeviceTypesResourceEvent(resourceEvent('Update', DEVICE_TYPES_RESOURCE_ID), load), {
    PhysicalResourceId: DEVICE_TYPES_RESOURCE_ID,
    Data: { AddedRows: 0 },
  });
  assert.deepEqual(await onDeviceTypesResourceEvent(resourceEvent('Delete', 'a-failed-create'), load), { PhysicalResourceId: 'a-failed-create' });
  assert.equal(loads, 2);
});
