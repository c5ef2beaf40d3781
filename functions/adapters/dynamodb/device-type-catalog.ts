import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type DeviceSubType, type DeviceType, isUsable } from '../../domain/device-types/device-type.js';
import type { DeviceTypeCatalog, DeviceTypeMasterData, DeviceTypeSeedStore } from '../../domain/device-types/ports.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { deviceTypeKeys, type ItemKey } from './keys.js';
import { conditionalWrite } from './transactions.js';

/** One GetItem on the subtype's key. */
export function dynamoDeviceTypeCatalog(table: TableContext): DeviceTypeCatalog {
  return {
    async subTypeExists(deviceTypeCode, deviceSubTypeCode) {
      const subType = await getItem<DeviceSubType>(table, deviceTypeKeys.deviceSubType(deviceTypeCode, deviceSubTypeCode));
      return subType !== undefined && isUsable(subType);
    },
  };
}

/** One Query per list on the master-data partition, sort keys of one kind only. */
export function dynamoDeviceTypeMasterData(table: TableContext): DeviceTypeMasterData {
  return {
    deviceTypes: () => queryPartition<DeviceType>(table, 'table', deviceTypeKeys.partition, { sortKeyPrefix: deviceTypeKeys.typesPrefix }),
    deviceSubTypes: () => queryPartition<DeviceSubType>(table, 'table', deviceTypeKeys.partition, { sortKeyPrefix: deviceTypeKeys.subTypesPrefix }),
  };
}

export function dynamoDeviceTypeSeedStore(table: TableContext): DeviceTypeSeedStore {
  const putIfAbsent = (key: ItemKey, entity: string, row: DeviceType | DeviceSubType) =>
    conditionalWrite(
      table.client.send(new PutCommand({ TableName: table.tableName, Item: { ...key, entity, ...row }, ConditionExpression: 'attribute_not_exists(pk)' })),
    );
  return {
    putTypeIfAbsent: (type) => putIfAbsent(deviceTypeKeys.deviceType(type.code), 'DeviceType', type),
    putSubTypeIfAbsent: (subType) => putIfAbsent(deviceTypeKeys.deviceSubType(subType.deviceTypeCode, subType.code), 'DeviceSubType', subType),
  };
}
