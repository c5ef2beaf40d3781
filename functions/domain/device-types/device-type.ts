/** MOSIP's master-data audit columns (cr_by, cr_dtimes, upd_by, upd_dtimes, is_deleted, del_dtimes). */
export interface MasterDataColumns {
  isActive: boolean;
  isDeleted: boolean;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
  delDtimes: string | null;
}

/** A kind of biometric device (MOSIP `reg_device_type`): Finger, Face, Iris. */
export interface DeviceType extends MasterDataColumns {
  code: string;
  name: string;
  description: string;
}

/** A subtype of one device type (MOSIP `reg_device_sub_type`, key code + type code): Slap, Single, Double… */
export interface DeviceSubType extends MasterDataColumns {
  code: string;
  deviceTypeCode: string;
  name: string;
  description: string;
}

/** A row counts only while active and not deleted (MOSIP's queries: `is_active = true AND is_deleted IS NOT TRUE`). */
export function isUsable(row: MasterDataColumns): boolean {
  return row.isActive && !row.isDeleted;
}
