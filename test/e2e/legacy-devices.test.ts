import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { activeDeviceProvider, DEVICE_API_IDS, daysFromNow, sbiCreateBody } from '../support/device-calls.js';
import { listTableItems } from '../support/dynamodb.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { expectOk, expectRefused, v1, v2 } from '../support/pms-calls.js';

/*
 * MOSIP's deprecated SBI and device endpoints (issue #15) through the local stack: each one's success and main
 * refusals, a provider confined to its own SBIs, devices and links, and the loopholes MOSIP left open closed.
 */

const PM = '/v1/partnermanager';
const SBI = `${PM}/securebiometricinterface`;
const MAP = `${SBI}/devicedetails/map`;
const DEVICES = `${PM}/devicedetail`;
const { addDevice: ADD_DEVICE, approveDevice: APPROVE_DEVICE } = DEVICE_API_IDS;

let stack: LocalStack;
let admin: string;
let provider1: string;
let provider2: string;
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
const refused = (method: string, path: string, token: string, body: unknown, code: string) => expectRefused(stack, method, path, token, body, code);
const search = (filters: unknown[] = [], sort: unknown[] = [], pageFetch = 10) => v1({ filters, sort, pagination: { pageStart: 0, pageFetch } });

function sbiUpdate(id: string, swVersion: string, overrides: Record<string, unknown> = {}) {
  return v1({
    id,
    swBinaryHash: `hash-${swVersion}`,
    swVersion,
    swCreateDateTime: daysFromNow(-2),
    swExpiryDateTime: daysFromNow(200),
    isActive: false,
    ...overrides,
  });
}

function legacyDevice(providerId: string, make: string, model: string, overrides: Record<string, unknown> = {}) {
  return v1({ deviceProviderId: providerId, deviceTypeCode: 'Finger', deviceSubTypeCode: 'Slap', make, model, ...overrides });
}

/** An SBI of `providerId`, approved by the admin. */
async function approvedSbi(token: string, providerId: string, swVersion: string): Promise<string> {
  const { id } = await ok('POST', SBI, token, sbiCreateBody(providerId, swVersion));
  await ok('PATCH', SBI, admin, v1({ id, approvalStatus: 'Activate' }));
  return id;
}

/** A device added under an SBI (the revamp way), and decided by the admin when `status` is given. */
async function deviceUnder(token: string, sbiId: string, providerId: string, model: string, status?: 'approved' | 'rejected'): Promise<string> {
  const request = { id: null, deviceProviderId: providerId, deviceTypeCode: 'Finger', deviceSubTypeCode: 'Slap', make: 'Acme', model };
  const { id } = await ok('POST', `${SBI}/${sbiId}/devices`, token, v2(ADD_DEVICE, request));
  if (status) await ok('POST', `${DEVICES}/${id}/approval`, admin, v2(APPROVE_DEVICE, { partnerId: providerId, sbiId, status }));
  return id;
}

async function auditActions(objectId: string): Promise<string[]> {
  const items = await listTableItems(stack.table);
  return items
    .filter((item) => item.entity === 'Audit' && item.objectId === objectId)
    .sort((a, b) => String(a.at).localeCompare(String(b.at)))
    .map((item) => String(item.action));
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN']);
  provider1 = await activeDeviceProvider(stack, admin, 'ldp-1');
  provider2 = await activeDeviceProvider(stack, admin, 'ldp-2');
});
after(() => stack?.stop());

test('a legacy device has no SBI: created and changed while pending, rejected, never approved', async () => {
  assert.deepEqual(await ok('POST', DEVICES, provider1, legacyDevice('ldp-1', 'Legacy', 'L1', { id: 'legacy-device-1' })), { id: 'legacy-device-1' });
  await refused('POST', DEVICES, provider1, legacyDevice('ldp-1', 'Legacy', 'L2', { deviceSubTypeCode: 'Nose' }), 'PMS_AUT_001');
  await refused('POST', DEVICES, provider1, legacyDevice('ldp-1', ' legacy ', 'l1'), 'PMS_AUT_003');
  await refused('POST', DEVICES, provider1, legacyDevice('ldp-1', 'Legacy', 'L9', { id: 'legacy-device-1' }), 'PMS_AUT_003');
  await refused('POST', DEVICES, provider2, legacyDevice('ldp-1', 'Legacy', 'L2'), 'PMS_AUT_002');
  await refused('POST', DEVICES, provider1, legacyDevice('ldp-1', 'Legacy', 'L2', { deviceProviderId: undefined }), 'PMS_COR_001');

  const update = (overrides: Record<string, unknown> = {}) =>
    v1({ id: 'legacy-device-1', deviceTypeCode: 'Finger', deviceSubTypeCode: 'Slap', make: 'Legacy', model: 'L1  Pro', ...overrides });
  assert.deepEqual(await ok('PUT', DEVICES, provider1, update()), { id: 'legacy-device-1' });
  await refused('PUT', DEVICES, provider2, update(), 'PMS_AUT_005');
  await refused('PUT', DEVICES, provider1, update({ deviceSubTypeCode: 'Slab' }), 'PMS_AUT_001');
  const [row] = (await ok('POST', `${DEVICES}/search`, provider1, search([{ columnName: 'id', type: 'equals', value: 'legacy-device-1' }]))).data;
  assert.deepEqual(row, {
    id: 'legacy-device-1',
    deviceProviderId: 'ldp-1',
    deviceTypeCode: 'Finger',
    deviceSubTypeCode: 'Slap',
    make: 'Legacy',
    model: 'L1 Pro',
    partnerOrganizationName: 'ldp-1 Devices',
    isActive: false,
    approvalStatus: 'pending_approval',
  });

  // MOSIP approves a device of no SBI, and re-approves rejected ones.
  await refused('PATCH', DEVICES, admin, v1({ id: 'legacy-device-1', approvalStatus: 'Activate' }), 'PMS_DEVICE_ERROR_024');
  await refused('PATCH', DEVICES, admin, v1({ id: 'legacy-device-1', approvalStatus: 'activate' }), 'PMS_AUT_025');
  await refused('PATCH', DEVICES, admin, v1({ id: 'no-such-device', approvalStatus: 'Activate' }), 'PMS_AUT_005');
  assert.equal(await ok('PATCH', DEVICES, admin, v1({ id: 'legacy-device-1', approvalStatus: 'De-activate' })), 'Device details rejected successfully.');
  await refused('PATCH', DEVICES, admin, v1({ id: 'legacy-device-1', approvalStatus: 'Activate' }), 'PMS_DEVICE_ERROR_010');
  await refused('PATCH', DEVICES, admin, v1({ id: 'legacy-device-1', approvalStatus: 'De-activate' }), 'PMS_DEVICE_ERROR_010');
  // MOSIP changes a device in any state.
  await refused('PUT', DEVICES, provider1, update({ model: 'L1 Max' }), 'PMS_DEVICE_ERROR_010');
  const forbidden = await stack.request('PATCH', DEVICES, { token: provider1, body: v1({ id: 'legacy-device-1', approvalStatus: 'De-activate' }) });
  assert.equal(forbidden.status, 403);
  assert.deepEqual(await auditActions('legacy-device-1'), ['createDevice', 'updateDevice', 'rejectDevice']);
  // A rejected device frees its make and model.
  await ok('POST', DEVICES, provider1, legacyDevice('ldp-1', 'Legacy', 'L1 Pro'));
});

test('the legacy approval approves a pending device under its approved SBI and switches its link on', async () => {
  const sbiId = await approvedSbi(provider1, 'ldp-1', 'approve-1');
  const deviceId = await deviceUnder(provider1, sbiId, 'ldp-1', 'A1');
  assert.equal(await ok('PATCH', DEVICES, admin, v1({ id: deviceId, approvalStatus: 'Activate' })), 'Device details approved successfully.');
  const [device] = await ok('GET', `${SBI}/${sbiId}/devices`, provider1);
  assert.deepEqual([device.deviceId, device.status, device.isActive], [deviceId, 'approved', true]);
  const link = (await listTableItems(stack.table)).find((item) => item.entity === 'DeviceDetailSbi' && item.deviceId === deviceId);
  assert.equal(link?.isActive, true);
  await refused('PATCH', DEVICES, admin, v1({ id: deviceId, approvalStatus: 'De-activate' }), 'PMS_DEVICE_ERROR_010');

  const other = await approvedSbi(provider1, 'ldp-1', 'approve-2');
  const waiting = await deviceUnder(provider1, other, 'ldp-1', 'A2');
  await ok('PATCH', `${SBI}/${other}`, provider1, v2('mosip.pms.deactivate.sbi.patch', { status: 'De-Activate' }));
  // Deactivating its SBI rejected the waiting device.
  await refused('PATCH', DEVICES, admin, v1({ id: waiting, approvalStatus: 'Activate' }), 'PMS_DEVICE_ERROR_010');
});

test('the legacy SBI update changes only a pending SBI of the caller; isActive never switches an SBI on', async () => {
  const { id } = await ok('POST', SBI, provider1, sbiCreateBody('ldp-1', 'edit-1'));
  // MOSIP sets isActive as sent: a provider could switch on its own unapproved SBI.
  await refused('PUT', SBI, provider1, sbiUpdate(id, 'edit-1', { isActive: true }), 'PMS_DEVICE_ERROR_022');
  await refused('PUT', SBI, provider2, sbiUpdate(id, 'edit-1b'), 'PMS_AUT_007');
  await refused('PUT', SBI, provider1, sbiUpdate(id, 'edit-1b', { swExpiryDateTime: daysFromNow(-1) }), 'PMS_AUT_508');
  await refused('PUT', SBI, provider1, sbiUpdate(id, 'edit-1b', { isActive: undefined }), 'PMS_COR_001');
  assert.deepEqual(await ok('PUT', SBI, provider1, sbiUpdate(id, 'edit-1b')), { id });
  const [row] = (await ok('POST', `${SBI}/search`, provider1, search([{ columnName: 'id', type: 'equals', value: id }]))).data;
  assert.deepEqual(
    [row.swVersion, row.swBinaryHash, row.approvalStatus, row.isActive, row.deleted, row.partnerOrganizationName, row.deviceDetailId],
    ['edit-1b', Buffer.from('hash-edit-1b').toString('base64'), 'pending_approval', false, false, 'ldp-1 Devices', null],
  );
  await ok('POST', SBI, provider1, sbiCreateBody('ldp-1', 'edit-2'));
  await refused('PUT', SBI, provider1, sbiUpdate(id, ' EDIT-2 '), 'PMS_AUT_512');
  // The old version was freed by the update.
  await ok('POST', SBI, provider1, sbiCreateBody('ldp-1', 'edit-1'));

  // MOSIP changes approved SBIs (and switches them on and off) too.
  await ok('PATCH', SBI, admin, v1({ id, approvalStatus: 'Activate' }));
  await refused('PUT', SBI, provider1, sbiUpdate(id, 'edit-1c', { isActive: true }), 'PMS_AUT_517');
  await refused('PUT', SBI, admin, sbiUpdate(id, 'edit-1b', { isActive: true }), 'PMS_AUT_517');
  const { id: rejected } = await ok('POST', SBI, provider1, sbiCreateBody('ldp-1', 'edit-3'));
  await ok('PATCH', SBI, admin, v1({ id: rejected, approvalStatus: 'De-activate' }));
  await refused('PUT', SBI, provider1, sbiUpdate(rejected, 'edit-3', { isActive: true }), 'PMS_AUT_518');
  await ok('PATCH', `${SBI}/${id}`, provider1, v2('mosip.pms.deactivate.sbi.patch', { status: 'De-Activate' }));
  await refused('PUT', SBI, provider1, sbiUpdate(id, 'edit-1b', { isActive: true }), 'PMS_DEVICE_ERROR_020');
  assert.deepEqual(await auditActions(id), ['createSbi', 'updateSbi', 'approveSbi', 'deactivateSbi']);
});

test("the legacy map links an approved device to another approved SBI of its provider, in step with the device's SBIs", async () => {
  const first = await approvedSbi(provider1, 'ldp-1', 'map-1');
  const second = await approvedSbi(provider1, 'ldp-1', 'map-2');
  const theirs = await approvedSbi(provider2, 'ldp-2', 'map-9');
  const deviceId = await deviceUnder(provider1, first, 'ldp-1', 'M1', 'approved');
  const pendingDevice = await deviceUnder(provider1, first, 'ldp-1', 'M2');
  const rejectedDevice = await deviceUnder(provider1, first, 'ldp-1', 'M3', 'rejected');
  const pendingSbi = (await ok('POST', SBI, provider1, sbiCreateBody('ldp-1', 'map-3'))).id;
  const map = (deviceDetailId: string, sbiId: string) => v1({ deviceDetailId, sbiId });

  await refused('PUT', MAP, provider1, map('no-such-device', second), 'PMS_AUT_005');
  await refused('PUT', MAP, provider1, map(rejectedDevice, second), 'PMS_AUT_028');
  await refused('PUT', MAP, provider1, map(pendingDevice, second), 'PMS_AUT_027');
  await refused('PUT', MAP, provider1, map(deviceId, pendingSbi), 'PMS_AUT_511');
  await refused('PUT', MAP, provider1, map(deviceId, theirs), 'PMS_AUT_007');
  await refused('PUT', MAP, provider2, map(deviceId, theirs), 'PMS_AUT_005');
  await refused('PUT', MAP, admin, map(deviceId, theirs), 'PMS_AUT_509');
  await refused('PUT', MAP, provider1, map(deviceId, ''), 'PMS_COR_001');

  assert.equal(await ok('PUT', MAP, provider1, map(deviceId, second)), 'Success');
  assert.equal(await ok('PUT', MAP, provider1, map(deviceId, second)), 'Mapping already exists');
  await refused('PUT', MAP, provider2, map(deviceId, second), 'PMS_AUT_005');
  const rows = await ok('GET', `${DEVICES}?deviceId=${deviceId}&sortFieldName=sbiVersion&sortType=asc&pageNo=0&pageSize=8`, admin);
  assert.deepEqual(
    rows.data.map((row: Record<string, unknown>) => row.sbiVersion),
    ['map-1', 'map-2'],
    "the device's SBIs follow its links",
  );

  const mapped = await ok(
    'POST',
    `${MAP}/search`,
    provider1,
    search([{ columnName: 'deviceDetailId', type: 'equals', value: deviceId }], [{ sortField: 'crDtimes', sortType: 'asc' }]),
  );
  assert.deepEqual(
    mapped.data.map((row: Record<string, unknown>) => [row.sbiId, row.providerId, row.providerName, row.make, row.model, row.swVersion]),
    [
      [first, 'ldp-1', 'ldp-1 Devices', 'Acme', 'M1', 'map-1'],
      [second, 'ldp-1', 'ldp-1 Devices', 'Acme', 'M1', 'map-2'],
    ],
  );
  assert.equal((await ok('POST', `${MAP}/search`, provider2, search([{ columnName: 'deviceDetailId', type: 'equals', value: deviceId }]))).data, null);
  await refused('POST', `${MAP}/search`, provider1, search([], [{ sortField: 'partnerName', sortType: 'asc' }]), 'PMS-MSD-357');

  await refused('PUT', `${MAP}/remove`, provider2, map(deviceId, second), 'PMS_AUT_510');
  assert.equal(await ok('PUT', `${MAP}/remove`, provider1, map(deviceId, second)), 'Success');
  await refused('PUT', `${MAP}/remove`, provider1, map(deviceId, second), 'PMS_AUT_510');
  const remaining = await ok('GET', `${DEVICES}?deviceId=${deviceId}`, admin);
  assert.deepEqual(
    remaining.data.map((row: Record<string, unknown>) => row.sbiVersion),
    ['map-1'],
  );
  assert.deepEqual(await auditActions(deviceId), ['addDeviceToSbi', 'approveDevice', 'mapDeviceToSbi', 'unmapDeviceFromSbi']);
});

test('legacy searches and filter values cover what the caller may see: a partner admin everything, a provider its own', async () => {
  const sbiId = await approvedSbi(provider2, 'ldp-2', 'search-1');
  await ok('POST', DEVICES, provider2, legacyDevice('ldp-2', 'Zeta', 'Z1', { id: 'zeta-2' }));
  await ok('POST', DEVICES, provider1, legacyDevice('ldp-1', 'Zeta', 'Z1', { id: 'zeta-1' }));

  const providers = async (path: string, token: string, field: string) =>
    [...new Set(((await ok('POST', path, token, search([], [], 1000))).data ?? []).map((row: Record<string, unknown>) => row[field]))].sort();
  assert.deepEqual(await providers(`${SBI}/search`, provider1, 'providerId'), ['ldp-1']);
  assert.deepEqual(await providers(`${SBI}/search`, provider2, 'providerId'), ['ldp-2']);
  assert.deepEqual(await providers(`${SBI}/search`, admin, 'providerId'), ['ldp-1', 'ldp-2']);
  assert.deepEqual(await providers(`${DEVICES}/search`, provider2, 'deviceProviderId'), ['ldp-2']);
  assert.deepEqual(await providers(`${DEVICES}/search`, admin, 'deviceProviderId'), ['ldp-1', 'ldp-2']);
  assert.equal((await ok('POST', `${SBI}/search`, provider1, search([{ columnName: 'id', type: 'equals', value: sbiId }]))).data, null);

  const byOrganisation = await ok(
    'POST',
    `${DEVICES}/search`,
    admin,
    search([{ columnName: 'partnerOrganizationName', type: 'contains', value: 'LDP-2 devices' }]),
  );
  assert.deepEqual([...new Set(byOrganisation.data.map((row: Record<string, unknown>) => row.deviceProviderId))], ['ldp-2']);
  assert.deepEqual(
    await ok('POST', `${DEVICES}/search`, provider1, search([{ columnName: 'partnerOrganizationName', type: 'equals', value: 'ldp-2 Devices' }])),
    {
      fromRecord: 0,
      toRecord: 0,
      totalRecord: 0,
      data: null,
    },
  );
  await refused('POST', `${DEVICES}/search`, provider1, search([{ columnName: 'mo@@del', type: 'equals', value: 'x' }]), 'PMS-MSD-310');
  await refused('POST', `${DEVICES}/search`, provider1, search([], [{ sortField: 'crDtimes', sortType: 'asc' }]), 'PMS-MSD-357');
  await refused('POST', `${SBI}/search`, provider1, search([], [{ sortField: 'swVersion', sortType: 'up' }]), 'PMS-MSD-358');

  const zeta = await ok(
    'POST',
    `${DEVICES}/filtervalues`,
    provider1,
    v1({ filters: [{ columnName: 'make', type: 'unique', text: 'zet' }], purpose: 'REGISTRATION' }),
  );
  assert.deepEqual(zeta.filters, [{ fieldID: 'make', fieldCode: 'zeta-1', fieldValue: 'Zeta Z1' }]);
  const adminZeta = await ok('POST', `${DEVICES}/filtervalues`, admin, v1({ filters: [{ columnName: 'make', type: 'all', text: 'zet' }] }));
  assert.deepEqual(
    adminZeta.filters.map((value: Record<string, unknown>) => value.fieldCode),
    ['zeta-1', 'zeta-2'],
  );
  const versions = await ok('POST', `${SBI}/filtervalues`, provider1, v1({ filters: [{ columnName: 'providerId', type: 'unique', text: 'ldp' }] }));
  assert.deepEqual([...new Set(versions.filters.map((value: Record<string, unknown>) => value.fieldValue))], ['ldp-1']);
  await refused('POST', `${SBI}/filtervalues`, provider1, v1({ filters: [{ columnName: 'providerId', type: '', text: 'x' }] }), 'PMS-MSD-322');
  await refused('POST', `${SBI}/filtervalues`, provider1, v1({ filters: [{ columnName: 'asrfg', type: 'all', text: 'x' }] }), 'PMS-MSD-317');
  await refused('POST', `${DEVICES}/filtervalues`, provider1, v1({ filters: [{ columnName: 'id', type: 'asdf', text: 'x' }] }), 'PMS-MSD-324');
});
