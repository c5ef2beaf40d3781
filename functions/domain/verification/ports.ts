import type { ApiKey } from '../api-keys/api-key.js';
import type { MispLicense } from '../misp-licenses/misp-license.js';
import type { Partner } from '../partners/partner.js';
import type { Clock } from '../ports.js';

/** A partner as verification sees it: the stored partner, with its current certificate once one is uploaded. */
export type VerifiedPartner = Partner;

export interface VerificationItems {
  key: ApiKey | undefined;
  partner: VerifiedPartner | undefined;
  license: MispLicense | undefined;
}

/**
 * Reads everything one verification needs in a single round trip, strongly consistent, writing nothing.
 * `keyHash` / `licenseHash` null: that item is not looked up (a malformed key or license cannot exist).
 */
export interface VerificationReader {
  read(keyHash: string | null, partnerId: string, licenseHash: string | null): Promise<VerificationItems>;
}

export interface VerificationDeps {
  reader: VerificationReader;
  clock: Clock;
}
