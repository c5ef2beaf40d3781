import type { AuditEntry } from '../audit.js';
import type { EventModel } from '../events/event-model.js';
import type { Clock, IdGenerator } from '../ports.js';
import type { PolicyGroupRepository } from '../policy-groups/ports.js';
import type { Partner } from './partner.js';

/**
 * Refusals: UniqueConstraintError with constraint 'partnerId' | 'organizationName' | 'emailId';
 * InactivePolicyGroupError when the chosen group is missing or inactive at write time;
 * ConcurrentModificationError when the partner changed since it was read.
 */
export interface PartnerRepository {
  register(partner: Partner, audit: AuditEntry): Promise<void>;
  getPartner(id: string): Promise<Partner | undefined>;
  /** Whether a partner is registered with this e-mail (compared normalised). */
  emailRegistered(emailId: string): Promise<boolean>;
  save(next: Partner, previous: Partner, audit: AuditEntry, events: EventModel[]): Promise<void>;
}

export interface PartnerDeps {
  partners: PartnerRepository;
  groups: Pick<PolicyGroupRepository, 'getGroup' | 'getGroupByName'>;
  clock: Clock;
  ids: IdGenerator;
}
