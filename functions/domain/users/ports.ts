import type { AuditEntry } from '../audit.js';
import type { Clock } from '../ports.js';
import type { UserConsent } from './user-consent.js';

export interface UserRepository {
  /** Whether the user owns at least one partner. */
  ownsPartner(userId: string): Promise<boolean>;
  getConsent(userId: string): Promise<UserConsent | undefined>;
  /** Stores the consent (replacing an earlier one) together with its audit record. */
  saveConsent(consent: UserConsent, audit: AuditEntry): Promise<void>;
}

export interface UserDeps {
  users: UserRepository;
  clock: Clock;
}
