import type { Approvable, AuditColumns } from './approval.js';

/**
 * A device make and model of a device provider (MOSIP `device_detail`), under a device type and subtype of the
 * master data. States as an SBI's. `sbiIds` names the SBIs it is linked to (the links are their own items and the
 * source of truth; the device keeps their ids so one read finds them).
 */
export interface DeviceDetail extends Approvable, AuditColumns {
  id: string;
  deviceProviderId: string;
  deviceTypeCode: string;
  deviceSubTypeCode: string;
  make: string;
  model: string;
  sbiIds: string[];
}

/**
 * A device↔SBI link (MOSIP `device_detail_sbi`), with its own active flag: made inactive when a device is added to
 * an SBI, switched on when an admin approves or rejects the device (as MOSIP does), made active by the legacy map.
 */
export interface DeviceSbiLink extends AuditColumns {
  deviceId: string;
  sbiId: string;
  providerId: string;
  isActive: boolean;
}

/** What audit records call a device and a link. */
export const DEVICE_AUDIT_TYPE = 'DeviceDetail';
export const DEVICE_SBI_LINK_AUDIT_TYPE = 'DeviceDetailSbi';

/** MOSIP folds inner whitespace of make and model before comparing them (and stores them folded). */
export function foldedWhitespace(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** A new link of `deviceId` to `sbiId`, made by `userId` at `now`. */
export function newLink(link: Pick<DeviceSbiLink, 'deviceId' | 'sbiId' | 'providerId' | 'isActive'>, userId: string, now: Date): DeviceSbiLink {
  return { ...link, crBy: userId, crDtimes: now.toISOString(), updBy: null, updDtimes: null, revision: 0 };
}
