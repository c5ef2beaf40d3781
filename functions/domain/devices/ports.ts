import type { AuditEntry } from '../audit.js';
import type { DeviceTypeCatalog } from '../device-types/ports.js';
import type { EventModel } from '../events/event-model.js';
import type { PartnerRepository } from '../partners/ports.js';
import type { Change, Clock, IdGenerator } from '../ports.js';
import type { DerivedStatus } from './approval.js';
import type { DeviceDetail, DeviceSbiLink } from './device.js';
import type { Sbi } from './sbi.js';

/**
 * Everything one state change writes, in one transaction: SBIs, devices and links (new or at their revision), links
 * removed at their revision, SBIs that must still be as read, the partner that must still be active, the audit
 * records and events. The adapter keeps the uniqueness guards (an SBI version per provider, a live device model per
 * provider, type and subtype), the status indexes and the expiry calendar in step with the items.
 */
export interface DeviceChangeSet {
  sbis?: Change<Sbi>[];
  devices?: Change<DeviceDetail>[];
  links?: Change<DeviceSbiLink>[];
  removedLinks?: DeviceSbiLink[];
  unchangedSbis?: Sbi[];
  activePartnerId?: string;
  audits: AuditEntry[];
  events?: EventModel[];
}

/**
 * Refusals of `commit`: UniqueConstraintError 'sbiVersion' | 'deviceModel' | 'deviceId' | 'link';
 * InactivePartnerError when `activePartnerId` is not active; ConcurrentModificationError when anything changed
 * since it was read.
 */
export interface DeviceRepository {
  commit(changes: DeviceChangeSet): Promise<void>;
  getSbi(id: string): Promise<Sbi | undefined>;
  /** A provider's SBIs, oldest first, every one. */
  sbisOfProvider(providerId: string): Promise<Sbi[]>;
  /** Every SBI in one derived status, oldest first (the admin list and the dashboard's queue). */
  sbisInStatus(status: DerivedStatus): Promise<Sbi[]>;
  getDevice(id: string): Promise<DeviceDetail | undefined>;
  devicesByIds(ids: readonly string[]): Promise<DeviceDetail[]>;
  /** A provider's devices, oldest first, every one. */
  devicesOfProvider(providerId: string): Promise<DeviceDetail[]>;
  devicesInStatus(status: DerivedStatus): Promise<DeviceDetail[]>;
  getLink(sbiId: string, deviceId: string): Promise<DeviceSbiLink | undefined>;
  /** The links of one SBI, every one. */
  linksOfSbi(sbiId: string): Promise<DeviceSbiLink[]>;
  sbisByIds(ids: readonly string[]): Promise<Sbi[]>;
}

export interface DeviceDeps {
  devices: DeviceRepository;
  partners: Pick<PartnerRepository, 'getPartner' | 'partnersOfUser'>;
  deviceTypes: DeviceTypeCatalog;
  clock: Clock;
  ids: IdGenerator;
}
