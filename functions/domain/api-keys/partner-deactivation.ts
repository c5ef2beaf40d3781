import { auditEntry } from '../audit.js';
import type { Clock, IdGenerator } from '../ports.js';
import { retryOnConflict } from '../retry.js';
import { API_KEY_AUDIT_TYPE, apiKeyUpdated, type ApiKey } from './api-key.js';
import type { ApiKeyRepository } from './ports.js';

export interface KeyCascadeDeps {
  apiKeys: Pick<ApiKeyRepository, 'keysOfPartner' | 'byHash' | 'save'>;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Switches off every key still on of a partner that is already stored as inactive, each key in its own
 * transaction with its own audit record and APIKEY_UPDATED (a partner may hold more keys than one transaction
 * takes). Until this has run, verification already denies the keys (it reads the key's partner in the same batch)
 * and no key can be made for the partner (creation requires it active in its transaction); a run cut short is
 * finished by the next deactivation request.
 */
export async function deactivateKeysOfPartner(deps: KeyCascadeDeps, actor: string, partnerId: string): Promise<void> {
  const keys = await deps.apiKeys.keysOfPartner(partnerId);
  await Promise.all(keys.filter((key) => key.isActive).map((key) => deactivateKey(deps, actor, key.keyHash)));
}

/** Re-reads the key each attempt: the partner's key index may lag, and another writer may have changed it. */
function deactivateKey(deps: KeyCascadeDeps, actor: string, keyHash: string): Promise<void> {
  return retryOnConflict(async () => {
    const key = await deps.apiKeys.byHash(keyHash);
    if (!key?.isActive) return;
    const now = deps.clock.now();
    const next: ApiKey = { ...key, isActive: false, updBy: actor, updDtimes: now.toISOString() };
    const audit = auditEntry(actor, 'deactivateApiKey', API_KEY_AUDIT_TYPE, key.id, now, { partnerId: key.partnerId, policyId: key.policyId, cause: 'partnerDeactivated' });
    await deps.apiKeys.save(next, key, audit, [apiKeyUpdated(next, now, deps.ids)]);
  });
}
