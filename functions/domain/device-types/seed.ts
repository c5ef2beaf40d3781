import type { Clock } from '../ports.js';
import type { DeviceSubType, DeviceType, MasterDataColumns } from './device-type.js';
import type { DeviceTypeSeedStore } from './ports.js';

type SeedRow<Row> = Omit<Row, Exclude<keyof MasterDataColumns, 'isActive'>>;

/** Rows shipped with PMS, without the audit columns the loader fills in. */
export interface DeviceTypeSeed {
  deviceTypes: readonly SeedRow<DeviceType>[];
  deviceSubTypes: readonly SeedRow<DeviceSubType>[];
}

/** Who created the shipped rows (MOSIP's seed leaves `cr_by` meaningless: its CSV puts the text "now()" there). */
export const SEED_ACTOR = 'pms-master-data';

/**
 * Stores every shipped row that is not stored yet. A stored row, even one an operator has edited or deactivated since,
 * is left as it is; so loading again (every local start, every deploy) changes nothing. Answers how many rows it added.
 */
export async function seedDeviceTypes(store: DeviceTypeSeedStore, seed: DeviceTypeSeed, clock: Clock): Promise<{ added: number }> {
  const created: Omit<MasterDataColumns, 'isActive'> = {
    isDeleted: false,
    crBy: SEED_ACTOR,
    crDtimes: clock.now().toISOString(),
    updBy: null,
    updDtimes: null,
    delDtimes: null,
  };
  const written = await Promise.all([
    ...seed.deviceTypes.map((row) => store.putTypeIfAbsent({ ...row, ...created })),
    ...seed.deviceSubTypes.map((row) => store.putSubTypeIfAbsent({ ...row, ...created })),
  ]);
  return { added: written.filter(Boolean).length };
}
