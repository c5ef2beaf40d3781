import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Caller } from '../../functions/domain/caller.js';
import type { DeviceDetail, DeviceSbiLink } from '../../functions/domain/devices/device.js';
import { decideDeviceLegacy, updateDeviceLegacy } from '../../functions/domain/devices/legacy-device-commands.js';
import { deviceFilterValues, searchDevicesLegacy } from '../../functions/domain/devices/legacy-device-search.js';
import { checkSbiEditable, MAPPING_EXISTS, mapDeviceToSbi, unmapDeviceFromSbi, updateSbiLegacy } from '../../functions/domain/devices/legacy-sbi-commands.js';
import { searchDeviceSbiLinks } from '../../functions/domain/devices/legacy-sbi-search.js';
import type { DeviceChangeSet, DeviceDeps } from '../../functions/domain/devices/ports.js';
import type { Sbi } from '../../functions/domain/devices/sbi.js';
import type { Partner } from '../../functions/domain/partners/partner.js';
import { ConcurrentModificationError, UniqueConstraintError } from '../../functions/errors/pms-error.js';
import { partnerFixture } from '../support/domain-objects.js';
import { refusal, refusalOfCall } from '../support/refusals.js';

/*
 * The rules of the legacy SBI and device endpoints that the e2e test reaches only with data it cannot easily make
 * (expired SBIs, races), and the exact change sets they commit.
 */

const NOW = new Date('2027-03-01T10:00:00.000Z');
const ADMIN: Caller = { userId: 'admin1', isAdmin: true };
const DP1: Caller = { userId: 'dp-1', isAdmin: false };
const PROVIDER_1 = partnerFixture({ id: 'dp-1', userId: 'dp-1', partnerType: 'Device_Provider', organizationName: 'One Devices' });
const PROVIDER_2 = partnerFixture({ id: 'dp-2', userId: 'dp-2', partnerType: 'Device_Provider', organizationName: 'Two Devices' });

const audit = { crBy: 'dp-1', crDtimes: '2027-01-01T00:00:00.000Z', updBy: null, updDtimes: null, revision: 1 };

function sbi(id: string, overrides: Partial<Sbi> = {}): Sbi {
  return {
    id,
    providerId: 'dp-1',
    swVersion: `v-${id}`,
    swBinaryHash: 'hash',
    swCreateDateTime: '2027-01-01T00:00:00.000Z',
    swExpiryDateTime: '2029-01-01T00:00:00.000Z',
    approvalStatus: 'approved',
    isActive: true,
    ...audit,
    ...overrides,
  };
}

function device(id: string, overrides: Partial<DeviceDetail> = {}): DeviceDetail {
  return {
    id,
    deviceProviderId: 'dp-1',
    deviceTypeCode: 'Finger',
    deviceSubTypeCode: 'Slap',
    make: 'Acme',
    model: `M-${id}`,
    approvalStatus: 'approved',
    isActive: true,
    sbiIds: [],
    ...audit,
    ...overrides,
  };
}

function link(sbiId: string, deviceId: string, overrides: Partial<DeviceSbiLink> = {}): DeviceSbiLink {
  return { sbiId, deviceId, providerId: 'dp-1', isActive: true, ...audit, ...overrides };
}

/**
 * SBIs, devices and links in memory. `commit` records each change set and applies it when every item is still at
 * the revision read (else ConcurrentModificationError), a new link is new (UniqueConstraintError 'link').
 */
function world(initial: { sbis?: Sbi[]; devices?: DeviceDetail[]; links?: DeviceSbiLink[]; partners?: Partner[] } = {}) {
  const sbis = new Map((initial.sbis ?? []).map((item) => [item.id, item]));
  const devices = new Map((initial.devices ?? []).map((item) => [item.id, item]));
  const links = new Map((initial.links ?? []).map((item) => [`${item.sbiId}#${item.deviceId}`, item]));
  const partners = initial.partners ?? [PROVIDER_1, PROVIDER_2];
  const commits: DeviceChangeSet[] = [];
  const beforeCommit: (() => void)[] = [];
  const deps: DeviceDeps = {
    devices: {
      async commit(changes) {
        beforeCommit.shift()?.();
        for (const { previous } of [...(changes.sbis ?? []), ...(changes.devices ?? [])]) {
          const stored = previous && ('providerId' in previous ? sbis.get(previous.id) : devices.get(previous.id));
          if (previous && stored?.revision !== previous.revision) throw new ConcurrentModificationError('test');
        }
        for (const { next, previous } of changes.links ?? []) {
          if (!previous && links.has(`${next.sbiId}#${next.deviceId}`)) throw new UniqueConstraintError('link');
        }
        commits.push(changes);
        for (const { next, previous } of changes.sbis ?? []) sbis.set(next.id, { ...next, revision: (previous?.revision ?? 0) + 1 });
        for (const { next, previous } of changes.devices ?? []) devices.set(next.id, { ...next, revision: (previous?.revision ?? 0) + 1 });
        for (const { next } of changes.links ?? []) links.set(`${next.sbiId}#${next.deviceId}`, next);
        for (const removed of changes.removedLinks ?? []) links.delete(`${removed.sbiId}#${removed.deviceId}`);
      },
      getSbi: async (id) => sbis.get(id),
      sbisOfProvider: async (providerId) => [...sbis.values()].filter((item) => item.providerId === providerId),
      sbisInStatus: async () => assert.fail('admins read SBIs per status only in lists'),
      sbisByIds: async (ids) => ids.flatMap((id) => sbis.get(id) ?? []),
      getDevice: async (id) => devices.get(id),
      devicesByIds: async (ids) => ids.flatMap((id) => devices.get(id) ?? []),
      devicesOfProvider: async (providerId) => [...devices.values()].filter((item) => item.deviceProviderId === providerId),
      devicesInStatus: async (status) =>
        [...devices.values()].filter((item) => (item.approvalStatus === 'approved' && !item.isActive ? 'deactivated' : item.approvalStatus) === status),
      getLink: async (sbiId, deviceId) => links.get(`${sbiId}#${deviceId}`),
      linksOfSbi: async (sbiId) => [...links.values()].filter((item) => item.sbiId === sbiId),
    },
    partners: {
      getPartner: async (id) => partners.find((partner) => partner.id === id),
      partnersOfUser: async (userId) => partners.filter((partner) => partner.userId === userId),
    },
    deviceTypes: { subTypeExists: async (type, subType) => type === 'Finger' && subType === 'Slap' },
    clock: { now: () => NOW },
    ids: { newId: () => 'new-id' },
  };
  return { deps, commits, sbis, devices, links, beforeCommit };
}

const sbiUpdate = (id: string, isActive = false) => ({
  id,
  swBinaryHash: 'new-hash',
  swVersion: '2.0',
  swCreateDateTime: '2027-02-01T00:00:00.000Z',
  swExpiryDateTime: '2028-02-01T00:00:00.000Z',
  isActive,
});

test('the legacy SBI update edits only a pending SBI, and isActive cannot switch it on', () => {
  assert.equal(refusalOfCall(() => checkSbiEditable(sbi('s'), false)).code, 'PMS_AUT_517');
  assert.equal(refusalOfCall(() => checkSbiEditable(sbi('s', { approvalStatus: 'rejected', isActive: false }), false)).code, 'PMS_AUT_518');
  assert.equal(refusalOfCall(() => checkSbiEditable(sbi('s', { isActive: false }), true)).code, 'PMS_DEVICE_ERROR_020');
  assert.equal(refusalOfCall(() => checkSbiEditable(sbi('s', { approvalStatus: 'pending_approval', isActive: false }), true)).code, 'PMS_DEVICE_ERROR_022');
  checkSbiEditable(sbi('s', { approvalStatus: 'pending_approval', isActive: false }), false);
});

test("a pending SBI's update is one conditional write with its provider active; another provider's SBI is PMS_AUT_007", async () => {
  const pending = sbi('s1', { approvalStatus: 'pending_approval', isActive: false, providerId: 'dp-2' });
  const { deps, commits } = world({ sbis: [pending] });
  assert.equal(await refusal(updateSbiLegacy(deps, DP1, sbiUpdate('s1'))), 'PMS_AUT_007');
  assert.equal(await refusal(updateSbiLegacy(deps, ADMIN, { ...sbiUpdate('s1'), swExpiryDateTime: '2027-03-01T23:00:00.000Z' })), 'PMS_AUT_508');
  assert.equal(commits.length, 0, 'nothing written');
  assert.deepEqual(await updateSbiLegacy(deps, ADMIN, sbiUpdate('s1')), { id: 's1' });
  const [changes] = commits;
  assert.equal(changes!.activePartnerId, 'dp-2');
  assert.equal(changes!.sbis![0]!.previous, pending);
  assert.deepEqual(
    [changes!.sbis![0]!.next.swVersion, changes!.sbis![0]!.next.isActive, changes!.sbis![0]!.next.approvalStatus, changes!.sbis![0]!.next.updBy],
    ['2.0', false, 'pending_approval', 'admin1'],
  );
});

test("the legacy map checks in MOSIP's order: device 005, 028, 027, then SBI 007, 511, 513, 509", async () => {
  const { deps, commits } = world({
    sbis: [
      sbi('approved'),
      sbi('pending', { approvalStatus: 'pending_approval', isActive: false }),
      sbi('expired', { swExpiryDateTime: '2027-02-28T23:59:59.000Z' }),
      sbi('other', { providerId: 'dp-2' }),
    ],
    devices: [
      device('ok'),
      device('rejected', { approvalStatus: 'rejected', isActive: false }),
      device('pending', { approvalStatus: 'pending_approval', isActive: false }),
    ],
  });
  const map = (deviceDetailId: string, sbiId: string, caller = DP1) => refusal(mapDeviceToSbi(deps, caller, { deviceDetailId, sbiId }));
  assert.equal(await map('missing', 'missing'), 'PMS_AUT_005');
  assert.equal(await map('rejected', 'missing'), 'PMS_AUT_028');
  assert.equal(await map('pending', 'missing'), 'PMS_AUT_027');
  assert.equal(await map('ok', 'missing'), 'PMS_AUT_007');
  assert.equal(await map('ok', 'other'), 'PMS_AUT_007', "another provider's SBI is missing to a provider");
  assert.equal(await map('ok', 'pending'), 'PMS_AUT_511');
  assert.equal(await map('ok', 'expired'), 'PMS_AUT_513');
  assert.equal(await map('ok', 'other', ADMIN), 'PMS_AUT_509');
  assert.equal(commits.length, 0, 'nothing written');
});

test("a map adds the active link and the SBI to the device's sbiIds in one transaction, on the SBI as read", async () => {
  const { deps, commits, devices } = world({ sbis: [sbi('s1'), sbi('s2')], devices: [device('d1', { sbiIds: ['s1'] })], links: [link('s1', 'd1')] });
  assert.equal(await mapDeviceToSbi(deps, DP1, { deviceDetailId: 'd1', sbiId: 's1' }), MAPPING_EXISTS);
  assert.equal(commits.length, 0, 'nothing written');
  assert.equal(await mapDeviceToSbi(deps, DP1, { deviceDetailId: 'd1', sbiId: 's2' }), 'Success');
  const [changes] = commits;
  assert.deepEqual(changes!.links![0]!.next, { ...link('s2', 'd1'), crBy: 'dp-1', crDtimes: NOW.toISOString(), revision: 0 });
  assert.deepEqual(
    changes!.unchangedSbis!.map((item) => item.id),
    ['s2'],
  );
  assert.equal(changes!.activePartnerId, 'dp-1');
  assert.deepEqual(devices.get('d1')!.sbiIds, ['s1', 's2']);
  assert.deepEqual(
    changes!.audits.map((entry) => [entry.action, entry.objectId, entry.details]),
    [['mapDeviceToSbi', 'd1', { sbiId: 's2' }]],
  );
});

test("another provider's link is not 'Mapping already exists' to a provider: its device is missing", async () => {
  const { deps } = world({
    sbis: [sbi('s9', { providerId: 'dp-2' })],
    devices: [device('d9', { deviceProviderId: 'dp-2' })],
    links: [link('s9', 'd9', { providerId: 'dp-2' })],
  });
  assert.equal(await refusal(mapDeviceToSbi(deps, DP1, { deviceDetailId: 'd9', sbiId: 's9' })), 'PMS_AUT_005');
  assert.equal(await mapDeviceToSbi(deps, ADMIN, { deviceDetailId: 'd9', sbiId: 's9' }), MAPPING_EXISTS);
});

test('a link made by a concurrent map is answered "Mapping already exists" on the retry', async () => {
  const made = world({ sbis: [sbi('s1')], devices: [device('d1')] });
  made.beforeCommit.push(() => made.links.set('s1#d1', link('s1', 'd1')));
  assert.equal(await mapDeviceToSbi(made.deps, DP1, { deviceDetailId: 'd1', sbiId: 's1' }), MAPPING_EXISTS);
  assert.equal(made.commits.length, 0, 'nothing written');
});

test("removing a link deletes it and takes the SBI out of the device's sbiIds; another provider's link is PMS_AUT_510", async () => {
  const { deps, commits, devices, links } = world({
    sbis: [sbi('s1'), sbi('s2'), sbi('s9', { providerId: 'dp-2' })],
    devices: [device('d1', { sbiIds: ['s1', 's2'] }), device('d9', { deviceProviderId: 'dp-2', sbiIds: ['s9'] })],
    links: [link('s1', 'd1'), link('s2', 'd1'), link('s9', 'd9', { providerId: 'dp-2' })],
  });
  assert.equal(await refusal(unmapDeviceFromSbi(deps, DP1, { deviceDetailId: 'd9', sbiId: 's9' })), 'PMS_AUT_510');
  assert.equal(await refusal(unmapDeviceFromSbi(deps, DP1, { deviceDetailId: 'd1', sbiId: 's9' })), 'PMS_AUT_510');
  assert.equal(commits.length, 0, 'nothing written');
  assert.equal(await unmapDeviceFromSbi(deps, DP1, { deviceDetailId: 'd1', sbiId: 's1' }), 'Success');
  assert.deepEqual(commits[0]!.removedLinks, [link('s1', 'd1')]);
  assert.deepEqual(devices.get('d1')!.sbiIds, ['s2']);
  assert.deepEqual([...links.keys()], ['s2#d1', 's9#d9']);
});

test('the legacy approval decides only a pending device, and approves it only under an SBI that takes devices', async () => {
  const { deps, commits, devices } = world({
    sbis: [
      sbi('approved'),
      sbi('pending', { approvalStatus: 'pending_approval', isActive: false }),
      sbi('expired', { swExpiryDateTime: '2027-01-31T00:00:00.000Z' }),
    ],
    devices: [
      device('orphan', { approvalStatus: 'pending_approval', isActive: false }),
      device('under-pending', { approvalStatus: 'pending_approval', isActive: false, sbiIds: ['pending'] }),
      device('under-approved', { approvalStatus: 'pending_approval', isActive: false, sbiIds: ['expired', 'approved'] }),
      device('rejected', { approvalStatus: 'rejected', isActive: false }),
      device('deactivated', { isActive: false, sbiIds: ['approved'] }),
    ],
    links: [
      link('pending', 'under-pending', { isActive: false }),
      link('approved', 'under-approved', { isActive: false }),
      link('expired', 'under-approved', { isActive: false }),
    ],
  });
  const decide = (id: string, approvalStatus: string) => decideDeviceLegacy(deps, ADMIN, { id, approvalStatus });
  assert.equal(await refusal(decide('missing', 'Activate')), 'PMS_AUT_005');
  assert.equal(await refusal(decide('rejected', 'activate')), 'PMS_AUT_025');
  assert.equal(await refusal(decide('rejected', 'Activate')), 'PMS_DEVICE_ERROR_010', 'no re-approval of a rejected device');
  assert.equal(await refusal(decide('deactivated', 'Activate')), 'PMS_DEVICE_ERROR_010', 'no re-activation of a deactivated device');
  assert.equal(await refusal(decide('orphan', 'Activate')), 'PMS_DEVICE_ERROR_024', 'an orphan device is never approved');
  assert.equal(await refusal(decide('under-pending', 'Activate')), 'PMS_DEVICE_ERROR_009');
  assert.equal(commits.length, 0, 'nothing written');

  assert.equal(await decide('under-approved', 'Activate'), 'Device details approved successfully.');
  const [approval] = commits;
  assert.deepEqual(
    approval!.links!.map(({ next }) => [next.sbiId, next.isActive]),
    [['approved', true]],
  );
  assert.deepEqual(
    approval!.unchangedSbis!.map((item) => item.id),
    ['approved'],
  );
  assert.deepEqual([devices.get('under-approved')!.approvalStatus, devices.get('under-approved')!.isActive], ['approved', true]);

  assert.equal(await decide('orphan', 'De-activate'), 'Device details rejected successfully.');
  assert.deepEqual([devices.get('orphan')!.approvalStatus, devices.get('orphan')!.isActive], ['rejected', false]);
  assert.equal(commits[1]!.links, undefined);
});

test("the legacy device update changes only a pending device of the caller's, after MOSIP's type check", async () => {
  const { deps, commits, devices } = world({
    devices: [
      device('approved'),
      device('pending', { approvalStatus: 'pending_approval', isActive: false }),
      device('theirs', { deviceProviderId: 'dp-2', approvalStatus: 'pending_approval' }),
    ],
  });
  const update = (id: string, overrides: Record<string, string> = {}) =>
    updateDeviceLegacy(deps, DP1, { id, deviceTypeCode: 'Finger', deviceSubTypeCode: 'Slap', make: ' New  Make ', model: 'X', ...overrides });
  assert.equal(await refusal(update('theirs')), 'PMS_AUT_005');
  assert.equal(await refusal(update('approved', { deviceSubTypeCode: 'Slab' })), 'PMS_AUT_001');
  assert.equal(await refusal(update('approved')), 'PMS_DEVICE_ERROR_010');
  assert.equal(commits.length, 0, 'nothing written');
  assert.deepEqual(await update('pending'), { id: 'pending' });
  assert.deepEqual(
    [devices.get('pending')!.make, devices.get('pending')!.model, devices.get('pending')!.approvalStatus],
    ['New Make', 'X', 'pending_approval'],
  );
  assert.equal(commits[0]!.activePartnerId, 'dp-1');
});

test('device search and filter values cover only what the caller may see; partnerOrganizationName picks providers by name, any case', async () => {
  const { deps } = world({
    devices: [
      device('b-1', { make: 'Zeta', model: 'Z1' }),
      device('a-1', { make: 'Zeta', model: 'Z0' }),
      device('x-2', { deviceProviderId: 'dp-2', make: 'Zeta' }),
    ],
  });
  const search = (filters: unknown[], caller = DP1) =>
    searchDevicesLegacy(deps, caller, { filters: filters as never, sort: [{ sortField: 'id', sortType: 'asc' }], pagination: { pageStart: 0, pageFetch: 10 } });
  assert.deepEqual(
    (await search([]))!.data!.map((row) => row.id),
    ['a-1', 'b-1'],
  );
  assert.deepEqual(
    (await search([], ADMIN))!.data!.map((row) => row.id),
    ['a-1', 'b-1', 'x-2'],
  );
  const byName = await search([{ columnName: 'PartnerOrganizationName', type: 'contains', value: 'two devices' }], ADMIN);
  assert.deepEqual([byName.data!.map((row) => row.id), byName.data![0]!.partnerOrganizationName], [['x-2'], 'Two Devices']);
  assert.deepEqual(await search([{ columnName: 'partnerOrganizationName', type: 'equals', value: 'Two Devices' }]), {
    fromRecord: 0,
    toRecord: 0,
    totalRecord: 0,
    data: null,
  });

  const values = await deviceFilterValues(deps, DP1, { filters: [{ columnName: 'make', type: 'unique', text: 'zet' }] });
  assert.deepEqual(values.filters, [
    { fieldID: 'make', fieldCode: 'a-1', fieldValue: 'Zeta Z0' },
    { fieldID: 'make', fieldCode: 'b-1', fieldValue: 'Zeta Z1' },
  ]);
});

test('the link search keeps the first deviceDetailId filter as an exact match, before paging', async () => {
  const { deps } = world({
    sbis: [sbi('s1'), sbi('s2'), sbi('s9', { providerId: 'dp-2' })],
    devices: [device('d1'), device('d2'), device('d9', { deviceProviderId: 'dp-2' })],
    links: [link('s1', 'd1'), link('s1', 'd2'), link('s2', 'd1'), link('s9', 'd9', { providerId: 'dp-2' })],
  });
  const page = await searchDeviceSbiLinks(deps, DP1, {
    filters: [{ columnName: 'deviceDetailId', type: 'contains', value: 'd1' }],
    sort: [{ sortField: 'crDtimes', sortType: 'asc' }],
    pagination: { pageStart: 0, pageFetch: 1 },
  });
  assert.deepEqual(
    [page.totalRecord, page.data!.map((row) => [row.deviceDetailId, row.sbiId, row.providerName, row.swBinaryHash])],
    [2, [['d1', 's1', 'One Devices', 'aGFzaA==']]],
  );
  const all = await searchDeviceSbiLinks(deps, DP1, { filters: [], sort: [], pagination: { pageStart: 0, pageFetch: 10 } });
  assert.equal(all.totalRecord, 3, "dp-2's link is not dp-1's to see");
});
