import type { PolicyGroup } from '../policy-groups/policy-group.js';
import type { Partner } from './partner.js';

/** `{partnerId, status}`: the answer to registration and profile updates. */
export function partnerStatus(partner: Partner) {
  return { partnerId: partner.id, status: partner.approvalStatus };
}

/** RetrievePartnerDetailsResponse (`GET /partners/{partnerId}`). */
export function retrievedPartner(partner: Partner, group: PolicyGroup | undefined) {
  return {
    partnerID: partner.id,
    status: partner.isActive ? 'active' : 'De-active',
    organizationName: partner.organizationName,
    contactNumber: partner.contactNumber,
    emailId: partner.emailId,
    address: partner.address,
    partnerType: partner.partnerType,
    policyGroup: group?.name ?? null,
    isActive: partner.isActive,
  };
}
