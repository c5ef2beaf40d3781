import { localDateTime, sqlTimestamp } from '../mosip-dates.js';
import type { Revealed } from '../personal-data/personal-data.js';
import type { PolicyGroup } from '../policy-groups/policy-group.js';
import type { Partner } from './partner.js';

/** A partner with the name of its policy group, as the admin list reads it (MOSIP left-joins policy_group). */
export interface PartnerWithGroupName {
  partner: Partner;
  groupName: string | null;
}

/** MOSIP derives the certificate column from whether `certificate_alias` is set. */
export function certificateUploadStatus(partner: Partner): 'uploaded' | 'not_uploaded' {
  return partner.certificateAlias === null ? 'not_uploaded' : 'uploaded';
}

/** PartnerSummaryDto, one item of `GET /admin-partners` (release-1.3.x field order). */
export function partnerSummary({ partner, groupName }: PartnerWithGroupName, emailAddress: string) {
  return {
    partnerId: partner.id,
    partnerType: partner.partnerType,
    orgName: partner.organizationName,
    policyGroupId: partner.policyGroupId,
    policyGroupName: groupName,
    emailAddress,
    certificateUploadStatus: certificateUploadStatus(partner),
    status: partner.approvalStatus,
    isActive: partner.isActive,
    // A java.util.Date in PartnerSummaryDto.
    createdDateTime: sqlTimestamp(partner.crDtimes),
  };
}

export type PartnerSummary = ReturnType<typeof partnerSummary>;

/** PartnerDetailsV3Dto (`GET /admin-partners/{partnerId}`, release-1.3.x field order). */
export function partnerDetailsV3(partner: Revealed<Partner>, group: PolicyGroup | undefined) {
  return {
    partnerId: partner.id,
    // MOSIP reads the user's first and last name from Keycloak's admin API. We have no identity-provider lookup
    // (and the user pool need not be Keycloak), so both are null, as MOSIP answers when Keycloak has no such user.
    firstName: null,
    lastName: null,
    approvalStatus: partner.approvalStatus,
    // A LocalDateTime here, unlike the list's Date.
    createdDateTime: localDateTime(partner.crDtimes),
    partnerType: partner.partnerType,
    organizationName: partner.organizationName,
    contactNumber: partner.contactNumber,
    policyGroupName: group?.name ?? null,
    policyGroupDescription: group?.desc ?? null,
    emailId: partner.emailId,
    // MOSIP reads the validity of the certificate behind `certificateAlias` (notBefore, notAfter) as Dates.
    certificateUploadDateTime: sqlTimestamp(partner.certificate?.notBefore ?? null),
    certificateExpiryDateTime: sqlTimestamp(partner.certificate?.notAfter ?? null),
    isCertificateAvailable: partner.certificateAlias !== null,
    isActive: partner.isActive,
  };
}
