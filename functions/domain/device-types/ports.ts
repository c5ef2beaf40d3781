import type { DeviceSubType, DeviceType } from './device-type.js';

/** What the device domain asks of the device type master data. */
export interface DeviceTypeCatalog {
  /**
   * True only for an active, undeleted subtype of that type (MOSIP `findByCodeAndTypeCodeAndIsDeletedFalseorIsDeletedIsNullAndIsActiveTrue`);
   * codes compare exactly, as Postgres does.
   */
  subTypeExists(deviceTypeCode: string, deviceSubTypeCode: string): Promise<boolean>;
}

/** Every device type and subtype row, active or not, for the filter and search endpoints. */
export interface DeviceTypeMasterData {
  deviceTypes(): Promise<DeviceType[]>;
  deviceSubTypes(): Promise<DeviceSubType[]>;
}

/** Writes the shipped rows at first start or deploy: a row already stored (perhaps edited by an operator) stays. */
export interface DeviceTypeSeedStore {
  /** False when a row with this key is stored already. */
  putTypeIfAbsent(type: DeviceType): Promise<boolean>;
  putSubTypeIfAbsent(subType: DeviceSubType): Promise<boolean>;
}
