import type { AuditEntry } from '../audit.js';
import type { EventModel } from '../events/event-model.js';
import type { PartnerRepository } from '../partners/ports.js';
import type { Policy } from '../policies/policy.js';
import type { PolicyGroupRepository } from '../policy-groups/ports.js';
import type { PolicyLink } from '../policy-requests/ports.js';
import type { Clock, IdGenerator } from '../ports.js';
import type { ApiKey } from './api-key.js';

/**
 * Refusals: UniqueConstraintError('label') when the (partner, policy, normalised label) is taken at write time;
 * InactivePartnerError when the partner is not active at creation; ConcurrentModificationError when the key
 * changed since it was read, or the policy link is no longer approved at creation.
 */
export interface ApiKeyRepository {
  create(key: ApiKey, audit: AuditEntry, events: EventModel[]): Promise<void>;
  save(next: ApiKey, previous: ApiKey, audit: AuditEntry, events: EventModel[]): Promise<void>;
  byId(id: string): Promise<ApiKey | undefined>;
  byHash(keyHash: string): Promise<ApiKey | undefined>;
  byLabel(partnerId: string, policyId: string, label: string): Promise<ApiKey | undefined>;
  keysOfPartner(partnerId: string): Promise<ApiKey[]>;
  /** Every key, newest first, up to the adapter's bound (the admin list). */
  allKeys(): Promise<ApiKey[]>;
}

/** A fresh API key: at least 128 bits from a CSPRNG. */
export interface SecretGenerator {
  newSecret(): string;
}

export interface ApiKeyDeps {
  apiKeys: ApiKeyRepository;
  partners: Pick<PartnerRepository, 'getPartner' | 'partnersOfUser'>;
  policies: { getPolicy(id: string): Promise<Policy | undefined>; getPolicyByName(groupId: string, name: string): Promise<Policy | undefined> };
  groups: Pick<PolicyGroupRepository, 'getGroup'>;
  links: { openLink(partnerId: string, policyId: string): Promise<PolicyLink | undefined> };
  secrets: SecretGenerator;
  /** How long a new key is valid (MOSIP `mosip.pmp.partner.policy.expiry.period.indays`). */
  validityDays: number;
  clock: Clock;
  ids: IdGenerator;
}
