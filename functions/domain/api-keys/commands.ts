import { API_KEY_ERRORS } from '../../errors/api-key-errors.js';
import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { InactivePartnerError, PmsError, UniqueConstraintError } from '../../errors/pms-error.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { mayActivate, revokedByAdminAfter, revokesOwnersDeactivation } from '../credential-revocation.js';
import { credentialHash, credentialHint, isUsable } from '../credentials.js';
import { partnerOf } from '../partners/ownership.js';
import type { Partner } from '../partners/partner.js';
import type { Policy } from '../policies/policy.js';
import { retryOnConflict } from '../retry.js';
import { ACTIVATION_STATUSES, isWordInAnyCase } from '../status-words.js';
import { type ApiKey, apiKeyApproved, apiKeyUpdated, API_KEY_AUDIT_TYPE as OBJECT_TYPE, policySnapshot } from './api-key.js';
import { ActiveKeyLimitError, type ApiKeyDeps } from './ports.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A partner generates a key for a policy whose request was approved (MOSIP `PATCH /partners/{id}/generate/apikey`,
 * PartnerManagementServiceImpl#generateAPIKey). The key is returned here, once; only its hash is kept.
 */
export async function generateApiKey(deps: ApiKeyDeps, caller: Caller, partnerId: string, input: { policyName: string; label: string }) {
  // MOSIP: only the partner itself, never an admin on its behalf.
  if (caller.userId !== partnerId) throw new PmsError(PARTNER_ERRORS.USER_NOT_AUTHORIZED);
  return retryOnConflict(async () => {
    const stored = await deps.partners.getPartner(partnerId);
    if (!stored) throw new PmsError(API_KEY_ERRORS.PARTNER_ID_DOES_NOT_EXIST);
    const partner = await partnerOf({ getPartner: async () => stored }, caller, partnerId);
    if (!partner.isActive) throw new PmsError(API_KEY_ERRORS.PARTNER_NOT_ACTIVE);
    const policy = partner.policyGroupId ? await deps.policies.getPolicyByName(partner.policyGroupId, input.policyName) : undefined;
    if (!policy) throw new PmsError(API_KEY_ERRORS.POLICY_DOES_NOT_EXIST);
    if ((await deps.links.openLink(partnerId, policy.id))?.status !== 'approved') throw new PmsError(API_KEY_ERRORS.POLICY_NOT_MAPPED_TO_PARTNER);
    if (await deps.apiKeys.byLabel(partnerId, policy.id, input.label)) throw new PmsError(API_KEY_ERRORS.LABEL_EXISTS);

    const now = deps.clock.now();
    const secret = deps.secrets.newSecret();
    const key: ApiKey = {
      id: deps.ids.newId(),
      keyHash: credentialHash(secret),
      hint: credentialHint(secret),
      partnerId,
      partnerType: partner.partnerType,
      policyId: policy.id,
      label: input.label,
      isActive: true,
      validFromDatetime: now.toISOString(),
      validToDatetime: new Date(now.getTime() + deps.validityDays * DAY_MS).toISOString(),
      policy: policySnapshot(policy),
      crBy: caller.userId,
      crDtimes: now.toISOString(),
      updBy: null,
      updDtimes: null,
      revision: 0,
    };
    const audit = auditEntry(caller.userId, 'generateApiKey', OBJECT_TYPE, key.id, now, { partnerId, policyId: policy.id, hint: key.hint });
    await deps.apiKeys.create(key, audit, [apiKeyApproved(key, partner, policy, now, deps.ids)], deps.activeKeysPerPolicyMax).catch((error: unknown) => {
      if (error instanceof UniqueConstraintError) throw new PmsError(API_KEY_ERRORS.LABEL_EXISTS);
      if (error instanceof InactivePartnerError) throw new PmsError(API_KEY_ERRORS.PARTNER_NOT_ACTIVE);
      throw keyLimitRefusal(error);
    });
    return { apiKey: secret, label: key.label, partnerId, policyId: policy.id, apiKeyId: key.id };
  });
}

/**
 * Activates or deactivates a key found by partner, policy and label (MOSIP `PATCH
 * /partners/{id}/policy/{policyId}/apiKey/status`, #updateAPIKeyStatus). MOSIP looks only for the key, so a missing
 * partner has none: PMS_PRT_111, which is also the answer for a partner that is not the caller's (MOSIP lets anyone
 * change any key). Ours: a key an admin switched off stays off until an admin switches it on (PMS_PMS_023 for its
 * owner), and an admin's "De-active" on a key its owner switched off records that revocation instead of PMS_PMS_022.
 */
export async function changeApiKeyStatus(deps: ApiKeyDeps, caller: Caller, partnerId: string, policyId: string, input: { label: string; status: string }) {
  const partner = await partnerOf(deps.partners, caller, partnerId, API_KEY_ERRORS.LABEL_DOES_NOT_EXIST);
  return retryOnConflict(async () => {
    const key = await deps.apiKeys.byLabel(partnerId, policyId, input.label);
    if (!key) throw new PmsError(API_KEY_ERRORS.LABEL_DOES_NOT_EXIST);
    if (!caller.isAdmin && !partner.isActive) throw new PmsError(API_KEY_ERRORS.PARTNER_NOT_ACTIVE);
    const status = input.status.toLowerCase();
    const now = deps.clock.now();
    if (status === 'de-active' && !isUsable(key, now) && !revokesOwnersDeactivation(key, caller)) throw new PmsError(API_KEY_ERRORS.KEY_NOT_ACTIVE);
    if (!isWordInAnyCase(ACTIVATION_STATUSES, status)) throw new PmsError(API_KEY_ERRORS.INVALID_STATUS);
    const activate = status === 'active';
    if (activate && !mayActivate(key, caller)) throw new PmsError(API_KEY_ERRORS.KEY_REVOKED_BY_ADMIN);
    const next: ApiKey = {
      ...key,
      isActive: activate,
      revokedByAdmin: revokedByAdminAfter(key, caller, activate),
      updBy: caller.userId,
      updDtimes: now.toISOString(),
    };
    const audit = auditEntry(caller.userId, activate ? 'activateApiKey' : 'deactivateApiKey', OBJECT_TYPE, key.id, now, { partnerId, policyId });
    await deps.apiKeys.save(next, key, audit, [apiKeyUpdated(next, now, deps.ids)], deps.activeKeysPerPolicyMax).catch((error: unknown) => {
      throw keyLimitRefusal(error);
    });
    return activate ? 'Partner apikey activated successfully.' : 'Partner apikey de-activated successfully.';
  });
}

/**
 * Binds an active key to another policy of the partner's group (MOSIP `PUT /partners/{id}/apikey/{apikey}/policies`,
 * #updatePolicyAgainstApikey, partner admins only). As MOSIP, the key of that partner and old policy is looked up
 * first (PMS_PMP_50 for a missing partner too). The path names the key by its id; the key itself is still accepted
 * there because MOSIP clients send it, and is only ever hashed.
 */
export async function repointApiKey(deps: ApiKeyDeps, caller: Caller, partnerId: string, keyRef: string, input: { oldPolicyID: string; newPolicyID: string }) {
  return retryOnConflict(async () => {
    const key = await apiKeyNamed(deps, keyRef);
    if (!key || key.partnerId !== partnerId || key.policyId !== input.oldPolicyID) throw new PmsError(API_KEY_ERRORS.KEY_POLICY_MAPPING_DOES_NOT_EXIST);
    const now = deps.clock.now();
    if (!isUsable(key, now)) throw new PmsError(API_KEY_ERRORS.KEY_NOT_ACTIVE);
    const partner = await partnerOf(deps.partners, caller, partnerId, API_KEY_ERRORS.KEY_POLICY_MAPPING_DOES_NOT_EXIST);
    const policy = await usablePolicyOfGroup(deps, partner, input.newPolicyID);
    const policyId = policy.id;
    const message = { message: 'Given apikey updated with policy successfully. ' };
    if (policyId === key.policyId) return message;
    const next: ApiKey = { ...key, policyId, policy: policySnapshot(policy), updBy: caller.userId, updDtimes: now.toISOString() };
    const audit = auditEntry(caller.userId, 'repointApiKey', OBJECT_TYPE, key.id, now, { partnerId, oldPolicyId: key.policyId, newPolicyId: policyId });
    await deps.apiKeys.save(next, key, audit, [apiKeyUpdated(next, now, deps.ids)], deps.activeKeysPerPolicyMax).catch((error: unknown) => {
      if (error instanceof UniqueConstraintError) throw new PmsError(API_KEY_ERRORS.LABEL_EXISTS);
      throw keyLimitRefusal(error);
    });
    return message;
  });
}

/**
 * The policy a partner's key is bound to (MOSIP `GET /partners/{id}/apikey/{apikey}`, #getPartnerAPIKeyToPolicyMapping,
 * partner admins only), the key named as on the re-point route; PMS_PMP_009 when that partner has no such key.
 */
export async function policyOfApiKey(deps: Pick<ApiKeyDeps, 'apiKeys'>, partnerId: string, keyRef: string) {
  const key = await apiKeyNamed(deps, keyRef);
  if (!key || key.partnerId !== partnerId) throw new PmsError(API_KEY_ERRORS.PARTNER_KEY_NOT_MAPPED);
  return { partnerID: partnerId, policyId: key.policyId };
}

/**
 * Ours: a partner holds at most `activeKeysPerPolicyMax` active keys per policy, so one partner cannot flood the
 * key lists and checks with keys; creating, activating or re-pointing a key past it is refused with PMS_PMS_024.
 * Only active keys count: switching a key off frees its place, so rotation (new key, then the old one off) works.
 */
function keyLimitRefusal(error: unknown): unknown {
  return error instanceof ActiveKeyLimitError ? new PmsError(API_KEY_ERRORS.ACTIVE_KEY_LIMIT_REACHED) : error;
}

/** A key named in a path: by its id, or by the key itself, which is only hashed. */
function apiKeyNamed(deps: Pick<ApiKeyDeps, 'apiKeys'>, keyRef: string): Promise<ApiKey | undefined> {
  return KEY_ID.test(keyRef) ? deps.apiKeys.byId(keyRef.toLowerCase()) : deps.apiKeys.byHash(credentialHash(keyRef));
}

/** MOSIP #validateAndGetPolicyOfPolicyGroup: in the partner's group, activated, with an active group. */
async function usablePolicyOfGroup(deps: ApiKeyDeps, partner: Partner, policyId: string): Promise<Policy> {
  const policy = await deps.policies.getPolicy(policyId);
  if (!policy || policy.policyGroupId !== partner.policyGroupId) throw new PmsError(API_KEY_ERRORS.POLICY_DOES_NOT_EXIST, policyId);
  if (policy.status !== 'activated') throw new PmsError(API_KEY_ERRORS.POLICY_NOT_ACTIVE, policyId);
  if (!(await deps.groups.getGroup(policy.policyGroupId))?.isActive) throw new PmsError(API_KEY_ERRORS.POLICY_GROUP_NOT_ACTIVE, policyId);
  return policy;
}
