import { DEVICE_ERRORS } from '../../errors/device-errors.js';
import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { type ErrorDefinition, PmsError } from '../../errors/pms-error.js';
import { USER_ERRORS } from '../../errors/user-errors.js';
import type { Caller } from '../caller.js';
import { ownedPartners, partnerOf } from '../partners/ownership.js';
import type { Partner } from '../partners/partner.js';
import type { PartnerType } from '../partners/partner-types.js';
import { DEACTIVATE_STATUS } from '../status-words.js';
import type { Approvable } from './approval.js';
import type { DeviceDeps } from './ports.js';

/** MOSIP's partner type of device providers, the only partners with SBIs and devices. */
export const DEVICE_PROVIDER_TYPE = 'Device_Provider';

export function isDeviceProvider(partner: Pick<Partner, 'partnerType'>): boolean {
  return partner.partnerType === DEVICE_PROVIDER_TYPE;
}

/**
 * The provider a new SBI, device or FTM chip is registered for: an active partner (MOSIP's only check; `missing`
 * otherwise), and ours on top: the caller's own unless an admin (another user's is answered as a missing one), and of
 * the provider type the object belongs to (PMS_DEVICE_ERROR_003; MOSIP takes any partner type).
 */
export async function registeringProvider(
  deps: Pick<DeviceDeps, 'partners'>,
  caller: Caller,
  providerId: string,
  partnerType: PartnerType,
  missing: ErrorDefinition,
): Promise<Partner> {
  const partner = await partnerOf(deps.partners, caller, providerId, missing);
  if (!partner.isActive) throw new PmsError(missing);
  if (partner.partnerType !== partnerType) throw new PmsError(DEVICE_ERRORS.INVALID_DEVICE_PARTNER_TYPE);
  return partner;
}

/**
 * The caller's own partners, as the revamp endpoints read them first (a user with none is PMS_CERTIFICATE_ERROR_002,
 * as in MOSIP). A partner admin acts on every provider and needs no partner of their own.
 */
export async function callerPartners(deps: Pick<DeviceDeps, 'partners'>, caller: Caller): Promise<Partner[]> {
  const partners = await ownedPartners(deps.partners, caller);
  if (partners.length === 0 && !caller.isAdmin) throw new PmsError(USER_ERRORS.USER_ID_NOT_EXISTS);
  return partners;
}

/**
 * The provider of an SBI or device a non-admin acts on: one of the caller's partners (else `notOwned`, MOSIP's code
 * for an object of another user), and active (PMS_PMP_016). Admins act on any provider.
 */
export function ownProvider(owned: readonly Partner[], caller: Caller, providerId: string, notOwned: ErrorDefinition): Partner | undefined {
  if (caller.isAdmin) return undefined;
  const partner = owned.find((candidate) => candidate.id === providerId);
  if (!partner) throw new PmsError(notOwned);
  if (!partner.isActive) throw new PmsError(PARTNER_ERRORS.PARTNER_NOT_ACTIVE);
  return partner;
}

/** `{status: "De-Activate"}`, exactly, as MOSIP's deactivation endpoints of SBIs, devices and FTM chips require. */
export function checkDeactivateStatus(status: string | null | undefined): void {
  if (status !== DEACTIVATE_STATUS) throw new PmsError(DEVICE_ERRORS.DEACTIVATE_STATUS_CODE);
}

/** What an SBI, device or FTM chip deactivation answers at each of MOSIP's checks. */
export interface DeactivationCodes {
  missing: ErrorDefinition;
  notOwned: ErrorDefinition;
  notApproved: ErrorDefinition;
  alreadyDeactivated: ErrorDefinition;
}

/**
 * MOSIP's checks before a deactivation, in its order: the item exists, a non-admin's own active provider holds it
 * (ownProvider), it is approved, and still active.
 */
export function checkDeactivatable<T extends Pick<Approvable, 'isActive'> & { approvalStatus: string }>(
  item: T | undefined,
  providerOf: (item: T) => string,
  owned: readonly Partner[],
  caller: Caller,
  codes: DeactivationCodes,
): T {
  if (!item) throw new PmsError(codes.missing);
  ownProvider(owned, caller, providerOf(item), codes.notOwned);
  if (item.approvalStatus !== 'approved') throw new PmsError(codes.notApproved);
  if (!item.isActive) throw new PmsError(codes.alreadyDeactivated);
  return item;
}
