import type { AuditEntry } from '../audit.js';
import type { EventModel } from '../events/event-model.js';
import type { PartnerRepository } from '../partners/ports.js';
import type { Policy } from '../policies/policy.js';
import type { PolicyGroupRepository } from '../policy-groups/ports.js';
import type { PolicyLink } from '../policy-requests/ports.js';
import type { Clock, IdGenerator } from '../ports.js';
import type { IndexedList } from '../search/list-definition.js';
import type { ApiKey } from './api-key.js';

/**
 * A write would give a partner more than `max` active keys for one policy: refused before anything is written
 * (the repository reads the count first, and its transaction is conditional on it).
 * The count is kept in the same transaction as every write that switches a key on or off, so two concurrent
 * writes cannot both take the last place.
 */
export class ActiveKeyLimitError extends Error {
  constructor(
    readonly partnerId: string,
    readonly policyId: string,
    readonly max: number,
  ) {
    super(`partner ${partnerId} already holds ${max} active keys for policy ${policyId}`);
    this.name = 'ActiveKeyLimitError';
  }
}

/**
 * Refusals: UniqueConstraintError('label') when the (partner, policy, normalised label) is taken at write time;
 * InactivePartnerError when the partner is not active at creation; ActiveKeyLimitError when a key switched on
 * (created, activated or moved to another policy while active) would pass `activeKeysMax`;
 * ConcurrentModificationError when the key or its policy's count changed since it was read, or the policy link is
 * no longer approved at creation. Only `isActive` keys count: a switched-off key frees its place (rotation), and
 * an expired key frees it when the expiry job switches it off.
 */
export interface ApiKeyRepository {
  create(key: ApiKey, audit: AuditEntry, events: EventModel[], activeKeysMax: number): Promise<void>;
  /** `activeKeysMax` is needed only when `next` switches a key on for its policy (activation, re-point). */
  save(next: ApiKey, previous: ApiKey, audit: AuditEntry, events: EventModel[], activeKeysMax?: number): Promise<void>;
  byId(id: string): Promise<ApiKey | undefined>;
  byHash(keyHash: string): Promise<ApiKey | undefined>;
  byLabel(partnerId: string, policyId: string, label: string): Promise<ApiKey | undefined>;
  /** Every key of the partner, oldest first, read to the end. */
  keysOfPartner(partnerId: string): Promise<ApiKey[]>;
  /** Every key of every partner type, newest first, read to the end (the legacy search). */
  allKeys(): Promise<ApiKey[]>;
}

/** A fresh API key: at least 128 bits from a CSPRNG. */
export interface SecretGenerator {
  newSecret(): string;
}

export interface ApiKeyDeps {
  apiKeys: ApiKeyRepository;
  /** The keys the admin list shows (authentication partners'), newest first by default. */
  listedKeys: IndexedList<ApiKey>;
  partners: Pick<PartnerRepository, 'getPartner' | 'partnersOfUser'>;
  policies: { getPolicy(id: string): Promise<Policy | undefined>; getPolicyByName(groupId: string, name: string): Promise<Policy | undefined> };
  groups: Pick<PolicyGroupRepository, 'getGroup'>;
  links: { openLink(partnerId: string, policyId: string): Promise<PolicyLink | undefined> };
  secrets: SecretGenerator;
  /** How long a new key is valid (MOSIP `mosip.pmp.partner.policy.expiry.period.indays`). */
  validityDays: number;
  /** The most active keys a partner may hold for one policy (`API_KEYS_PER_POLICY_MAX`). */
  activeKeysPerPolicyMax: number;
  clock: Clock;
  ids: IdGenerator;
}
