import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { settledItems, withoutChanges } from '../support/no-change.js';
import { activateStoredPartner, expectOk, v1, v2 } from '../support/pms-calls.js';

const PM = '/v1/partnermanager';
const SBI = `${PM}/securebiometricinterface`;
const DAY_MS = 86_400_000;
let stack: LocalStack;
let admin: string;
let provider: string;
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
const utcDay = (instant: number) => new Date(instant).toISOString().slice(0, 10);
/** Six in the morning (UTC) of the day `days` after the day of `instant`. */
const morningAfter = (instant: string, days: number) => new Date(Date.parse(`${utcDay(Date.parse(instant))}T06:00:00.000Z`) + days * DAY_MS);

/** The SBIs: an approved one with an approved and a pending device, a pending one, and an approved one that lasts longer. */
const sbis = { approved: '', pending: '', later: '' };
const devices = { approved: '', pending: '' };
/** When the first two expire (both on the same day), 20 days from now. */
const expiry = new Date(Date.now() + 20 * DAY_MS).toISOString();

async function createSbi(swVersion: string, swExpiryDateTime: string, approve: boolean): Promise<string> {
  const swCreateDateTime = new Date(Date.now() - DAY_MS).toISOString();
  const { id } = await ok('POST', SBI, provider, v1({ swBinaryHash: `hash-${swVersion}`, swVersion, swCreateDateTime, swExpiryDateTime, providerId: 'dp-1' }));
  if (approve) await ok('PATCH', SBI, admin, v1({ id, approvalStatus: 'Activate' }));
  return id;
}

async function addDevice(sbiId: string, model: string): Promise<string> {
  const request = { id: null, deviceProviderId: 'dp-1', deviceTypeCode: 'Finger', deviceSubTypeCode: 'Slap', make: 'Acme', model };
  return (await ok('POST', `${SBI}/${sbiId}/devices`, provider, v2('mosip.pms.add.device.to.sbi.id.post', request))).id;
}

async function runJob(name: string, at: Date) {
  const { code, stdout, stderr } = await stack.runJob(name, at);
  assert.equal(code, 0, stderr);
  await settledItems(stack);
  return (JSON.parse(stdout) as { report: Record<string, number> }).report;
}

/** Each SBI's (derived) status and active flag, as the admin list shows them. */
async function sbiStates() {
  const rows = (await ok('GET', SBI, admin)).data as { sbiId: string; status: string; isActive: boolean }[];
  return Object.fromEntries(rows.map((row) => [row.sbiId, [row.status, row.isActive]]));
}

async function deviceStates(sbiId: string) {
  const rows = (await ok('GET', `${SBI}/${sbiId}/devices`, provider)) as { deviceId: string; status: string; isActive: boolean }[];
  return Object.fromEntries(rows.map((row) => [row.deviceId, [row.status, row.isActive]]));
}

async function schedulerAudits(objectType: string, objectId: string) {
  const items = await settledItems(stack);
  return items.filter((item) => item.pk === `AUDIT#${objectType}#${objectId}` && item.actor === 'pms-scheduler').map((item) => [item.action, item.details]);
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN']);
  provider = await stack.token('dp-1', ['DEVICE_PROVIDER']);
  await ok(
    'POST',
    `${PM}/partners`,
    provider,
    v1({
      partnerId: 'dp-1',
      partnerType: 'Device_Provider',
      organizationName: 'DP One Devices',
      address: 'Pune',
      contactNumber: '+919800000000',
      emailId: 'dp-1@example.org',
      langCode: 'eng',
    }),
  );
  await activateStoredPartner(stack.table, 'dp-1');
  sbis.approved = await createSbi('1.0', expiry, true);
  sbis.pending = await createSbi('2.0', expiry, false);
  sbis.later = await createSbi('3.0', new Date(Date.parse(expiry) + 60 * DAY_MS).toISOString(), true);
  devices.approved = await addDevice(sbis.approved, 'S1');
  devices.pending = await addDevice(sbis.approved, 'S2');
  const approval = v2('mosip.pms.approval.mapping.device.to.sbi.post', { partnerId: 'dp-1', sbiId: sbis.approved, status: 'approved' });
  assert.equal(await ok('POST', `${PM}/devicedetail/${devices.approved}/approval`, admin, approval), true);
});
after(() => stack?.stop());

test('ten days before, the provider is told of its two SBIs that expire (notificationType=sbi and its default list), not of the later one', async () => {
  const report = await runJob('expiry-notifications', morningAfter(expiry, -10));
  assert.equal(report.created, 2);
  const listed = await ok('GET', `${PM}/notifications?notificationType=sbi&pageSize=10`, provider);
  const rows = listed.data as { notificationType: string; notificationPartnerId: string; notificationDetails: { sbiDetails: Record<string, string>[] } }[];
  assert.deepEqual(
    rows.map((row) => [row.notificationType, row.notificationPartnerId, row.notificationDetails.sbiDetails.length]),
    [
      ['SBI_EXPIRY', 'dp-1', 1],
      ['SBI_EXPIRY', 'dp-1', 1],
    ],
  );
  const details = rows.map((row) => row.notificationDetails.sbiDetails[0]!);
  assert.deepEqual(details.map((detail) => detail.sbiId).sort(), [sbis.approved, sbis.pending].sort());
  const first = details.find((detail) => detail.sbiId === sbis.approved)!;
  assert.deepEqual(
    [first.sbiVersion, first.partnerId, first.expiryDateTime, first.expiryPeriod, first.sbiBinaryHash],
    ['1.0', 'dp-1', expiry, '10', 'hash-1.0'],
  );
  assert.equal((await ok('GET', `${PM}/notifications`, provider)).totalResults, 2, "a partner's default list holds its SBI notices");
});

test('on the expiry day the switch-off job leaves the SBIs on', async () => {
  await withoutChanges(
    stack,
    'a run on the expiry day',
    async () => assert.deepEqual(await runJob('expire-credentials', morningAfter(expiry, 0)), { read: 0, switchedOff: 0 }),
    (item) => item.entity === 'JobProgress',
  );
});

test('the day after, the approved SBI is deactivated with its devices and the pending one rejected, by the scheduler; the same run again changes nothing', async () => {
  const nextDay = morningAfter(expiry, 1);
  assert.deepEqual(await runJob('expire-credentials', nextDay), { read: 2, switchedOff: 2 });
  assert.deepEqual(await sbiStates(), {
    [sbis.approved]: ['deactivated', false],
    [sbis.pending]: ['rejected', false],
    [sbis.later]: ['approved', true],
  });
  // This list gives the approval status as stored (MOSIP's): a deactivated device is approved and inactive.
  assert.deepEqual(await deviceStates(sbis.approved), {
    [devices.approved]: ['approved', false],
    [devices.pending]: ['rejected', false],
  });
  assert.deepEqual(await schedulerAudits('SecureBiometricInterface', sbis.approved), [['deactivateSbi', { providerId: 'dp-1', cause: 'expired' }]]);
  assert.deepEqual(await schedulerAudits('SecureBiometricInterface', sbis.pending), [['rejectSbi', { providerId: 'dp-1', cause: 'expired' }]]);
  assert.deepEqual(await schedulerAudits('DeviceDetail', devices.approved), [['deactivateDeviceWithSbi', { sbiId: sbis.approved }]]);
  assert.deepEqual(await schedulerAudits('DeviceDetail', devices.pending), [['rejectDeviceWithSbi', { sbiId: sbis.approved }]]);
  const calendar = (await settledItems(stack)).filter((item) => item.gsi3pk === 'EXPIRY#SBI').map((item) => item.id);
  assert.deepEqual(calendar, [sbis.later], 'only the live SBI stays on the calendar');

  await withoutChanges(
    stack,
    'the same run again',
    async () => assert.deepEqual(await runJob('expire-credentials', nextDay), { read: 0, switchedOff: 0 }),
    (item) => item.entity === 'JobProgress',
  );
});
