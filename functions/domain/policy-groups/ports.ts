import type { AuditEntry } from '../audit.js';
import type { Policy } from '../policies/policy.js';
import type { Clock, IdGenerator } from '../ports.js';
import type { PolicyGroup } from './policy-group.js';

export interface PolicyGroupRepository {
  /** Refuses a name already taken (UniqueConstraintError). */
  createGroup(group: PolicyGroup, audit: AuditEntry): Promise<void>;
  getGroup(id: string): Promise<PolicyGroup | undefined>;
  /** Finds a group by its name (compared as the uniqueness guard compares names). */
  getGroupByName(name: string): Promise<PolicyGroup | undefined>;
  listGroups(): Promise<PolicyGroup[]>;
  listActiveGroups(): Promise<PolicyGroup[]>;
  /**
   * Replaces `previous` by `next` if nobody changed it since it was read (else ConcurrentModificationError);
   * moves the name guard when the name changed (UniqueConstraintError when taken).
   */
  saveGroup(next: PolicyGroup, previous: PolicyGroup, audit: AuditEntry): Promise<void>;
  policiesOfGroup(groupId: string): Promise<Policy[]>;
}

export interface PolicyGroupDeps {
  groups: PolicyGroupRepository;
  clock: Clock;
  ids: IdGenerator;
}
