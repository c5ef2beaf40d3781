import type { AuditEntry } from '../audit.js';
import type { EventModel } from '../events/event-model.js';
import type { PartnerRepository } from '../partners/ports.js';
import type { PolicyRepository } from '../policies/ports.js';
import type { PolicyGroupRepository } from '../policy-groups/ports.js';
import type { Clock, IdGenerator } from '../ports.js';
import type { PolicyRequest } from './policy-request.js';

/** The open link of a partner to a policy: a pending or approved request (a rejected one closes it). */
export interface PolicyLink {
  mappingKey: string;
  status: 'InProgress' | 'approved';
}

/**
 * Refusals: PolicyLinkTakenError (an open link exists at write time), InactivePolicyError (the policy is not
 * activated at write time), ConcurrentModificationError (the request was decided since it was read).
 */
export interface PolicyRequestRepository {
  create(request: PolicyRequest, audit: AuditEntry): Promise<void>;
  get(mappingKey: string): Promise<PolicyRequest | undefined>;
  openLink(partnerId: string, policyId: string): Promise<PolicyLink | undefined>;
  decide(next: PolicyRequest, previous: PolicyRequest, audit: AuditEntry, events: EventModel[]): Promise<void>;
}

/** Biometric extractors of a partner for a policy (credential partners need them before a decision). */
export interface ExtractorReader {
  hasExtractors(partnerId: string, policyId: string): Promise<boolean>;
}

export interface PolicyRequestDeps {
  requests: PolicyRequestRepository;
  partners: Pick<PartnerRepository, 'getPartner'>;
  policies: Pick<PolicyRepository, 'getPolicy' | 'getPolicyByName' | 'hasActivePolicyNamed'>;
  groups: Pick<PolicyGroupRepository, 'getGroup'>;
  extractors: ExtractorReader;
  clock: Clock;
  ids: IdGenerator;
}
