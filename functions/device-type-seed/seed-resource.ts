import type { CdkCustomResourceEvent, CdkCustomResourceResponse } from 'aws-lambda';

/** A deployment has one set of device type master data: the id never changes, so CloudFormation never replaces it. */
export const DEVICE_TYPES_RESOURCE_ID = 'DEVICE_TYPES';

/** What the stack can read with Fn::GetAtt: how many shipped rows this run stored (0 when all were there). */
export interface DeviceTypesResourceData {
  AddedRows: number;
}

/**
 * The device type master data custom resource. Create and Update store the shipped rows that are missing; Delete
 * leaves the rows (the table is retained, and devices name their types). Delete answers with the id it was given, as
 * the Provider framework requires.
 */
export async function onDeviceTypesResourceEvent(
  event: CdkCustomResourceEvent,
  load: () => Promise<{ added: number }>,
): Promise<CdkCustomResourceResponse<DeviceTypesResourceData>> {
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  const { added } = await load();
  return { PhysicalResourceId: DEVICE_TYPES_RESOURCE_ID, Data: { AddedRows: added } };
}
