import type { AuditEntry } from '../audit.js';
import type { EventModel } from '../events/event-model.js';
import type { PolicyGroupRepository } from '../policy-groups/ports.js';
import type { Clock, IdGenerator } from '../ports.js';
import type { Policy } from './policy.js';

/**
 * Every write carries its audit record and the events it announces; all are stored in one transaction or not
 * at all. Refusals: UniqueConstraintError (name taken in the group), InactivePolicyGroupError (group missing or
 * inactive at write time), ConcurrentModificationError (someone changed the policy since it was read).
 */
export interface PolicyRepository {
  createDraft(policy: Policy, audit: AuditEntry): Promise<void>;
  getPolicy(id: string): Promise<Policy | undefined>;
  /** The policy of a group with this name (compared as the uniqueness guard compares names). */
  getPolicyByName(groupId: string, name: string): Promise<Policy | undefined>;
  /** Whether any group holds an activated policy of this name (compared as getPolicyByName compares names). */
  hasActivePolicyNamed(name: string): Promise<boolean>;
  /** Every policy, oldest first (all of them: the lists filter, sort and page in memory). */
  listPolicies(): Promise<Policy[]>;
  /** Replaces a draft (moving the name guard on a rename). */
  updateDraft(next: Policy, previous: Policy, audit: AuditEntry, events: EventModel[]): Promise<void>;
  /** Moves a draft to activated. */
  publish(next: Policy, previous: Policy, audit: AuditEntry, events: EventModel[]): Promise<void>;
  /** Moves an activated policy to deactivated, on the condition that no request is pending or approved. */
  deactivate(next: Policy, previous: Policy, audit: AuditEntry, events: EventModel[]): Promise<void>;
}

/** API keys arrive with the key issue; the policy service only asks whether one is active. */
export interface ApiKeyReader {
  hasActiveApiKey(partnerId: string, policyId: string, now: Date): Promise<boolean>;
}

export interface PolicyDeps {
  policies: PolicyRepository;
  groups: Pick<PolicyGroupRepository, 'getGroup' | 'getGroupByName'>;
  apiKeys: ApiKeyReader;
  clock: Clock;
  ids: IdGenerator;
}
