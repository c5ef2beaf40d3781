import type { TableContext } from '../adapters/dynamodb/client.js';
import { dynamoDeviceTypeSeedStore } from '../adapters/dynamodb/device-type-catalog.js';
import { seedDeviceTypes } from '../domain/device-types/seed.js';
import { systemClock } from '../domain/ports.js';
import { DEVICE_TYPE_MASTER_DATA } from './master-data.js';

/** Stores the shipped device types and subtypes not stored yet: the deploy's custom resource and `npm start` call it. */
export function loadDeviceTypeMasterData(table: TableContext): Promise<{ added: number }> {
  return seedDeviceTypes(dynamoDeviceTypeSeedStore(table), DEVICE_TYPE_MASTER_DATA, systemClock);
}
