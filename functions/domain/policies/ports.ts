import type { AuditEntry } from '../audit.js';
import type { Policy } from './policy.js';

export interface PolicyRepository {
  /** Stores a new draft in an active group; refuses a duplicate name in the group or an inactive group. */
  createDraft(policy: Policy, audit: AuditEntry): Promise<void>;
  getPolicy(id: string): Promise<Policy | undefined>;
  /** Moves a draft to activated; refuses anything but a draft or an inactive group. */
  publish(policy: Policy, publishedAt: string, schema: string, audit: AuditEntry): Promise<void>;
  /** Moves an activated policy to deactivated. */
  deactivate(policy: Policy, at: string, actor: string, audit: AuditEntry): Promise<void>;
}
