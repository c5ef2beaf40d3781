import type { AuditEntry } from '../audit.js';
import type { EventModel } from '../events/event-model.js';
import type { LicensesRetiredWithPartner } from '../partner-deactivation/retired-licenses.js';
import type { PersonalDataProtector } from '../personal-data/personal-data.js';
import type { PolicyGroupRepository } from '../policy-groups/ports.js';
import type { Clock, IdGenerator } from '../ports.js';
import type { IndexedList } from '../search/list-definition.js';
import type { Partner, PartnerContact } from './partner.js';

/**
 * Refusals: UniqueConstraintError with constraint 'emailId' (checked first, as MOSIP answers it first) | 'partnerId';
 * InactivePolicyGroupError when the chosen group is missing or inactive at write time;
 * ConcurrentModificationError when the partner (or, with `licenses`, one of them or the MISP's head) changed
 * since it was read.
 */
export interface PartnerRepository {
  register(partner: Partner, audit: AuditEntry): Promise<void>;
  getPartner(id: string): Promise<Partner | undefined>;
  /** Whether a partner is registered with the e-mail of this lookup hash. */
  emailRegistered(emailLookup: string): Promise<boolean>;
  /** Stores the partner; with `licenses` (its deactivation), switches them off in the same transaction. */
  save(next: Partner, previous: Partner, audit: AuditEntry, events: EventModel[], licenses?: LicensesRetiredWithPartner): Promise<void>;
  getContact(partnerId: string, emailLookup: string): Promise<PartnerContact | undefined>;
  /** Stores a contact; a new one only while the partner is active (else InactivePartnerError). */
  saveContact(contact: PartnerContact, isNew: boolean, audit: AuditEntry): Promise<void>;
  /** The partners a user owns. */
  partnersOfUser(userId: string): Promise<Partner[]>;
  /** Every partner, oldest first, read to the end (the deprecated unpaged lists and the legacy search). */
  listPartners(): Promise<Partner[]>;
}

export interface PartnerDeps {
  partners: PartnerRepository;
  groups: Pick<PolicyGroupRepository, 'getGroup' | 'getGroupByName'>;
  personalData: PersonalDataProtector;
  clock: Clock;
  ids: IdGenerator;
}

/** The queues a partner admin works through (the portal dashboard's "pending approval" counts). */
export type PendingQueue = 'partnerPolicyRequests' | 'sbis' | 'devices' | 'ftmChips';

export interface PendingApprovals {
  /** How many items wait in the queue, counted on the index that lists them. */
  count(queue: PendingQueue): Promise<number>;
}

/** The partner admin's operations also read every policy group (for the list's group names) and the queues. */
export interface PartnerAdminDeps extends PartnerDeps {
  groups: Pick<PolicyGroupRepository, 'getGroup' | 'getGroupByName' | 'listGroups'>;
  /** Every partner, oldest first by default (the admin list). */
  partnerList: IndexedList<Partner>;
  pendingApprovals: PendingApprovals;
}
