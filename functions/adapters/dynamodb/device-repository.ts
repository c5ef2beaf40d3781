import { derivedStatus, isLive } from '../../domain/devices/approval.js';
import type { DeviceDetail, DeviceSbiLink } from '../../domain/devices/device.js';
import type { Change, DeviceChangeSet, DeviceRepository } from '../../domain/devices/ports.js';
import { awaitsExpiry, type Sbi } from '../../domain/devices/sbi.js';
import { ConcurrentModificationError, InactivePartnerError, UniqueConstraintError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { batchGet, getItem, queryPartition } from './items.js';
import { deviceKeys, expiryCalendarEntry, type ItemKey, indexKeys, keys } from './keys.js';
import { outboxPut } from './outbox.js';
import { auditPut, putIfUnchanged, type TransactItem, TransactionRefused, transactWrite } from './transactions.js';

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

/** A transaction item and what its failed condition means (undefined: someone changed it since it was read). */
interface Write {
  item: TransactItem;
  refusal?: Error;
}

function putNew(table: TableContext, item: Record<string, unknown>, refusal?: Error): Write {
  return { item: { Put: { TableName: table.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }, ...(refusal ? { refusal } : {}) };
}

function deleteKey(table: TableContext, key: ItemKey): Write {
  return { item: { Delete: { TableName: table.tableName, Key: key } } };
}

function guardItem(key: ItemKey, entity: string, ownerId: string) {
  return { ...key, entity, ownerId };
}

/** An item at its next revision, or new; with `toItem` building its stored attributes. */
function itemWrites<T extends { revision: number }>(
  table: TableContext,
  change: Change<T>,
  toItem: (value: T) => Record<string, unknown>,
  refusal: Error,
): Write[] {
  if (!change.previous) return [putNew(table, toItem(change.next), refusal)];
  return [{ item: putIfUnchanged(table, toItem({ ...change.next, revision: change.previous.revision + 1 }), change.previous.revision) }];
}

/** The version guard follows the SBI: made with it, moved when its version's normalised form changes. */
function sbiWrites(table: TableContext, change: Change<Sbi>): Write[] {
  const { next, previous } = change;
  const writes = itemWrites(table, change, sbiItem, new UniqueConstraintError('sbiId'));
  const nextGuard = deviceKeys.sbiVersion(next.providerId, next.swVersion);
  const previousGuard = previous ? deviceKeys.sbiVersion(previous.providerId, previous.swVersion) : undefined;
  if (previousGuard?.pk === nextGuard.pk) return writes;
  if (previousGuard) writes.push(deleteKey(table, previousGuard));
  writes.push(putNew(table, guardItem(nextGuard, 'SbiVersionGuard', next.id), new UniqueConstraintError('sbiVersion')));
  return writes;
}

/** The model guard is held while the device is live, so rejected and deactivated devices free their make and model. */
function deviceWrites(table: TableContext, change: Change<DeviceDetail>): Write[] {
  const { next, previous } = change;
  const writes = itemWrites(table, change, deviceItem, new UniqueConstraintError('deviceId'));
  const nextGuard = isLive(next) ? deviceKeys.deviceModel(next) : undefined;
  const previousGuard = previous && isLive(previous) ? deviceKeys.deviceModel(previous) : undefined;
  if (previousGuard?.pk === nextGuard?.pk) return writes;
  if (previousGuard) writes.push(deleteKey(table, previousGuard));
  if (nextGuard) writes.push(putNew(table, guardItem(nextGuard, 'DeviceModelGuard', next.id), new UniqueConstraintError('deviceModel')));
  return writes;
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

function activePartner(table: TableContext, partnerId: string): Write {
  return {
    item: {
      ConditionCheck: {
        TableName: table.tableName,
        Key: keys.partner(partnerId),
        ConditionExpression: 'isActive = :true',
        ExpressionAttributeValues: { ':true': true },
      },
    },
    refusal: new InactivePartnerError(partnerId),
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
        ...(changes.activePartnerId ? [activePartner(table, changes.activePartnerId)] : []),
        ...(changes.sbis ?? []).flatMap((change) => sbiWrites(table, change)),
        ...(changes.devices ?? []).flatMap((change) => deviceWrites(table, change)),
        ...(changes.links ?? []).flatMap((change) => itemWrites(table, change, linkItem, new UniqueConstraintError('link'))),
        ...(changes.removedLinks ?? []).map((link) => removedLink(table, link)),
        ...(changes.unchangedSbis ?? []).map((sbi) => unchangedSbi(table, sbi)),
        ...changes.audits.map((audit) => ({ item: auditPut(table, audit) })),
        ...(changes.events ?? []).map((event) => ({ item: outboxPut(table, event) })),
      ];
      try {
        await transactWrite(
          table,
          writes.map((write) => write.item),
        );
      } catch (error) {
        if (!(error instanceof TransactionRefused)) throw error;
        const refusal = error.failedConditions.map((index) => writes[index]?.refusal).find((candidate) => candidate !== undefined);
        throw refusal ?? new ConcurrentModificationError('SBIs or devices');
      }
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
