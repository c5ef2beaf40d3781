import type { AuditEntry } from '../audit.js';
import type { PartnerRepository } from '../partners/ports.js';
import type { Policy } from '../policies/policy.js';
import type { PolicyRepository } from '../policies/ports.js';
import type { PolicyGroupRepository } from '../policy-groups/ports.js';
import type { PolicyRequest } from '../policy-requests/policy-request.js';
import type { Clock } from '../ports.js';
import type { BiometricExtractor, CredentialTypeMapping } from './credential-partner.js';

/**
 * Refusals: UniqueConstraintError('credentialType') when the partner already maps that credential type;
 * ConcurrentModificationError when something the write relied on changed after it was read (the caller re-reads
 * and answers from what is stored).
 */
export interface CredentialPartnerRepository {
  /** Every policy request of the partner. */
  policyRequestsOf(partnerId: string): Promise<PolicyRequest[]>;
  extractorsOf(partnerId: string, policyId: string): Promise<BiometricExtractor[]>;
  /** Stores (replaces) the extractors, on the condition that each of `pendingRequests` is still pending. */
  saveExtractors(extractors: BiometricExtractor[], pendingRequests: PolicyRequest[], audit: AuditEntry): Promise<void>;
  getMapping(partnerId: string, credentialType: string): Promise<CredentialTypeMapping | undefined>;
  /** Stores a new mapping, on the condition that the partner, the policy and its group are still active. */
  createMapping(mapping: CredentialTypeMapping, policyGroupId: string, audit: AuditEntry): Promise<void>;
  /** The policy of that name in the group (names compared as the policy-name guard compares them). */
  policyInGroupNamed(policyGroupId: string, name: string): Promise<Policy | undefined>;
}

export interface CredentialPartnerDeps {
  partners: Pick<PartnerRepository, 'getPartner'>;
  credentialPartners: CredentialPartnerRepository;
  policies: Pick<PolicyRepository, 'getPolicy'>;
  groups: Pick<PolicyGroupRepository, 'getGroup'>;
  clock: Clock;
}
