import { MISP_ERRORS } from '../../errors/misp-errors.js';
import { ConcurrentModificationError, InactivePartnerError, PmsError } from '../../errors/pms-error.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { isRevokedByAdmin, mayActivate, revokedByAdminAfter } from '../credential-revocation.js';
import { credentialHash, credentialHint, isUsable } from '../credentials.js';
import { localDateTime } from '../mosip-dates.js';
import { ownedPartners, partnerOf } from '../partners/ownership.js';
import type { Partner } from '../partners/partner.js';
import type { Policy } from '../policies/policy.js';
import { retryOnConflict } from '../retry.js';
import { ACTIVATION_STATUSES, isWordInAnyCase } from '../status-words.js';
import { type MispLicense, maskedKey, mispLicenseEvent, MISP_LICENSE_AUDIT_TYPE as OBJECT_TYPE } from './misp-license.js';
import type { MispLicenseDeps } from './ports.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** MOSIP `mosip.pms.misp.partner.type`. */
const MISP_PARTNER_TYPE = 'misp_partner';
const MAX_VALIDITY_DAYS = 999999;

/** MISPLicenseResponseDto; `licenseKey` is the clear key only in the answer that created it. */
function response(license: MispLicense, licenseKey: string, status: string) {
  return { providerId: license.mispId, licenseKey, licenseKeyStatus: status, licenseKeyExpiry: localDateTime(license.validToDatetime) };
}

/** The MISP, if the caller may act on it; a missing partner (and another user's) is MOSIP's PMS_MSP_005. */
function mispOf(deps: MispLicenseDeps, caller: Caller, mispId: string): Promise<Partner> {
  return partnerOf(deps.partners, caller, mispId, MISP_ERRORS.MISP_ID_NOT_EXISTS);
}

/** MOSIP: if the MISP has policy requests, all must be approved, and the first one's policy is the license's. */
async function mispPolicy(deps: MispLicenseDeps, mispId: string): Promise<Policy | undefined> {
  const requests = await deps.licenses.policyRequestsOf(mispId);
  if (requests.length === 0) return undefined;
  if (!requests.every((request) => request.status === 'approved')) throw new PmsError(MISP_ERRORS.MISP_POLICY_NOT_APPROVED);
  const first = [...requests].sort((a, b) => a.crDtimes.localeCompare(b.crDtimes))[0]!;
  const policy = await deps.policies.getPolicy(first.policyId);
  if (!policy) throw new PmsError(MISP_ERRORS.MISP_POLICY_NOT_EXISTS);
  return policy;
}

function newLicense(deps: MispLicenseDeps, caller: Caller, mispId: string, policy: Policy | undefined, validityDays: number, now: Date) {
  const secret = deps.newKey();
  const license: MispLicense = {
    id: deps.ids.newId(),
    keyHash: credentialHash(secret),
    hint: credentialHint(secret),
    mispId,
    policyId: policy?.id ?? null,
    isActive: true,
    validFromDatetime: now.toISOString(),
    validToDatetime: new Date(now.getTime() + validityDays * DAY_MS).toISOString(),
    crBy: caller.userId,
    crDtimes: now.toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
  return { secret, license };
}

function rethrowInactive(error: unknown): never {
  if (error instanceof InactivePartnerError) throw new PmsError(MISP_ERRORS.MISP_IS_INACTIVE);
  throw error;
}

/**
 * `POST /misps` (InfraProviderServiceImpl#approveInfraProvider). MOSIP refuses once the MISP has any license;
 * we refuse while one is active and unexpired, so a MISP whose licenses all lapsed can get a new one, but not a
 * MISP whose newest license an admin switched off (PMS_MSP_422, ours): that takes an admin.
 */
export async function generateMispLicense(deps: MispLicenseDeps, caller: Caller, input: { providerId: string }) {
  const partner = await mispOf(deps, caller, input.providerId);
  return retryOnConflict(async () => {
    const now = deps.clock.now();
    const existing = await deps.licenses.licensesOf(partner.id);
    if (existing.some((license) => isUsable(license, now))) throw new PmsError(MISP_ERRORS.MISP_LICENSE_KEY_EXISTS);
    if (partner.partnerType.toLowerCase() !== MISP_PARTNER_TYPE) throw new PmsError(MISP_ERRORS.MISP_ID_NOT_VALID);
    if (!partner.isActive) throw new PmsError(MISP_ERRORS.MISP_IS_INACTIVE);
    if (!caller.isAdmin && (await newestRevokedByAdmin(deps, partner.id, existing))) throw new PmsError(MISP_ERRORS.MISP_LICENSE_REVOKED_BY_ADMIN);
    const policy = await mispPolicy(deps, partner.id);
    return issue(deps, caller, partner.id, policy, deps.validityDays, existing, 'generateMispLicense', 'MISP_LICENSE_GENERATED', now);
  });
}

/**
 * `GET /misps/{mispId}/licenseKey` (#regenerateKey), admins only. An active, unexpired license is answered
 * masked (its key was shown once, when it was made); otherwise a new license is made, shown once, and every
 * older license is deactivated with it. `validityDays` (ours) overrides the default validity.
 */
export async function regenerateMispLicense(deps: MispLicenseDeps, caller: Caller, mispId: string, query: { validityDays?: string | undefined }) {
  const validityDays = validityOf(query.validityDays, deps.validityDays);
  const partner = await mispOf(deps, caller, mispId);
  if (!partner.isActive) throw new PmsError(MISP_ERRORS.MISP_IS_INACTIVE);
  return retryOnConflict(async () => {
    const now = deps.clock.now();
    const existing = await deps.licenses.licensesOf(mispId);
    if (existing.length === 0) throw new PmsError(MISP_ERRORS.MISP_LICENSE_KEY_NOT_ASSOCIATED_MISP_ID);
    const current = existing.find((license) => isUsable(license, now));
    if (current) return response(current, maskedKey(current), 'Active');
    const policy = await mispPolicy(deps, mispId);
    return issue(deps, caller, mispId, policy, validityDays, existing, 'regenerateMispLicense', 'MISP_LICENSE_UPDATED', now);
  });
}

/**
 * Whether an admin switched off the MISP's newest license (the one that stands for the MISP: issuing switches the
 * older ones off). The flag is read from the license item, not from the list, which is an index that may lag.
 */
async function newestRevokedByAdmin(deps: MispLicenseDeps, mispId: string, existing: readonly MispLicense[]): Promise<boolean> {
  const latestId = await deps.licenses.latestId(mispId);
  if (latestId === null) return false;
  const newest = existing.find((license) => license.id === latestId);
  if (!newest) throw new ConcurrentModificationError(`misp license ${latestId}, not yet listed`);
  const current = await deps.licenses.byHash(newest.keyHash);
  return current !== undefined && isRevokedByAdmin(current);
}

function validityOf(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const days = /^[0-9]{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(days >= 1 && days <= MAX_VALIDITY_DAYS)) throw new PmsError(MISP_ERRORS.MISP_LICENSE_VALIDITY_INVALID);
  return days;
}

/** Writes the new newest license and switches every older one off, in one transaction; one event, for the new one. */
async function issue(
  deps: MispLicenseDeps,
  caller: Caller,
  mispId: string,
  policy: Policy | undefined,
  validityDays: number,
  existing: readonly MispLicense[],
  action: string,
  topic: 'MISP_LICENSE_GENERATED' | 'MISP_LICENSE_UPDATED',
  now: Date,
) {
  const previousLatestId = await deps.licenses.latestId(mispId);
  const { secret, license } = newLicense(deps, caller, mispId, policy, validityDays, now);
  const retired = existing
    .filter((old) => old.isActive)
    .map((old) => ({ previous: old, next: { ...old, isActive: false, updBy: caller.userId, updDtimes: now.toISOString() } }));
  const audit = auditEntry(caller.userId, action, OBJECT_TYPE, license.id, now, {
    mispId,
    hint: license.hint,
    retired: retired.map(({ next }) => next.id).join(','),
  });
  await deps.licenses.issue(license, previousLatestId, retired, audit, [mispLicenseEvent(topic, license, policy, now, deps.ids)]).catch(rethrowInactive);
  return response(license, secret, 'Active');
}

/**
 * `PUT /misps` (#updateInfraProvider): activates or deactivates a license found by its key's hash. Only the
 * MISP's newest license may be activated (PMS_MSP_420, ours), and one an admin switched off only by an admin
 * (PMS_MSP_422, ours). A change to an older license is saved and audited but not published, so IDA's one record
 * per MISP is never overwritten with a superseded key.
 */
export async function changeMispLicenseStatus(
  deps: MispLicenseDeps,
  caller: Caller,
  input: { providerId: string; licenseKey: string; licenseKeyStatus: string },
) {
  const status = input.licenseKeyStatus.toLowerCase();
  if (!isWordInAnyCase(ACTIVATION_STATUSES, status)) throw new PmsError(MISP_ERRORS.MISP_STATUS_CODE_EXCEPTION);
  const misp = await mispOf(deps, caller, input.providerId);
  return retryOnConflict(async () => {
    const license = await deps.licenses.byHash(credentialHash(input.licenseKey));
    if (!license || license.mispId !== input.providerId) throw new PmsError(MISP_ERRORS.MISP_LICENSE_KEY_NOT_ASSOCIATED_MISP_ID);
    const latest = (await deps.licenses.latestId(license.mispId)) === license.id;
    const activate = status === 'active';
    if (activate && !latest) throw new PmsError(MISP_ERRORS.MISP_LICENSE_NOT_LATEST);
    // Ours: a deactivated MISP's licenses stay off (verification reads the license, not its MISP).
    if (activate && !misp.isActive) throw new PmsError(MISP_ERRORS.MISP_IS_INACTIVE);
    if (activate && !mayActivate(license, caller)) throw new PmsError(MISP_ERRORS.MISP_LICENSE_REVOKED_BY_ADMIN);
    const now = deps.clock.now();
    const next: MispLicense = {
      ...license,
      isActive: activate,
      revokedByAdmin: revokedByAdminAfter(license, caller, activate),
      updBy: caller.userId,
      updDtimes: now.toISOString(),
    };
    const audit = auditEntry(caller.userId, activate ? 'activateMispLicense' : 'deactivateMispLicense', OBJECT_TYPE, license.id, now, {
      mispId: license.mispId,
    });
    const policy = latest && license.policyId ? await deps.policies.getPolicy(license.policyId) : undefined;
    const events = latest ? [mispLicenseEvent('MISP_LICENSE_UPDATED', next, policy, now, deps.ids)] : [];
    await deps.licenses.save(next, license, activate, audit, events).catch(rethrowInactive);
    return response(next, maskedKey(next), isUsable(next, now) ? 'active' : 'de-active');
  });
}

/**
 * `GET /misps` (#getInfraProvider). MOSIP returns every license with its key to any caller; we return the
 * caller's own MISPs' licenses (admins: all), with the key masked and the license id beside it.
 */
export async function listMispLicenses(deps: MispLicenseDeps, caller: Caller) {
  const licenses = caller.isAdmin ? await deps.licenses.allLicenses() : await ownLicenses(deps, caller);
  const now = deps.clock.now();
  return licenses.map((license) => ({
    mispId: license.mispId,
    licenseId: license.id,
    policyId: license.policyId,
    licenseKey: maskedKey(license),
    validFromDate: localDateTime(license.validFromDatetime),
    validToDate: localDateTime(license.validToDatetime),
    isActive: isUsable(license, now),
    createdBy: license.crBy,
    createdDateTime: localDateTime(license.crDtimes),
    updatedBy: license.updBy,
    updatedDateTime: localDateTime(license.updDtimes),
    isDeleted: false,
    deletedDateTime: null,
  }));
}

async function ownLicenses(deps: MispLicenseDeps, caller: Caller): Promise<MispLicense[]> {
  const partners = (await ownedPartners(deps.partners, caller)).filter((partner) => partner.partnerType.toLowerCase() === MISP_PARTNER_TYPE);
  return (await Promise.all(partners.map((partner) => deps.licenses.licensesOf(partner.id)))).flat();
}
