import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { activeDeviceProvider, addDeviceBody, DEVICE_API_IDS, daysFromNow, sbiCreateBody } from '../support/device-calls.js';
import { listTableItems } from '../support/dynamodb.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { withoutChanges } from '../support/no-change.js';
import { expectOk, expectRefused, v1, v2 } from '../support/pms-calls.js';

const PM = '/v1/partnermanager';
const SBI = `${PM}/securebiometricinterface`;
const DEVICES = `${PM}/devicedetail`;
const { approveDevice: APPROVE_DEVICE, deactivateSbi: DEACTIVATE_SBI, deactivateDevice: DEACTIVATE_DEVICE } = DEVICE_API_IDS;

let stack: LocalStack;
let admin: string;
let provider1: string;
let provider2: string;
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
const refused = (method: string, path: string, token: string, body: unknown, code: string) => expectRefused(stack, method, path, token, body, code);

async function sbiList(token: string, query = '') {
  return ok('GET', `${SBI}${query}`, token);
}

async function auditActions(objectId: string): Promise<string[]> {
  const items = await listTableItems(stack.table);
  return items.filter((item) => item.entity === 'Audit' && item.objectId === objectId).map((item) => String(item.action));
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  provider1 = await activeDeviceProvider(stack, admin, 'dp-1');
  provider2 = await activeDeviceProvider(stack, admin, 'dp-2');
});
after(() => stack?.stop());

const state: { sbiId?: string; approvedDevice?: string; rejectedDevice?: string } = {};

test('the journey: an SBI, two devices, the admin approves the SBI and one device and rejects the other; lists and counts follow', async () => {
  const { id: sbiId } = await ok('POST', SBI, provider1, sbiCreateBody('dp-1', '1.0.0'));
  assert.match(sbiId, /^[0-9a-f-]{36}$/);
  state.sbiId = sbiId;
  const pendingRow = (await sbiList(provider1)).data[0];
  assert.deepEqual([pendingRow.sbiId, pendingRow.status, pendingRow.isActive, pendingRow.orgName], [sbiId, 'pending_approval', false, 'dp-1 Devices']);
  assert.equal((await ok('GET', `${PM}/admin-dashboard/counts`, admin)).pendingSbis, 1);

  // A device waits for an approved SBI.
  await refused('POST', `${SBI}/${sbiId}/devices`, provider1, addDeviceBody('dp-1', 'Acme', 'S1'), 'PMS_DEVICE_ERROR_009');
  assert.equal(await ok('PATCH', SBI, admin, v1({ id: sbiId, approvalStatus: 'Activate' })), 'Secure biometric details approved successfully.');
  await refused('PATCH', SBI, admin, v1({ id: sbiId, approvalStatus: 'Activate' }), 'PMS_AUT_517');

  const first = await ok('POST', `${SBI}/${sbiId}/devices`, provider1, addDeviceBody('dp-1', 'Acme', 'S1'));
  const second = await ok('POST', `${SBI}/${sbiId}/devices`, provider1, addDeviceBody('dp-1', '  Acme ', 'S2   Pro'));
  const devices = await ok('GET', `${SBI}/${sbiId}/devices`, provider1);
  assert.deepEqual(
    devices.map((device: Record<string, unknown>) => [device.deviceId, device.make, device.model, device.status, device.isActive]),
    [
      [first.id, 'Acme', 'S1', 'pending_approval', false],
      [second.id, 'Acme', 'S2 Pro', 'pending_approval', false],
    ],
  );
  assert.equal((await ok('GET', `${PM}/admin-dashboard/counts`, admin)).pendingDevices, 2);

  assert.equal(await ok('POST', `${DEVICES}/${first.id}/approval`, admin, v2(APPROVE_DEVICE, { partnerId: 'dp-1', sbiId, status: 'approved' })), true);
  assert.equal(await ok('POST', `${DEVICES}/${second.id}/approval`, admin, v2(APPROVE_DEVICE, { partnerId: 'dp-1', sbiId, status: 'rejected' })), true);
  state.approvedDevice = first.id;
  state.rejectedDevice = second.id;

  const row = (await sbiList(admin, `?sbiId=${sbiId}`)).data[0];
  assert.deepEqual(
    [row.status, row.isActive, row.countOfAssociatedDevices, row.countOfApprovedDevices, row.countOfPendingDevices, row.sbiExpiryStatus],
    ['approved', true, 2, 1, 0, 'valid'],
  );
  const adminDevices = await ok('GET', `${DEVICES}?sbiId=${sbiId}&sortFieldName=model&sortType=asc&pageNo=0&pageSize=8`, admin);
  assert.deepEqual(
    adminDevices.data.map((device: Record<string, unknown>) => [device.deviceId, device.status, device.sbiVersion, device.orgName]),
    [
      [first.id, 'approved', '1.0.0', 'dp-1 Devices'],
      [second.id, 'rejected', '1.0.0', 'dp-1 Devices'],
    ],
  );
  assert.equal(adminDevices.totalResults, 2);
  const counts = await ok('GET', `${PM}/admin-dashboard/counts`, admin);
  assert.deepEqual([counts.pendingSbis, counts.pendingDevices], [0, 0]);
  assert.deepEqual(await auditActions(first.id), ['addDeviceToSbi', 'approveDevice']);
});

test('bad input gets MOSIP codes and writes nothing', async () => {
  const sbiId = state.sbiId!;
  await refused('POST', `${SBI}/${sbiId}/devices`, provider1, addDeviceBody('dp-1', 'Acme', 'S3', { deviceSubTypeCode: 'Nose' }), 'PMS_AUT_001');
  await refused('POST', `${SBI}/${sbiId}/devices`, provider1, addDeviceBody('dp-1', 'acme', ' s1 '), 'PMS_AUT_003');
  await refused('POST', SBI, provider1, sbiCreateBody('dp-1', ' 1.0.0 '), 'PMS_AUT_512');
  await refused('POST', SBI, provider1, sbiCreateBody('dp-1', '2.0', { swCreateDateTime: daysFromNow(2), swExpiryDateTime: daysFromNow(1) }), 'PMS_AUT_514');
  await refused('POST', SBI, provider1, sbiCreateBody('dp-1', '2.0', { swExpiryDateTime: daysFromNow(-1) }), 'PMS_AUT_508');
  await refused('POST', SBI, provider1, sbiCreateBody('dp-1', '2.0', { swCreateDateTime: daysFromNow(-11 * 366) }), 'PMS_AUT_516');
  await refused('POST', SBI, provider1, sbiCreateBody('dp-1', '2.0', { swExpiryDateTime: daysFromNow(11 * 366) }), 'PMS_AUT_515');
  for (const [field, value] of [
    ['swVersion', 'v'.repeat(65)],
    ['swBinaryHash', 'h'.repeat(37)],
    ['swCreateDateTime', '2026-02-30T00:00:00.000Z'],
  ] as const) {
    const answer = await withoutChanges(stack, `oversized ${field}`, () =>
      stack.request('POST', SBI, { token: provider1, body: sbiCreateBody('dp-1', '3.0', { [field]: value }) }),
    );
    assert.equal(answer.status, 400);
    assert.equal(answer.json.errors[0].errorCode, 'PMS_COR_001');
    assert.match(answer.json.errors[0].message, new RegExp(`request\\.${field}$`));
  }
  const longMake = await withoutChanges(stack, 'oversized make', () =>
    stack.request('POST', `${SBI}/${sbiId}/devices`, { token: provider1, body: addDeviceBody('dp-1', 'm'.repeat(37), 'x') }),
  );
  assert.equal(longMake.json.errors[0].errorCode, 'PMS_COR_001');
  await refused('PATCH', SBI, admin, v1({ id: sbiId, approvalStatus: 'Maybe' }), 'PMS_AUT_517');
  const { id: pending } = await ok('POST', SBI, provider1, sbiCreateBody('dp-1', '4.0'));
  await refused('PATCH', SBI, admin, v1({ id: pending, approvalStatus: 'Maybe' }), 'PMS_AUT_026');
  await refused(
    'POST',
    `${DEVICES}/${state.approvedDevice}/approval`,
    admin,
    v2(APPROVE_DEVICE, { partnerId: 'dp-1', sbiId, status: 'approve' }),
    'PMS_DEVICE_ERROR_027',
  );
  await refused(
    'POST',
    `${DEVICES}/${state.approvedDevice}/approval`,
    admin,
    v2(APPROVE_DEVICE, { partnerId: 'dp-1', status: 'approved' }),
    'PMS_DEVICE_ERROR_024',
  );
  await refused(
    'POST',
    `${DEVICES}/${state.approvedDevice}/approval`,
    admin,
    v2(APPROVE_DEVICE, { partnerId: 'dp-1', sbiId, status: 'approved' }),
    'PMS_DEVICE_ERROR_010',
  );
  await refused('POST', `${SBI}/${pending}/devices`, provider1, addDeviceBody('dp-1', 'Acme', 'P1'), 'PMS_DEVICE_ERROR_009');
  await refused('PATCH', `${SBI}/${sbiId}`, provider1, v2(DEACTIVATE_SBI, { status: 'Deactivate' }), 'PMS_DEVICE_ERROR_026');
  await refused('PATCH', `${SBI}/${pending}`, provider1, v2(DEACTIVATE_SBI, { status: 'De-Activate' }), 'PMS_DEVICE_ERROR_022');
  await refused('PATCH', `${DEVICES}/${state.rejectedDevice}`, provider1, v2(DEACTIVATE_DEVICE, { status: 'De-Activate' }), 'PMS_DEVICE_ERROR_023');
});

test('another provider is refused on every object route, and sees none of it in its lists', async () => {
  const sbiId = state.sbiId!;
  const deviceId = state.approvedDevice!;
  await refused('POST', SBI, provider2, sbiCreateBody('dp-1', '9.9'), 'PMS_AUT_002');
  await refused('POST', `${SBI}/${sbiId}/devices`, provider2, addDeviceBody('dp-1', 'Other', 'O1'), 'PMS_DEVICE_ERROR_001');
  await refused('POST', `${SBI}/${sbiId}/devices`, provider2, addDeviceBody('dp-2', 'Other', 'O1'), 'PMS_DEVICE_ERROR_002');
  await refused('GET', `${SBI}/${sbiId}/devices`, provider2, undefined, 'PMS_DEVICE_ERROR_019');
  await refused('PATCH', `${SBI}/${sbiId}`, provider2, v2(DEACTIVATE_SBI, { status: 'De-Activate' }), 'PMS_DEVICE_ERROR_019');
  await refused('PATCH', `${DEVICES}/${deviceId}`, provider2, v2(DEACTIVATE_DEVICE, { status: 'De-Activate' }), 'PMS_DEVICE_ERROR_016');
  const theirs = await sbiList(provider2);
  assert.deepEqual(theirs.data, []);
  const forbidden = await stack.request('GET', DEVICES, { token: provider2 });
  assert.equal(forbidden.status, 403);
  const decide = await stack.request('PATCH', SBI, { token: provider2, body: v1({ id: sbiId, approvalStatus: 'De-activate' }) });
  assert.equal(decide.status, 403);
});

test('20 parallel decisions on one SBI or one device: one outcome, one audit record', async () => {
  const { id: sbiId } = await ok('POST', SBI, provider2, sbiCreateBody('dp-2', 'race-1'));
  const sbiAnswers = await Promise.all(
    Array.from({ length: 20 }, (_, index) =>
      stack.request('PATCH', SBI, { token: admin, body: v1({ id: sbiId, approvalStatus: index % 2 === 0 ? 'Activate' : 'De-activate' }) }),
    ),
  );
  const sbiWins = sbiAnswers.filter((answer) => answer.json.errors.length === 0);
  assert.equal(sbiWins.length, 1, JSON.stringify(sbiAnswers.map((answer) => answer.json.errors)));
  const decisions = (await auditActions(sbiId)).filter((action) => action === 'approveSbi' || action === 'rejectSbi');
  assert.equal(decisions.length, 1);
  const expected = sbiWins[0]!.json.response === 'Secure biometric details approved successfully.' ? 'approveSbi' : 'rejectSbi';
  assert.equal(decisions[0], expected);

  const { id: approved } = await ok('POST', SBI, provider2, sbiCreateBody('dp-2', 'race-2'));
  await ok('PATCH', SBI, admin, v1({ id: approved, approvalStatus: 'Activate' }));
  const { id: deviceId } = await ok('POST', `${SBI}/${approved}/devices`, provider2, addDeviceBody('dp-2', 'Race', 'R1'));
  const deviceAnswers = await Promise.all(
    Array.from({ length: 20 }, (_, index) =>
      stack.request('POST', `${DEVICES}/${deviceId}/approval`, {
        token: admin,
        body: v2(APPROVE_DEVICE, { partnerId: 'dp-2', sbiId: approved, status: index % 2 === 0 ? 'approved' : 'rejected' }),
      }),
    ),
  );
  assert.equal(deviceAnswers.filter((answer) => answer.json.errors.length === 0).length, 1);
  assert.equal((await auditActions(deviceId)).filter((action) => action === 'approveDevice' || action === 'rejectDevice').length, 1);
});

test('deactivating the SBI deactivates its approved devices and rejects its pending ones; a deactivated SBI stays off', async () => {
  const sbiId = state.sbiId!;
  const { id: pendingDevice } = await ok('POST', `${SBI}/${sbiId}/devices`, provider1, addDeviceBody('dp-1', 'Acme', 'S4'));
  const answer = await ok('PATCH', `${SBI}/${sbiId}`, provider1, v2(DEACTIVATE_SBI, { status: 'De-Activate' }));
  assert.deepEqual(answer, { sbiId, sbiVersion: '1.0.0', status: 'approved', isActive: false });
  const devices = await ok('GET', `${SBI}/${sbiId}/devices`, provider1);
  const byId = new Map(devices.map((device: Record<string, unknown>) => [device.deviceId, [device.status, device.isActive]]));
  assert.deepEqual(byId.get(state.approvedDevice), ['approved', false]);
  assert.deepEqual(byId.get(pendingDevice), ['rejected', false]);
  assert.deepEqual(byId.get(state.rejectedDevice), ['rejected', false]);
  assert.equal((await sbiList(admin, `?sbiId=${sbiId}`)).data[0].status, 'deactivated');

  // MOSIP's approval endpoint let a deactivated SBI through its guards and switched it back on.
  await refused('PATCH', SBI, admin, v1({ id: sbiId, approvalStatus: 'Activate' }), 'PMS_DEVICE_ERROR_020');
  await refused('PATCH', `${SBI}/${sbiId}`, provider1, v2(DEACTIVATE_SBI, { status: 'De-Activate' }), 'PMS_DEVICE_ERROR_020');
  await refused('POST', `${SBI}/${sbiId}/devices`, provider1, addDeviceBody('dp-1', 'Acme', 'S5'), 'PMS_DEVICE_ERROR_029');
  await refused('PATCH', `${DEVICES}/${state.approvedDevice}`, provider1, v2(DEACTIVATE_DEVICE, { status: 'De-Activate' }), 'PMS_DEVICE_ERROR_014');
  // The rejected and deactivated devices freed their make and model.
  const { id: again } = await ok('POST', SBI, provider1, sbiCreateBody('dp-1', '5.0'));
  await ok('PATCH', SBI, admin, v1({ id: again, approvalStatus: 'Activate' }));
  await ok('POST', `${SBI}/${again}/devices`, provider1, addDeviceBody('dp-1', 'Acme', 'S1'));
});

test('a device is deactivated on its own by its provider; the SBI list filters and pages', async () => {
  const { id: sbiId } = await ok('POST', SBI, provider1, sbiCreateBody('dp-1', '6.0'));
  await ok('PATCH', SBI, admin, v1({ id: sbiId, approvalStatus: 'Activate' }));
  const { id: deviceId } = await ok('POST', `${SBI}/${sbiId}/devices`, provider1, addDeviceBody('dp-1', 'Solo', 'D1'));
  await ok('POST', `${DEVICES}/${deviceId}/approval`, admin, v2(APPROVE_DEVICE, { partnerId: 'dp-1', sbiId, status: 'approved' }));
  assert.deepEqual(await ok('PATCH', `${DEVICES}/${deviceId}`, provider1, v2(DEACTIVATE_DEVICE, { status: 'De-Activate' })), {
    deviceId,
    status: 'approved',
    isActive: false,
  });
  const deactivated = await ok('GET', `${DEVICES}?deviceId=${deviceId}&status=deactivated`, admin);
  assert.deepEqual(
    deactivated.data.map((device: Record<string, unknown>) => device.deviceId),
    [deviceId],
  );
  const page = await sbiList(provider1, '?status=approved&sortFieldName=sbiVersion&sortType=desc&pageNo=0&pageSize=1');
  assert.equal(page.data.length, 1);
  assert.equal(page.data[0].sbiVersion, '6.0');
  assert.ok(page.totalResults >= 2);
  await refused('GET', `${SBI}?sortFieldName=sbiVersion&sortType=desc`, provider1, undefined, 'PMS_PS_ERROR_008');
  await refused('GET', `${SBI}?sortFieldName=nope&sortType=desc&pageNo=0&pageSize=1`, provider1, undefined, 'PMS_PRT_357');
});
