import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEntry } from '../../functions/domain/audit.js';
import type { ApprovalStatus } from '../../functions/domain/devices/approval.js';
import type { DeviceDetail, DeviceSbiLink } from '../../functions/domain/devices/device.js';
import type { DeviceChangeSet, DeviceRepository } from '../../functions/domain/devices/ports.js';
import { awaitsExpiry, type Sbi } from '../../functions/domain/devices/sbi.js';
import { switchOffExpiredSbi } from '../../functions/domain/devices/sbi-expiry.js';
import { type ExpireCredentialsDeps, expireCredentials, SCHEDULER_ACTOR } from '../../functions/domain/expiry/expire-credentials.js';
import type { ExpiryCalendar } from '../../functions/domain/expiry/expiry-calendar.js';
import type { Change } from '../../functions/domain/ports.js';
import { ConcurrentModificationError } from '../../functions/errors/pms-error.js';

/** The job's time: half past midnight on 10 March. */
const NOW = new Date('2027-03-10T00:30:00.000Z');
const YESTERDAY = '2027-03-09T18:00:00.000Z';

const columns = { crBy: 'dp-1', crDtimes: '2027-01-01T00:00:00.000Z', updBy: null, updDtimes: null, revision: 3 };

function sbi(id: string, approvalStatus: ApprovalStatus, isActive: boolean, swExpiryDateTime = YESTERDAY): Sbi {
  const swCreateDateTime = '2027-01-01T00:00:00.000Z';
  return { id, providerId: 'dp-1', swVersion: id, swBinaryHash: `hash-${id}`, swCreateDateTime, swExpiryDateTime, approvalStatus, isActive, ...columns };
}

function device(id: string, approvalStatus: ApprovalStatus, isActive: boolean, sbiId: string): DeviceDetail {
  const model = { deviceTypeCode: 'Finger', deviceSubTypeCode: 'Slap', make: 'Acme', model: id };
  return { id, deviceProviderId: 'dp-1', ...model, approvalStatus, isActive, sbiIds: [sbiId], ...columns };
}

function link(sbiId: string, deviceId: string): DeviceSbiLink {
  return { sbiId, deviceId, providerId: 'dp-1', isActive: true, ...columns };
}

/**
 * SBIs and devices in memory. `commit` is all or nothing and conditional on every revision read, as the table's
 * transaction; `beforeCommit` lets a test fail a commit or change the store first.
 */
function deviceStore(sbis: Sbi[], devices: DeviceDetail[] = []) {
  const stored = { sbis: new Map(sbis.map((item) => [item.id, item])), devices: new Map(devices.map((item) => [item.id, item])) };
  const links = devices.flatMap((item) => item.sbiIds.map((sbiId) => link(sbiId, item.id)));
  const audits: AuditEntry[] = [];
  const hooks: { beforeCommit?: (changes: DeviceChangeSet) => void } = {};
  const unchanged = <T extends { id: string; revision: number }>(map: Map<string, T>, read: T) => map.get(read.id)?.revision === read.revision;
  const apply = <T extends { id: string; revision: number }>(map: Map<string, T>, { next, previous }: Change<T>) => {
    assert.ok(previous, 'the expiry job makes nothing new');
    map.set(next.id, { ...next, revision: previous.revision + 1 });
  };
  const repository: Pick<DeviceRepository, 'getSbi' | 'linksOfSbi' | 'devicesByIds' | 'commit'> = {
    getSbi: async (id) => stored.sbis.get(id),
    linksOfSbi: async (sbiId) => links.filter((candidate) => candidate.sbiId === sbiId),
    devicesByIds: async (ids) => ids.flatMap((id) => stored.devices.get(id) ?? []),
    async commit(changes) {
      hooks.beforeCommit?.(changes);
      const reads = [
        ...(changes.sbis ?? []).map(({ previous }) => unchanged(stored.sbis, previous!)),
        ...(changes.unchangedSbis ?? []).map((read) => unchanged(stored.sbis, read)),
        ...(changes.devices ?? []).map(({ previous }) => unchanged(stored.devices, previous!)),
      ];
      if (reads.includes(false)) throw new ConcurrentModificationError('SBIs or devices');
      for (const change of changes.sbis ?? []) apply(stored.sbis, change);
      for (const change of changes.devices ?? []) apply(stored.devices, change);
      audits.push(...changes.audits);
    },
  };
  const deps = { devices: repository as DeviceRepository, clock: { now: () => NOW } };
  const state = (map: Map<string, Sbi | DeviceDetail>) => Object.fromEntries([...map.values()].map((item) => [item.id, [item.approvalStatus, item.isActive]]));
  return { deps, stored, audits, hooks, sbiStates: () => state(stored.sbis), deviceStates: () => state(stored.devices) };
}

const auditRows = (audits: AuditEntry[]) => audits.map((audit) => [audit.actor, audit.action, audit.objectType, audit.objectId, audit.details]);

test('an approved SBI past its expiry date is deactivated with its devices: approved ones deactivated, pending ones rejected, the rest left alone', async () => {
  const store = deviceStore(
    [sbi('sbi-1', 'approved', true)],
    [
      device('d-approved', 'approved', true, 'sbi-1'),
      device('d-pending', 'pending_approval', false, 'sbi-1'),
      device('d-rejected', 'rejected', false, 'sbi-1'),
      device('d-deactivated', 'approved', false, 'sbi-1'),
    ],
  );
  assert.equal(await switchOffExpiredSbi(store.deps, SCHEDULER_ACTOR, 'sbi-1'), true);
  assert.deepEqual(store.sbiStates(), { 'sbi-1': ['approved', false] });
  assert.deepEqual(store.deviceStates(), {
    'd-approved': ['approved', false],
    'd-pending': ['rejected', false],
    'd-rejected': ['rejected', false],
    'd-deactivated': ['approved', false],
  });
  assert.deepEqual(auditRows(store.audits), [
    ['pms-scheduler', 'deactivateDeviceWithSbi', 'DeviceDetail', 'd-approved', { sbiId: 'sbi-1' }],
    ['pms-scheduler', 'rejectDeviceWithSbi', 'DeviceDetail', 'd-pending', { sbiId: 'sbi-1' }],
    ['pms-scheduler', 'deactivateSbi', 'SecureBiometricInterface', 'sbi-1', { providerId: 'dp-1', cause: 'expired' }],
  ]);
  const switchedOff = store.stored.sbis.get('sbi-1')!;
  assert.deepEqual([switchedOff.updBy, switchedOff.updDtimes, switchedOff.revision], ['pms-scheduler', NOW.toISOString(), 4]);

  assert.equal(await switchOffExpiredSbi(store.deps, SCHEDULER_ACTOR, 'sbi-1'), false, 'a second call finds it off');
  assert.equal(store.audits.length, 3, 'and writes nothing');
});

test('a pending SBI past its expiry date is rejected, with its pending devices', async () => {
  const store = deviceStore([sbi('sbi-pending', 'pending_approval', false)], [device('d-pending', 'pending_approval', false, 'sbi-pending')]);
  assert.equal(await switchOffExpiredSbi(store.deps, SCHEDULER_ACTOR, 'sbi-pending'), true);
  assert.deepEqual(store.sbiStates(), { 'sbi-pending': ['rejected', false] });
  assert.deepEqual(store.deviceStates(), { 'd-pending': ['rejected', false] });
  assert.deepEqual(auditRows(store.audits).at(-1), [
    'pms-scheduler',
    'rejectSbi',
    'SecureBiometricInterface',
    'sbi-pending',
    { providerId: 'dp-1', cause: 'expired' },
  ]);
});

test('an SBI on its expiry day, a rejected or deactivated one, and a missing one are left as they are', async () => {
  const store = deviceStore(
    [sbi('expires-today', 'approved', true, '2027-03-10T23:59:59.999Z'), sbi('rejected', 'rejected', false), sbi('deactivated', 'approved', false)],
    [device('d-1', 'approved', true, 'expires-today')],
  );
  for (const id of ['expires-today', 'rejected', 'deactivated', 'missing']) assert.equal(await switchOffExpiredSbi(store.deps, SCHEDULER_ACTOR, id), false, id);
  assert.deepEqual(store.sbiStates(), { 'expires-today': ['approved', true], rejected: ['rejected', false], deactivated: ['approved', false] });
  assert.deepEqual(store.deviceStates(), { 'd-1': ['approved', true] });
  assert.deepEqual(store.audits, []);
});

test('an SBI an admin deactivates while the job works on it: the job reads it again and leaves it to the admin', async () => {
  const store = deviceStore([sbi('sbi-1', 'approved', true)], [device('d-1', 'approved', true, 'sbi-1')]);
  store.hooks.beforeCommit = () => {
    const read = store.stored.sbis.get('sbi-1')!;
    store.stored.sbis.set('sbi-1', { ...read, isActive: false, updBy: 'admin1', revision: read.revision + 1 });
    store.hooks.beforeCommit = undefined;
  };
  assert.equal(await switchOffExpiredSbi(store.deps, SCHEDULER_ACTOR, 'sbi-1'), false);
  assert.equal(store.stored.sbis.get('sbi-1')!.updBy, 'admin1');
  assert.deepEqual(store.deviceStates(), { 'd-1': ['approved', true] }, 'the device cascade was conditional on the SBI as read, so none of it was written');
  assert.deepEqual(store.audits, []);
});

/** The job over the store's SBI calendar (live SBIs by expiry, as the adapter keeps it); keys and licenses have none. */
function jobOver(store: ReturnType<typeof deviceStore>) {
  const progress = new Map<string, string>();
  const unexpected = async () => assert.fail('no key or license is on the calendar');
  const calendar: ExpiryCalendar = {
    async page(kind, after, until, limit) {
      const entries = (kind === 'sbi' ? [...store.stored.sbis.values()] : [])
        .filter(awaitsExpiry)
        .map((item) => ({ key: `${item.swExpiryDateTime}#${item.id}`, item }))
        .filter(({ key }) => key > after && key < until)
        .sort((a, b) => a.key.localeCompare(b.key));
      const page = entries.slice(0, limit);
      return { items: page.map(({ item }) => item) as never[], next: entries.length > limit ? page.at(-1)!.key : null };
    },
  };
  const deps: ExpireCredentialsDeps = {
    ...store.deps,
    calendar,
    progress: { reached: async (job) => progress.get(job), record: async (job, position) => void progress.set(job, position) },
    apiKeys: { byHash: unexpected, save: unexpected },
    licenses: { byHash: unexpected, latestId: unexpected, save: unexpected },
    policies: { getPolicy: unexpected },
    ids: { newId: () => 'unused' },
  };
  return { run: (at: Date) => expireCredentials({ ...deps, clock: { now: () => at } }), progress };
}

test('the daily job switches off the SBIs that expired before today, once; one expiring today waits for tomorrow', async () => {
  const store = deviceStore(
    [
      sbi('approved-lapsed', 'approved', true),
      sbi('pending-lapsed', 'pending_approval', false, '2027-02-01T00:00:00.000Z'),
      sbi('expires-today', 'approved', true, '2027-03-10T10:00:00.000Z'),
    ],
    [device('d-1', 'approved', true, 'approved-lapsed')],
  );
  const job = jobOver(store);
  assert.deepEqual(await job.run(NOW), { read: 2, switchedOff: 2 });
  assert.deepEqual(store.sbiStates(), {
    'approved-lapsed': ['approved', false],
    'pending-lapsed': ['rejected', false],
    'expires-today': ['approved', true],
  });
  assert.deepEqual(store.deviceStates(), { 'd-1': ['approved', false] });
  assert.equal(job.progress.get('expire-credentials#sbi'), '2027-03-10T00:00:00.000Z');
  const audited = store.audits.length;

  assert.deepEqual(await job.run(new Date('2027-03-10T22:00:00.000Z')), { read: 0, switchedOff: 0 }, 'the same day again');
  assert.equal(store.audits.length, audited);
  assert.deepEqual(await job.run(new Date('2027-03-11T00:30:00.000Z')), { read: 1, switchedOff: 1 }, 'the next day');
  assert.deepEqual(store.sbiStates()['expires-today'], ['approved', false]);
});

test('a run cut short after the devices fails, records no progress, and the next run finishes the SBI without touching the devices again', async () => {
  const store = deviceStore([sbi('sbi-1', 'approved', true)], [device('d-1', 'approved', true, 'sbi-1'), device('d-2', 'pending_approval', false, 'sbi-1')]);
  store.hooks.beforeCommit = (changes) => {
    if (changes.sbis) throw new Error('table unavailable');
  };
  const job = jobOver(store);
  await assert.rejects(job.run(NOW), /table unavailable/);
  assert.deepEqual(store.deviceStates(), { 'd-1': ['approved', false], 'd-2': ['rejected', false] });
  assert.deepEqual(store.sbiStates(), { 'sbi-1': ['approved', true] }, 'still live, so still on its calendar');
  assert.equal(job.progress.get('expire-credentials#sbi'), undefined);

  store.hooks.beforeCommit = undefined;
  assert.deepEqual(await job.run(NOW), { read: 1, switchedOff: 1 });
  assert.deepEqual(store.sbiStates(), { 'sbi-1': ['approved', false] });
  assert.deepEqual(
    store.audits.map((audit) => `${audit.action} ${audit.objectId}`),
    ['deactivateDeviceWithSbi d-1', 'rejectDeviceWithSbi d-2', 'deactivateSbi sbi-1'],
  );
});
