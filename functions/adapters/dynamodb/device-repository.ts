import { derivedStatus, isLive } from '../../domain/devices/approval.js';
import type { DeviceDetail, DeviceSbiLink } from '../../domain/devices/device.js';
import type { DeviceChangeSet, DeviceRepository } from '../../domain/devices/ports.js';
import { awaitsExpiry, type Sbi } from '../../domain/devices/sbi.js';
import type { Change } from '../../domain/ports.js';
import { ConcurrentModificationError, UniqueConstraintError } from '../../errors/pms-error.js';
import { activePartnerCheck, commitWrites, guardWrites, itemWrites, type Write } from './change-writes.js';
import type { TableContext } from './client.js';
import { batchGet, getItem, queryPartition } from './items.js';
import { deviceKeys, expiryCalendarEntry, indexKeys } from './keys.js';
import { outboxPut } from './outbox.js';
import { auditPut } from './transactions.js';

function sbiItem(sbi: Sbi): Record<string, unknown> {
  return {
    ...deviceKeys.sbi(sbi.id),
    entity: 'Sbi',
    gsi1pk: deviceKeys.sbisOfProvider(sbi.providerId),
    gsi1sk: `${sbi.crDtimes}#${sbi.id}`,
    gsi2pk: indexKeys.sbisInStatus(derivedStatus(sbi)),
    gsi2sk: `${sbi.crDtimes}#${sbi.id}`,
    ...(awaitsExpiry(sbi) ? expiryCalendarEntry(sbi.swExpiryDateTime, 'sbi', sbi.id) : {}),
    ...sbi,
  };
}

function deviceItem(device: DeviceDetail): Record<string, unknown> {
  return {
    ...deviceKeys.device(device.id),
    entity: 'DeviceDetail',
    gsi1pk: deviceKeys.devicesOfProvider(device.deviceProviderId),
    gsi1sk: `${device.crDtimes}#${device.id}`,
    gsi2pk: indexKeys.devicesInStatus(derivedStatus(device)),
    gsi2sk: `${device.crDtimes}#${device.id}`,
    ...device,
  };
}

function linkItem(link: DeviceSbiLink): Record<string, unknown> {
  return { ...deviceKeys.link(link.sbiId, link.deviceId), entity: 'DeviceDetailSbi', ...link };
}

/** The version guard follows the SBI, in any state. */
function sbiWrites(table: TableContext, change: Change<Sbi>): Write[] {
  return [
    ...itemWrites(table, change, sbiItem, new UniqueConstraintError('sbiId')),
    ...guardWrites(table, change, (sbi) => deviceKeys.sbiVersion(sbi.providerId, sbi.swVersion), 'SbiVersionGuard', new UniqueConstraintError('sbiVersion')),
  ];
}

/** The model guard is held while the device is live, so rejected and deactivated devices free their make and model. */
function deviceWrites(table: TableContext, change: Change<DeviceDetail>): Write[] {
  return [
    ...itemWrites(table, change, deviceItem, new UniqueConstraintError('deviceId')),
    ...guardWrites(
      table,
      change,
      (device) => (isLive(device) ? deviceKeys.deviceModel(device) : undefined),
      'DeviceModelGuard',
      new UniqueConstraintError('deviceModel'),
    ),
  ];
}

function unchangedSbi(table: TableContext, sbi: Sbi): Write {
  return {
    item: {
      ConditionCheck: {
        TableName: table.tableName,
        Key: deviceKeys.sbi(sbi.id),
        ConditionExpression: 'revision = :revision',
        ExpressionAttributeValues: { ':revision': sbi.revision },
      },
    },
  };
}

function removedLink(table: TableContext, link: DeviceSbiLink): Write {
  return {
    item: {
      Delete: {
        TableName: table.tableName,
        Key: deviceKeys.link(link.sbiId, link.deviceId),
        ConditionExpression: 'revision = :revision',
        ExpressionAttributeValues: { ':revision': link.revision },
      },
    },
  };
}

/**
 * SBIs, devices and links as items of the one table (docs/data-model.md, "SBIs and devices"): each change set is
 * one transaction, which keeps the guards, the status index partitions and the SBI expiry calendar in step.
 */
export function dynamoDeviceRepository(table: TableContext): DeviceRepository {
  return {
    async commit(changes: DeviceChangeSet) {
      const writes: Write[] = [
        ...(changes.activePartnerId ? [activePartnerCheck(table, changes.activePartnerId)] : []),
        ...(changes.sbis ?? []).flatMap((change) => sbiWrites(table, change)),
        ...(changes.devices ?? []).flatMap((change) => deviceWrites(table, change)),
        ...(changes.links ?? []).flatMap((change) => itemWrites(table, change, linkItem, new UniqueConstraintError('link'))),
        ...(changes.removedLinks ?? []).map((link) => removedLink(table, link)),
        ...(changes.unchangedSbis ?? []).map((sbi) => unchangedSbi(table, sbi)),
        ...changes.audits.map((audit) => ({ item: auditPut(table, audit) })),
        ...(changes.events ?? []).map((event) => ({ item: outboxPut(table, event) })),
      ];
      await commitWrites(table, writes, () => new ConcurrentModificationError('SBIs or devices'));
    },

    getSbi: (id) => getItem<Sbi>(table, deviceKeys.sbi(id)),
    sbisOfProvider: (providerId) => queryPartition<Sbi>(table, 'gsi1', deviceKeys.sbisOfProvider(providerId)),
    sbisInStatus: (status) => queryPartition<Sbi>(table, 'gsi2', indexKeys.sbisInStatus(status)),
    sbisByIds: (ids) => batchGet<Sbi>(table, [...new Set(ids)].map(deviceKeys.sbi)),
    getDevice: (id) => getItem<DeviceDetail>(table, deviceKeys.device(id)),
    devicesByIds: (ids) => batchGet<DeviceDetail>(table, [...new Set(ids)].map(deviceKeys.device)),
    devicesOfProvider: (providerId) => queryPartition<DeviceDetail>(table, 'gsi1', deviceKeys.devicesOfProvider(providerId)),
    devicesInStatus: (status) => queryPartition<DeviceDetail>(table, 'gsi2', indexKeys.devicesInStatus(status)),
    getLink: (sbiId, deviceId) => getItem<DeviceSbiLink>(table, deviceKeys.link(sbiId, deviceId)),
    linksOfSbi: (sbiId) => queryPartition<DeviceSbiLink>(table, 'table', deviceKeys.sbi(sbiId).pk, { sortKeyPrefix: deviceKeys.linksOfSbiPrefix }),
  };
}
