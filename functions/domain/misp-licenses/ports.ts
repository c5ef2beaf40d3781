import type { AuditEntry } from '../audit.js';
import type { EventModel } from '../events/event-model.js';
import type { PartnerRepository } from '../partners/ports.js';
import type { Policy } from '../policies/policy.js';
import type { PolicyRequest } from '../policy-requests/policy-request.js';
import type { Clock, IdGenerator } from '../ports.js';
import type { MispLicense } from './misp-license.js';

/**
 * Each MISP has a head naming its newest license; every write that depends on which license is newest is
 * conditional on it. Refusals: ConcurrentModificationError when the head or a license changed since it was read;
 * InactivePartnerError when the MISP is not active when a license is issued or activated.
 */
export interface MispLicenseRepository {
  /** Stores `license` as the MISP's newest (the head still naming `previousLatestId`) and saves `retired` (next, previous) in the same transaction. */
  issue(
    license: MispLicense,
    previousLatestId: string | null,
    retired: { next: MispLicense; previous: MispLicense }[],
    audit: AuditEntry,
    events: EventModel[],
  ): Promise<void>;
  /** Saves a license; an activation only while it is still the MISP's newest and the MISP is active. */
  save(next: MispLicense, previous: MispLicense, activating: boolean, audit: AuditEntry, events: EventModel[]): Promise<void>;
  byHash(keyHash: string): Promise<MispLicense | undefined>;
  /** The id of the MISP's newest license, if it has any. */
  latestId(mispId: string): Promise<string | null>;
  /** A MISP's licenses, newest first, every one of them. */
  licensesOf(mispId: string): Promise<MispLicense[]>;
  /** Every license, newest first, read to the end (the admin list). */
  allLicenses(): Promise<MispLicense[]>;
  /** The partner's policy requests, any status (MOSIP partnerPolicyRequestRepository#findByPartnerId). */
  policyRequestsOf(partnerId: string): Promise<PolicyRequest[]>;
}

export interface MispLicenseDeps {
  licenses: MispLicenseRepository;
  partners: Pick<PartnerRepository, 'getPartner' | 'partnersOfUser'>;
  policies: { getPolicy(id: string): Promise<Policy | undefined> };
  /** A fresh 50-character license key. */
  newKey(): string;
  /** Default validity of a new license (MOSIP `mosip.pmp.misp.license.expiry.period.indays`). */
  validityDays: number;
  clock: Clock;
  ids: IdGenerator;
}
