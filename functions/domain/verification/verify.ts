import { type ErrorDefinition, PmsError } from '../../errors/pms-error.js';
import { VERIFICATION_ERRORS as E } from '../../errors/verification-errors.js';
import type { ApiKey } from '../api-keys/api-key.js';
import { credentialHash } from '../credentials.js';
import { LICENSE_KEY_LENGTH, type MispLicense } from '../misp-licenses/misp-license.js';
import { localDateTime } from '../mosip-dates.js';
import type { VerificationDeps, VerifiedPartner } from './ports.js';

/** Our API keys: 32 random bytes, base64url (wiring.ts). Anything else cannot be a key and is simply not found. */
const API_KEY_FORMAT = /^[A-Za-z0-9_-]{43}$/;
/** MISP license keys: 50 symbols of [0-9a-zA-Z] (misp-license.ts). */
const LICENSE_FORMAT = new RegExp(`^[0-9a-zA-Z]{${LICENSE_KEY_LENGTH}}$`);

export interface VerifyInput {
  partnerId: string;
  apiKey: string;
  mispLicenseKey: string;
  certificateThumbprint?: string | undefined;
}

function deny(error: ErrorDefinition): never {
  throw new PmsError(error);
}

/** commence ≤ now ≤ expires, as IDA compares them. */
function within(from: string, to: string, now: string): boolean {
  return from <= now && now <= to;
}

/**
 * `POST /partners/authenticate/verify`: IDA's per-request check of (partnerId, apiKey, mispLicenseKey)
 * (PartnerServiceManager#validatePartnerMappingDetails), answered in IDA's order with the first
 * failing check, or with MOSIP's historical validate response. One BatchGetItem, no write.
 */
export async function verifyPartnerKeys(deps: VerificationDeps, input: VerifyInput) {
  const keyHash = API_KEY_FORMAT.test(input.apiKey) ? credentialHash(input.apiKey) : null;
  // Check 1 needs the key: a malformed one is not found, without reading anything.
  if (keyHash === null) deny(E.NOT_MAPPED);
  const licenseHash = LICENSE_FORMAT.test(input.mispLicenseKey) ? credentialHash(input.mispLicenseKey) : null;
  const { key, partner, license } = await deps.reader.read(keyHash, input.partnerId, licenseHash);
  const now = deps.clock.now().toISOString();

  // 1. The (partner, key) mapping exists. A key of another partner answers exactly like an unknown key, so a
  //    caller learns nothing about keys that are not the partner's; a partner we do not hold likewise.
  if (!key || key.partnerId !== input.partnerId || !partner) deny(E.NOT_MAPPED);
  // 2. The partner is active (deactivation by an admin, or not yet approved).
  if (!partner.isActive) deny(E.PARTNER_NOT_ACTIVE);
  // 3. The policy: active, then within its validity.
  const policy = key.policy;
  if (policy.status !== 'activated') deny(E.POLICY_NOT_ACTIVE);
  if (!within(policy.validFromDate, policy.validToDate, now)) deny(E.POLICY_EXPIRED);
  // 4. The key: active, then within its validity. A key whose validity ended is answered as expired even once the
  //    daily job has switched it off, so the partner is told the real reason.
  if (!key.isActive && !expired(key, now)) deny(E.KEY_NOT_ACTIVE);
  if (!within(key.validFromDatetime, key.validToDatetime, now)) deny(E.KEY_EXPIRED);
  // 5. The signing certificate: a given thumbprint must be the SHA-256 of the partner's MOSIP-signed certificate;
  //    a mismatch answers as an unmapped partner (PMS has no code of its own for it; IDA says IDA-MPA-021). IDA
  //    also accepts the MISP's certificate: that needs the MISP partner's item, which this batch cannot name
  //    before the license is read (not done).
  if (!thumbprintMatches(partner, input.certificateThumbprint)) deny(E.NOT_MAPPED);
  // 6. The MISP license: exists, active, within its validity. "Active" also means "the MISP's newest": a newer
  //    license switches every active older one off in its own transaction, and only the newest may be switched
  //    back on (conditional on the MISP's head item), so the license item alone answers and the head is not read.
  if (!license) deny(E.LICENSE_NOT_FOUND);
  if (!license.isActive && !expired(license, now)) deny(E.LICENSE_BLOCKED);
  if (!within(license.validFromDatetime, license.validToDatetime, now)) deny(E.LICENSE_EXPIRED);

  return validateResponse(key, partner, license);
}

function expired(credential: { validToDatetime: string }, now: string): boolean {
  return credential.validToDatetime < now;
}

function thumbprintMatches(partner: VerifiedPartner, given: string | undefined): boolean {
  const stored = partner.certificate?.signedThumbprint;
  if (!given || !stored) return true;
  return normaliseThumbprint(given) === normaliseThumbprint(stored);
}

/** SHA-256 hex, any case, with or without colons. */
function normaliseThumbprint(value: string): string {
  return value.replace(/:/g, '').toUpperCase();
}

/**
 * MOSIP 1.1.5's validate response (PartnerPolicyResponse), plus `partnerStatus`. Statuses are IDA's words
 * ("ACTIVE"), as in the APIKEY_APPROVED event; a denial is raised before this is built, so every status here is
 * ACTIVE. `certificateData` is the partner's MOSIP-signed certificate (PEM).
 */
function validateResponse(key: ApiKey, partner: VerifiedPartner, license: MispLicense) {
  return {
    policyId: key.policy.id,
    policyName: key.policy.name,
    policyDescription: key.policy.desc,
    policy: key.policy.policies,
    policyStatus: 'ACTIVE',
    partnerId: partner.id,
    partnerName: partner.organizationName,
    partnerStatus: 'ACTIVE',
    certificateData: partner.certificate?.signedPem ?? null,
    policyExpiresOn: localDateTime(key.policy.validToDate),
    apiKeyExpiresOn: localDateTime(key.validToDatetime),
    mispExpiresOn: localDateTime(license.validToDatetime),
  };
}
