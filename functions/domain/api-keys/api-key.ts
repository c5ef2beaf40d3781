import { isUsable, maskedCredential } from '../credentials.js';
import { type EventModel, eventModel } from '../events/event-model.js';
import type { Partner } from '../partners/partner.js';
import { PARTNER_MANAGER_SERVICE, partnerData } from '../partners/partner-events.js';
import type { Policy } from '../policies/policy.js';
import { policyData } from '../policies/views.js';
import type { IdGenerator } from '../ports.js';

/** What audit records call an API key. */
export const API_KEY_AUDIT_TYPE = 'ApiKey';

/** MOSIP's admin key list shows only authentication partners' keys (ApiKeyRequestSummaryRepository). */
export const LISTED_PARTNER_TYPE = 'Auth_Partner';

/** Whether the admin key list shows the key (a key stored before its partner type was kept is taken to be shown). */
export function isListedForAdmins(key: Pick<ApiKey, 'partnerType'>): boolean {
  return key.partnerType === undefined || key.partnerType === LISTED_PARTNER_TYPE;
}

/**
 * A partner's API key for one policy (MOSIP `partner_policy`). The key itself is never stored: only its SHA-256
 * (the key is 256 random bits, so a fast hash cannot be reversed by guessing) and its last characters, which let
 * a person tell their keys apart. `id` is a UUID that stands for the key wherever MOSIP shows or sends the key.
 */
export interface ApiKey {
  id: string;
  keyHash: string;
  hint: string;
  partnerId: string;
  /** The partner's type when the key was made (types never change); absent on keys stored before it was kept. */
  partnerType?: string;
  policyId: string;
  /** As the partner typed it; uniqueness per (partner, policy) is on the normalised form. */
  label: string;
  isActive: boolean;
  /** Switched off by an admin (or with its partner): only an admin switches it back on (credential-revocation.ts). */
  revokedByAdmin?: boolean;
  validFromDatetime: string;
  validToDatetime: string;
  /** The key's policy as it was bound (generation or re-point): what verification reads, with the key, in one get. */
  policy: PolicySnapshot;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
  revision: number;
}

/**
 * The parts of a policy that key verification answers with, copied onto the key when it is generated or
 * re-pointed, so that `POST /partners/authenticate/verify` reads key, partner and license in one BatchGetItem and
 * never the policy. The copy cannot go stale: a key is only ever bound to a published (`activated`) policy with
 * an approved link, a published policy's content and validity are never edited again, and a policy with an
 * approved partner-policy request can never be deactivated (policies/commands.ts refuses while
 * `approvedRequestCount > 0`, counted in the requests' own transactions). Its status is still copied and checked,
 * so that a future change to those rules fails closed rather than silently.
 */
export interface PolicySnapshot {
  id: string;
  name: string;
  desc: string;
  policies: unknown;
  status: Policy['status'];
  validFromDate: string;
  validToDate: string;
}

export function policySnapshot(policy: Policy): PolicySnapshot {
  const { id, name, desc, policies, status, validFromDate, validToDate } = policy;
  return { id, name, desc, policies, status, validFromDate, validToDate };
}

/** An API key is 32 random bytes in base64url (wiring.ts): 43 characters. */
const API_KEY_LENGTH = 43;

/** What we show where MOSIP shows the key again: stars and the hint, the key's length. */
export function maskedApiKey(key: Pick<ApiKey, 'hint'>): string {
  return maskedCredential(key.hint, API_KEY_LENGTH);
}

/**
 * MOSIP's APIKeyDataPublishDto. MOSIP puts the key itself in `apiKeyId`; we put the key's UUID there, so no
 * event ever carries a credential (IDA verifies keys through our verification endpoint instead).
 */
export function apiKeyData(key: ApiKey, now: Date) {
  return {
    apiKeyId: key.id,
    apiKeyCommenceOn: key.validFromDatetime,
    apiKeyExpiresOn: key.validToDatetime,
    apiKeyStatus: isUsable(key, now) ? 'ACTIVE' : 'DEACTIVE',
  };
}

export function apiKeyApproved(key: ApiKey, partner: Partner, policy: Policy, now: Date, ids: IdGenerator): EventModel {
  const data = { partnerData: partnerData(partner), policyData: policyData(policy), apiKeyData: apiKeyData(key, now) };
  return eventModel(PARTNER_MANAGER_SERVICE, 'APIKEY_APPROVED', data, now, ids.newId());
}

export function apiKeyUpdated(key: ApiKey, now: Date, ids: IdGenerator): EventModel {
  return eventModel(PARTNER_MANAGER_SERVICE, 'APIKEY_UPDATED', { apiKeyData: apiKeyData(key, now) }, now, ids.newId());
}
