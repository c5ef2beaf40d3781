import type { AuditEntry } from '../audit.js';
import type { CertificateDeps } from '../certificates/ports.js';
import type { EventModel } from '../events/event-model.js';
import type { PartnerRepository } from '../partners/ports.js';
import type { Change, Clock, IdGenerator } from '../ports.js';
import type { ChipCertificate, ChipStatus, FtmChip } from './ftm-chip.js';

/**
 * One state change of a chip, in one transaction: the chip (new, or at its revision), a new certificate upload,
 * the partner that must still be active, the audit record and events. The adapter keeps the make-and-model guard,
 * the status index and the expiry calendar in step with the chip.
 */
export interface ChipChange {
  chip: Change<FtmChip>;
  certificate?: ChipCertificate;
  activePartnerId?: string;
  audit: AuditEntry;
  events?: EventModel[];
}

/**
 * Refusals of `commit`: UniqueConstraintError 'ftmChipModel' (a live chip of the provider has that make and model)
 * or 'ftmChipId'; InactivePartnerError when `activePartnerId` is not active; ConcurrentModificationError when the
 * chip changed since it was read.
 */
export interface FtmChipRepository {
  commit(change: ChipChange): Promise<void>;
  getChip(id: string): Promise<FtmChip | undefined>;
  /** A provider's chips, oldest first, every one. */
  chipsOfProvider(providerId: string): Promise<FtmChip[]>;
  /** Every chip in one status, oldest first. */
  chipsInStatus(status: ChipStatus): Promise<FtmChip[]>;
  getChipCertificate(ftmId: string, certId: string): Promise<ChipCertificate | undefined>;
}

export interface FtmChipDeps {
  chips: FtmChipRepository;
  partners: Pick<PartnerRepository, 'getPartner' | 'partnersOfUser'>;
  clock: Clock;
  /** Numeric chip ids. */
  chipIds: IdGenerator;
  ids: IdGenerator;
}

/** A chip certificate upload: the FTM trust store, the PMS issuing CA and the operator's minimum validity as well. */
export interface ChipCertificateDeps extends FtmChipDeps, Pick<CertificateDeps, 'certificates' | 'signing' | 'minimumValidity'> {}
