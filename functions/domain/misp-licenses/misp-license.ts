import { isUsable, maskedCredential } from '../credentials.js';
import { type EventModel, eventModel, type PartnerEventTopic } from '../events/event-model.js';
import type { Policy } from '../policies/policy.js';
import { policyData } from '../policies/views.js';
import type { IdGenerator } from '../ports.js';

/**
 * A MISP partner's license key (MOSIP `misp_license`). As for API keys, the key itself is never stored: only its
 * SHA-256 (50 symbols of [0-9a-zA-Z] from a CSPRNG, about 297 bits, cannot be guessed back) and its last
 * characters. `id` is a UUID that stands for the license in events, lists and audit records.
 */
export interface MispLicense {
  id: string;
  keyHash: string;
  hint: string;
  mispId: string;
  policyId: string | null;
  isActive: boolean;
  /** Switched off by an admin (or with its MISP): only an admin switches it back on or issues a new one (credential-revocation.ts). */
  revokedByAdmin?: boolean;
  validFromDatetime: string;
  validToDatetime: string;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
  revision: number;
}

/** What audit records call a license. */
export const MISP_LICENSE_AUDIT_TYPE = 'MispLicense';

/** MOSIP `mosip.kernel.idgenerator.misp.license-key-length`. */
export const LICENSE_KEY_LENGTH = 50;
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The largest multiple of 62 below 256: bytes at or above it are dropped, so every symbol is equally likely. */
const ACCEPT_BELOW = 256 - (256 % ALPHABET.length);

/** 50 symbols of [0-9a-zA-Z] by rejection sampling over CSPRNG bytes (no modulo bias). */
export function newLicenseKey(randomBytes: (size: number) => Uint8Array): string {
  let key = '';
  while (key.length < LICENSE_KEY_LENGTH) {
    for (const byte of randomBytes(64)) {
      if (byte < ACCEPT_BELOW && key.length < LICENSE_KEY_LENGTH) key += ALPHABET[byte % ALPHABET.length];
    }
  }
  return key;
}

/** What we show where MOSIP shows the key again: stars and the hint, the key's length. */
export function maskedKey(license: Pick<MispLicense, 'hint'>): string {
  return maskedCredential(license.hint, LICENSE_KEY_LENGTH);
}

/**
 * MOSIP's MISPDataPublishDto, with the license's id (`licenseId`) where MOSIP sends the key (`licenseKey`): no
 * event carries a credential.
 */
export function mispLicenseData(license: MispLicense, now: Date) {
  return {
    mispId: license.mispId,
    licenseId: license.id,
    mispCommenceOn: license.validFromDatetime,
    mispExpiresOn: license.validToDatetime,
    mispStatus: isUsable(license, now) ? 'ACTIVE' : 'NOT_ACTIVE',
  };
}

/** MOSIP publishes these from InfraProviderServiceImpl#notify. */
const INFRA_PROVIDER_SERVICE = { name: 'InfraProviderServiceImpl', namespace: 'io.mosip.pmp.partner.service.impl.InfraProviderServiceImpl' };

export function mispLicenseEvent(
  topic: Extract<PartnerEventTopic, 'MISP_LICENSE_GENERATED' | 'MISP_LICENSE_UPDATED'>,
  license: MispLicense,
  policy: Policy | undefined,
  now: Date,
  ids: IdGenerator,
): EventModel {
  const data = { mispLicenseData: mispLicenseData(license, now), ...(policy ? { policyData: policyData(policy) } : {}) };
  return eventModel(INFRA_PROVIDER_SERVICE, topic, data, now, ids.newId());
}
