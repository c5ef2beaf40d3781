import { switchOffApiKey } from '../api-keys/switch-off.js';
import type { KeyCascadeDeps } from './ports.js';

/**
 * Switches off every key still on of a partner (all its keys are read, to the end of its index partition) that is already stored as inactive, each key in its own
 * transaction with its own audit record and APIKEY_UPDATED (a partner may hold more keys than one transaction
 * takes). Until this has run, verification already denies the keys (it reads the key's partner in the same batch)
 * and no key can be made for the partner (creation requires it active in its transaction); a run cut short is
 * finished by the next deactivation request.
 */
export async function deactivateKeysOfPartner(deps: KeyCascadeDeps, actor: string, partnerId: string): Promise<void> {
  const keys = await deps.apiKeys.keysOfPartner(partnerId);
  await Promise.all(keys.filter((key) => key.isActive).map((key) => switchOffApiKey(deps, actor, key.keyHash, 'partnerDeactivated')));
}
