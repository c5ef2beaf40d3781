import type { DeviceTypeSeed } from '../domain/device-types/seed.js';

/**
 * The device types and subtypes PMS ships, as MOSIP PMS 1.3 seeds `reg_device_type` and `reg_device_sub_type`
 * (db_scripts/mosip_pms/dml), values unchanged, spelling included. Loaded at first start and on every deploy; an
 * operator changes them in the table, never here (a stored row is never overwritten).
 */
export const DEVICE_TYPE_MASTER_DATA: DeviceTypeSeed = {
  deviceTypes: [
    { code: 'Finger', name: 'Finger', description: 'Fingerprint Biometric', isActive: true },
    { code: 'Face', name: 'Face', description: 'Face Biometric', isActive: true },
    { code: 'Iris', name: 'Iris', description: 'Iris Biomertric', isActive: true },
  ],
  deviceSubTypes: [
    { code: 'Slap', deviceTypeCode: 'Finger', name: 'Slap', description: 'Fingerprint Slap', isActive: true },
    { code: 'Single', deviceTypeCode: 'Finger', name: 'Single', description: 'Fingerprint Single Finger', isActive: true },
    { code: 'Touchless', deviceTypeCode: 'Finger', name: 'Touchless', description: 'Touch Fingerprint', isActive: true },
    { code: 'Single', deviceTypeCode: 'Iris', name: 'Single', description: 'Single', isActive: true },
    { code: 'Double', deviceTypeCode: 'Iris', name: 'Double', description: 'Double', isActive: true },
    { code: 'Full face', deviceTypeCode: 'Face', name: 'Full face', description: 'Full Face', isActive: true },
  ],
};
