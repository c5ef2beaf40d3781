import type { PartnerType } from './partner-types.js';

/** An additional contact of a partner (MOSIP partner_contact), keyed by e-mail. */
export interface PartnerContact {
  partnerId: string;
  emailId: string;
  address: string;
  contactNumber: string;
  isActive: boolean;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
}

/**
 * A partner as stored. MOSIP's states: registered (`InProgress`, inactive) → approved and active (certificate
 * upload) → deactivated (approved, inactive; terminal).
 */
export interface Partner {
  id: string;
  /** The signed-in user the partner belongs to (MOSIP `user_id`: the username that registered it). */
  userId: string;
  partnerType: PartnerType;
  policyGroupId: string | null;
  organizationName: string;
  address: string;
  contactNumber: string;
  emailId: string;
  langCode: string;
  logoUrl: string | null;
  additionalInfo: unknown;
  approvalStatus: 'InProgress' | 'approved';
  isActive: boolean;
  certificateAlias: string | null;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
  revision: number;
}
