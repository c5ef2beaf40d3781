import type { ApiKeyRepository } from '../api-keys/ports.js';
import type { KeySwitchOffDeps } from '../api-keys/switch-off.js';
import type { MispLicenseRepository } from '../misp-licenses/ports.js';
import type { PartnerDeps } from '../partners/ports.js';
import type { Policy } from '../policies/policy.js';
import type { IdGenerator } from '../ports.js';

export interface KeyCascadeDeps extends KeySwitchOffDeps {
  apiKeys: Pick<ApiKeyRepository, 'keysOfPartner' | 'byHash' | 'save'>;
}

export interface LicenseCascadeDeps {
  licenses: Pick<MispLicenseRepository, 'licensesOf' | 'latestId'>;
  policies: { getPolicy(id: string): Promise<Policy | undefined> };
  ids: IdGenerator;
}

/** Changing a partner's status also switches off, when it is deactivated, its MISP licenses and API keys. */
export interface PartnerStatusDeps extends PartnerDeps, LicenseCascadeDeps, KeyCascadeDeps {}
