import type { CdkCustomResourceHandler } from 'aws-lambda';
import { tableContext } from '../adapters/dynamodb/client.js';
import { loadDeviceTypeMasterData } from './load.js';
import { onDeviceTypesResourceEvent } from './seed-resource.js';

/** The device type master data custom resource's onEvent handler (lib/device-type-seed.ts): conditional puts on the table. */
export const handler: CdkCustomResourceHandler = (event) => onDeviceTypesResourceEvent(event, () => loadDeviceTypeMasterData(tableContext()));
