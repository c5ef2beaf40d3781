import { auditEntry } from '../audit.js';
import { isRevokedByAdmin } from '../credential-revocation.js';
import type { Clock, IdGenerator } from '../ports.js';
import { retryOnConflict } from '../retry.js';
import { API_KEY_AUDIT_TYPE, type ApiKey, apiKeyUpdated } from './api-key.js';
import type { ApiKeyRepository } from './ports.js';

/** Why PMS itself switches a key off: its partner was deactivated, or its validity ended. */
export type KeySwitchOffCause = 'partnerDeactivated' | 'expired';

export interface KeySwitchOffDeps {
  apiKeys: Pick<ApiKeyRepository, 'byHash' | 'save'>;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Switches one key off in its own transaction with its audit record and APIKEY_UPDATED; a key already off is left
 * as it is. Re-reads the key each attempt: the index it was found through may lag, and another writer may have
 * changed it. A key switched off with its partner is revoked by the admin who deactivated the partner (its owner
 * cannot switch it back on); expiry leaves the revocation as it was. Answers whether this call switched it off.
 */
export function switchOffApiKey(deps: KeySwitchOffDeps, actor: string, keyHash: string, cause: KeySwitchOffCause): Promise<boolean> {
  return retryOnConflict(async () => {
    const key = await deps.apiKeys.byHash(keyHash);
    if (!key?.isActive) return false;
    const now = deps.clock.now();
    const revokedByAdmin = cause === 'partnerDeactivated' || isRevokedByAdmin(key);
    const next: ApiKey = { ...key, isActive: false, revokedByAdmin, updBy: actor, updDtimes: now.toISOString() };
    const audit = auditEntry(actor, 'deactivateApiKey', API_KEY_AUDIT_TYPE, key.id, now, { partnerId: key.partnerId, policyId: key.policyId, cause });
    await deps.apiKeys.save(next, key, audit, [apiKeyUpdated(next, now, deps.ids)]);
    return true;
  });
}
