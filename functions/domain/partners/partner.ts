import type { SealedContactDetails } from '../personal-data/personal-data.js';
import type { PartnerType } from './partner-types.js';

/** An additional contact of a partner (MOSIP partner_contact), keyed by its e-mail's lookup hash. */
export interface PartnerContact extends SealedContactDetails {
  partnerId: string;
  emailLookup: string;
  isActive: boolean;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
}

/** What the partner item keeps of its current certificate (the full record is a PartnerCertificate). */
export interface PartnerCertificateSummary {
  certificateId: string;
  partnerDomain: string;
  /** CN of the uploaded certificate, its validity and SHA-256 thumbprint (lower-case hex). */
  issuedTo: string;
  notBefore: string;
  notAfter: string;
  thumbprintSha256: string;
  /** The MOSIP-signed certificate: PEM, SHA-256 thumbprint of its DER (lower-case hex), expiry. */
  signedPem: string;
  signedThumbprint: string;
  signedNotAfter: string;
}

/**
 * A partner as stored. MOSIP's states: registered (`InProgress`, inactive) → approved and active (certificate
 * upload) → deactivated (approved, inactive; terminal). Ours: an admin may also deactivate a registered partner
 * (MOSIP answers success and writes nothing, so the partner's later upload approves and activates it anyway); it
 * stays `InProgress` and inactive with `deactivatedByAdmin`, and is as terminal as MOSIP's deactivated state.
 */
export interface Partner extends SealedContactDetails {
  id: string;
  /** The signed-in user the partner belongs to (MOSIP `user_id`: the username that registered it). */
  userId: string;
  /**
   * The owner's stable `sub`, bound when the owner registers the partner or, for a partner an admin registered for
   * them, at the owner's first certificate upload. Once bound, the username alone no longer owns the partner.
   */
  ownerSubject?: string;
  partnerType: PartnerType;
  policyGroupId: string | null;
  organizationName: string;
  /** The keyed hash of the e-mail (PersonalDataProtector.emailLookup): what uniqueness and ownership checks compare. */
  emailLookup: string;
  langCode: string;
  logoUrl: string | null;
  additionalInfo: unknown;
  approvalStatus: 'InProgress' | 'approved';
  isActive: boolean;
  /** Set by an admin's "De-Active" in any state (absent: never deactivated by an admin). */
  deactivatedByAdmin?: boolean;
  certificateAlias: string | null;
  /** The current certificate (absent until the first upload), kept on the partner so one read answers verification. */
  certificate?: PartnerCertificateSummary;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
  revision: number;
}

/** Registered by its own user (the portal's self-registration), not by a partner admin on the user's behalf. */
export function isSelfRegistered(partner: Pick<Partner, 'crBy' | 'userId'>): boolean {
  return partner.crBy === partner.userId;
}

/** Deactivated: MOSIP's approved-and-inactive, or deactivated by an admin before approval. Nothing brings it back. */
export function isDeactivated(partner: Pick<Partner, 'approvalStatus' | 'isActive' | 'deactivatedByAdmin'>): boolean {
  return (partner.approvalStatus === 'approved' && !partner.isActive) || partner.deactivatedByAdmin === true;
}

/**
 * The caller owns the partner: the username matches (MOSIP's ids) and, once the partner is bound to its owner's
 * `sub`, so does the subject, so a renamed user's old name, or a deleted user's name given to someone new, owns nothing.
 */
export function isOwnedBy(partner: Pick<Partner, 'userId' | 'ownerSubject'>, caller: { userId: string; subject?: string | undefined }): boolean {
  return partner.userId === caller.userId && isBoundTo(partner, caller);
}

/** The partner is not bound to another account of its own username (partners linked to another user are not bound to them). */
export function isBoundTo(partner: Pick<Partner, 'userId' | 'ownerSubject'>, caller: { userId: string; subject?: string | undefined }): boolean {
  return partner.userId !== caller.userId || partner.ownerSubject === undefined || partner.ownerSubject === caller.subject;
}
