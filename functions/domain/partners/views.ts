import type { Revealed } from '../personal-data/personal-data.js';
import type { PolicyGroup } from '../policy-groups/policy-group.js';
import type { Partner } from './partner.js';

/** `{partnerId, status}`: the answer to registration and profile updates. */
export function partnerStatus(partner: Partner) {
  return { partnerId: partner.id, status: partner.approvalStatus };
}

/** RetrievePartnersDetails: one partner of the deprecated lists (`GET /partners`), and the start of the others. */
export function retrievedPartnerSummary(partner: Revealed<Partner>) {
  return {
    partnerID: partner.id,
    status: partner.isActive ? 'active' : 'De-active',
    organizationName: partner.organizationName,
    contactNumber: partner.contactNumber,
    emailId: partner.emailId,
    address: partner.address,
    partnerType: partner.partnerType,
  };
}

/** RetrievePartnerDetailsResponse (`GET /partners/{partnerId}`). */
export function retrievedPartner(partner: Revealed<Partner>, group: PolicyGroup | undefined) {
  return { ...retrievedPartnerSummary(partner), policyGroup: group?.name ?? null, isActive: partner.isActive };
}

/** PartnerDetailsDto (`GET /partners/v2`). MOSIP stores `[]` as the additional info of a partner registered without. */
export function partnerWithProfile(partner: Revealed<Partner>) {
  return { ...retrievedPartnerSummary(partner), logoUrl: partner.logoUrl, additionalInfo: partner.additionalInfo ?? [] };
}
