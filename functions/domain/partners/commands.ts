import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { InactivePartnerError, InactivePolicyGroupError, PmsError, UniqueConstraintError } from '../../errors/pms-error.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { loadOnce } from '../load-once.js';
import { normaliseEmail, sealContactDetails } from '../personal-data/personal-data.js';
import type { PolicyGroup } from '../policy-groups/policy-group.js';
import { retryOnConflict } from '../retry.js';
import { ownedPartners, partnerOf } from './ownership.js';
import type { Partner, PartnerContact } from './partner.js';
import { PARTNER_TYPES, partnerTypeOf, policyRequiredTypes } from './partner-types.js';
import type { PartnerDeps } from './ports.js';
import { checkContactNumber, checkEmail, checkPartnerId, languageOf, policyGroupMandatory } from './registration-rules.js';
import { partnerStatus } from './views.js';

const OBJECT_TYPE = 'Partner';

export interface Registration {
  partnerId: string;
  partnerType: string;
  policyGroup?: string | null | undefined;
  organizationName: string;
  address: string;
  contactNumber: string;
  emailId: string;
  langCode?: string | null | undefined;
  logoUrl?: string | null | undefined;
  additionalInfo?: unknown;
}

/**
 * Registration (MOSIP `POST /partners`, `/partners/v2`), with MOSIP's checks in MOSIP's order. The partner belongs
 * to the user whose username is its id (MOSIP's `user_id := partnerId`). Unlike MOSIP, where anyone may register
 * any id, a user registers only themselves; a partner admin onboards partners of any type for their users, as
 * MOSIP's portal and its admins do. E-mails are unique after normalisation; organisation names need not be unique,
 * as in MOSIP.
 */
export async function registerPartner(deps: PartnerDeps, caller: Caller, input: Registration) {
  if (input.partnerId !== caller.userId && !caller.isAdmin) throw new PmsError(PARTNER_ERRORS.USER_NOT_AUTHORIZED);
  // MOSIP: a signed-in user whose e-mail is already a partner's registers nothing more.
  if (caller.email && (await deps.partners.emailRegistered(await deps.personalData.emailLookup(caller.email)))) {
    throw new PmsError(PARTNER_ERRORS.USER_NOT_AUTHORIZED);
  }
  checkContactNumber(input.contactNumber);
  checkEmail(input.emailId);
  checkPartnerId(input.partnerId);
  const emailLookup = await deps.personalData.emailLookup(input.emailId);
  if (await deps.partners.emailRegistered(emailLookup)) throw new PmsError(PARTNER_ERRORS.EMAIL_ALREADY_EXISTS);
  const langCode = languageOf(input.langCode);
  if (await deps.partners.getPartner(input.partnerId)) throw new PmsError(PARTNER_ERRORS.PARTNER_ID_TAKEN);
  const partnerType = partnerTypeOf(input.partnerType);
  if (!partnerType) throw new PmsError(PARTNER_ERRORS.PARTNER_TYPE_DOES_NOT_EXIST);
  if (PARTNER_TYPES[partnerType].policyRequired && !input.policyGroup) throw policyGroupMandatory(partnerType);
  // MOSIP keeps a group named at registration whatever the type, once it is found active.
  const group = input.policyGroup ? await activeGroupNamed(deps, input.policyGroup) : undefined;
  const sealed = await sealContactDetails(deps.personalData, { emailId: input.emailId.trim(), contactNumber: input.contactNumber, address: input.address });
  const now = deps.clock.now();
  const partner: Partner = {
    id: input.partnerId,
    userId: input.partnerId,
    ...(input.partnerId === caller.userId && caller.subject ? { ownerSubject: caller.subject } : {}),
    partnerType,
    policyGroupId: group?.id ?? null,
    organizationName: input.organizationName,
    ...sealed,
    emailLookup,
    langCode,
    logoUrl: input.logoUrl ?? null,
    additionalInfo: input.additionalInfo ?? null,
    approvalStatus: 'InProgress',
    isActive: false,
    certificateAlias: null,
    crBy: caller.userId,
    crDtimes: now.toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
  // The reads above answer in MOSIP's order; the write's own conditions settle a race with another registration.
  await deps.partners.register(partner, auditEntry(caller.userId, 'registerPartner', OBJECT_TYPE, partner.id, now, { partnerType })).catch((error: unknown) => {
    if (error instanceof UniqueConstraintError) {
      if (error.constraint === 'emailId') throw new PmsError(PARTNER_ERRORS.EMAIL_ALREADY_EXISTS);
      if (error.constraint === 'partnerId') throw new PmsError(PARTNER_ERRORS.PARTNER_ID_TAKEN);
    }
    if (error instanceof InactivePolicyGroupError) throw new PmsError(PARTNER_ERRORS.POLICY_GROUP_NOT_ACTIVE);
    throw error;
  });
  return partnerStatus(partner);
}

/**
 * Profile update. MOSIP's `PUT /partners/{id}` also wipes the logo and additional info; we change only what
 * the request carries (`logoUrl` and `additionalInfo` come with `PUT /partners/v2/{id}`).
 */
export function updatePartnerProfile(
  deps: PartnerDeps,
  caller: Caller,
  partnerId: string,
  input: { address: string; contactNumber: string; logoUrl?: string | null | undefined; additionalInfo?: unknown },
) {
  checkContactNumber(input.contactNumber);
  return retryOnConflict(async () => {
    const partner = await partnerOf(deps.partners, caller, partnerId);
    const [address, contactNumber] = await Promise.all([deps.personalData.seal(input.address), deps.personalData.seal(input.contactNumber)]);
    const now = deps.clock.now();
    const next: Partner = {
      ...partner,
      address,
      contactNumber,
      ...(input.logoUrl !== undefined ? { logoUrl: input.logoUrl } : {}),
      ...(input.additionalInfo !== undefined ? { additionalInfo: input.additionalInfo } : {}),
      updBy: caller.userId,
      updDtimes: now.toISOString(),
    };
    await deps.partners.save(next, partner, auditEntry(caller.userId, 'updatePartnerProfile', OBJECT_TYPE, partnerId, now), []);
    return partnerStatus(next);
  });
}

/** Sets or changes the policy group, only while the partner is not active (before its certificate). */
export function mapPartnerToPolicyGroup(deps: PartnerDeps, caller: Caller, partnerId: string, groupName: string) {
  return retryOnConflict(async () => {
    const partner = await partnerOf(deps.partners, caller, partnerId);
    if (partner.isActive) throw new PmsError(PARTNER_ERRORS.POLICY_GROUP_NOT_MAP_ACTIVE_PARTNER);
    if (!PARTNER_TYPES[partner.partnerType].policyRequired) throw new PmsError(PARTNER_ERRORS.POLICY_GROUP_NOT_REQUIRED);
    const group = await activeGroupNamed(deps, groupName);
    const now = deps.clock.now();
    const next: Partner = { ...partner, policyGroupId: group.id, updBy: caller.userId, updDtimes: now.toISOString() };
    const details = { fromPolicyGroupId: partner.policyGroupId ?? '', toPolicyGroupId: group.id };
    await deps.partners.save(next, partner, auditEntry(caller.userId, 'mapPartnerPolicyGroup', OBJECT_TYPE, partnerId, now, details), []).catch(groupInactive);
    return 'Success';
  });
}

/** Whether the signed-in user's e-mail is registered, and which types need a group (the portal's first call). */
/**
 * `PUT /partners/email/verify` (MOSIP isPartnerExistsWithEmail). MOSIP answers any signed-in caller about any
 * address, which lets anyone probe who is a partner. The portal only ever asks about the signed-in user's own
 * address (its token's e-mail), so a caller who is not a partner admin learns the truth about that address and
 * about the addresses of partners it owns; any other address reads as not registered, without a lookup.
 */
export async function verifyEmail(deps: PartnerDeps, caller: Caller, emailId: string) {
  checkEmail(emailId);
  // The keyed hash costs a KMS call: made only once the caller may ask, or has partners to compare with.
  const lookup = loadOnce(() => deps.personalData.emailLookup(emailId));
  return {
    emailExists: (await mayAskAbout(deps, caller, emailId, lookup)) && (await deps.partners.emailRegistered(await lookup())),
    policyRequiredPartnerTypes: policyRequiredTypes().map((type) => type.toUpperCase()),
  };
}

async function mayAskAbout(deps: PartnerDeps, caller: Caller, emailId: string, lookup: () => Promise<string>): Promise<boolean> {
  if (caller.isAdmin || (caller.email !== undefined && normaliseEmail(caller.email) === normaliseEmail(emailId))) return true;
  const owned = await ownedPartners(deps.partners, caller);
  if (owned.length === 0) return false;
  const asked = await lookup();
  return owned.some((partner) => partner.emailLookup === asked);
}

async function activeGroupNamed(deps: PartnerDeps, name: string): Promise<PolicyGroup> {
  const group = await deps.groups.getGroupByName(name);
  if (!group) throw new PmsError(PARTNER_ERRORS.POLICY_GROUP_DOES_NOT_EXIST);
  if (!group.isActive) throw new PmsError(PARTNER_ERRORS.POLICY_GROUP_NOT_ACTIVE);
  return group;
}

function groupInactive(error: unknown): never {
  if (error instanceof InactivePolicyGroupError) throw new PmsError(PARTNER_ERRORS.POLICY_GROUP_NOT_ACTIVE);
  throw error;
}

/**
 * Adds an extra contact, or updates the one with the same e-mail (MOSIP `POST /partners/{id}/contact/add`).
 * A new contact needs an active partner, checked again when it is stored.
 */
export async function addPartnerContact(
  deps: PartnerDeps,
  caller: Caller,
  partnerId: string,
  input: { address: string; contactNumber: string; emailId: string; is_Active?: boolean | null | undefined },
) {
  checkEmail(input.emailId);
  checkContactNumber(input.contactNumber);
  const partner = await partnerOf(deps.partners, caller, partnerId);
  const emailLookup = await deps.personalData.emailLookup(input.emailId);
  const existing = await deps.partners.getContact(partnerId, emailLookup);
  if (!existing && !partner.isActive) throw new PmsError(PARTNER_ERRORS.PARTNER_NOT_ACTIVE);
  const sealed = await sealContactDetails(deps.personalData, { emailId: input.emailId.trim(), contactNumber: input.contactNumber, address: input.address });
  const now = deps.clock.now();
  const at = now.toISOString();
  const contact: PartnerContact = {
    partnerId,
    ...sealed,
    emailLookup,
    isActive: input.is_Active ?? existing?.isActive ?? true,
    crBy: existing?.crBy ?? caller.userId,
    crDtimes: existing?.crDtimes ?? at,
    updBy: existing ? caller.userId : null,
    updDtimes: existing ? at : null,
  };
  await deps.partners
    .saveContact(contact, !existing, auditEntry(caller.userId, existing ? 'updatePartnerContact' : 'addPartnerContact', OBJECT_TYPE, partnerId, now))
    .catch((error: unknown) => {
      if (error instanceof InactivePartnerError) throw new PmsError(PARTNER_ERRORS.PARTNER_NOT_ACTIVE);
      throw error;
    });
  return existing ? 'Contacts details updated successfully.' : 'Contacts details added successfully.';
}
