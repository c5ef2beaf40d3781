import { partnerCertificateExpiry } from '../certificates/stored-certificates.js';
import { awaitsExpiry } from '../devices/sbi.js';
import type { ExpiringItem, ExpiryKind } from '../expiry/expiry-calendar.js';
import { chipCertificateInService } from '../ftm-chips/ftm-chip.js';
import type { Partner } from '../partners/partner.js';
import type { Policy } from '../policies/policy.js';
import type { PolicyGroup } from '../policy-groups/policy-group.js';
import { type CertificateDetail, type NotificationDetails, type NotificationType, notificationDetails } from './notification.js';

/** What a notice needs to look up beside the expiring item. */
export interface NoticeLookups {
  partners: { getPartner(id: string): Promise<Partner | undefined> };
  policies: { getPolicy(id: string): Promise<Policy | undefined> };
  groups: { getGroup(id: string): Promise<PolicyGroup | undefined> };
}

/** What is told, and to whom: the owners of `partner`, or every partner admin when it is null. */
export interface Notice {
  itemId: string;
  partner: Partner | null;
  type: NotificationType;
  details(expiryPeriod: string): NotificationDetails;
}

/**
 * One kind of expiring item that is notified. A kind added to the expiry calendar is notified by adding its
 * NoticeKind here: the job itself does not change.
 */
export interface NoticeKind {
  kind: ExpiryKind;
  expiresAt(item: unknown): string;
  itemId(item: unknown): string;
  /** Null: nothing to tell (a switched-off key, an inactive partner). */
  notice(item: unknown, lookups: NoticeLookups): Promise<Notice | null>;
}

function noticeKind<K extends ExpiryKind>(definition: {
  kind: K;
  expiresAt(item: ExpiringItem<K>): string;
  itemId(item: ExpiringItem<K>): string;
  notice(item: ExpiringItem<K>, lookups: NoticeLookups): Promise<Notice | null>;
}): NoticeKind {
  return definition as unknown as NoticeKind;
}

async function activePartner(lookups: NoticeLookups, partnerId: string): Promise<Partner | null> {
  const partner = await lookups.partners.getPartner(partnerId);
  return partner?.isActive ? partner : null;
}

/** A key or license is told about only while it is on and its partner is active. */
async function ownerOfUsable(lookups: NoticeLookups, credential: { isActive: boolean }, partnerId: string): Promise<Partner | null> {
  return credential.isActive ? activePartner(lookups, partnerId) : null;
}

/** What MOSIP tells of a certificate (CertificateDetailsDto, FtmDetailsDto): issued by its issuer, to its subject. */
function certificateFields(
  certificateId: string,
  cert: { issuer: string; subject: string },
  fields: Pick<CertificateDetail, 'partnerDomain' | 'expiryDateTime' | 'expiryPeriod'>,
): Pick<CertificateDetail, 'certificateId' | 'issuedBy' | 'issuedTo' | 'partnerDomain' | 'expiryDateTime' | 'expiryPeriod'> {
  return { certificateId, issuedBy: cert.issuer, issuedTo: cert.subject, ...fields };
}

/** MOSIP's one-certificate details, as both certificate kinds give them. */
function certificateNotice(
  cert: { certId: string; issuer: string; subject: string; partnerDomain: CertificateDetail['partnerDomain'] },
  fields: Pick<CertificateDetail, 'partnerId' | 'expiryDateTime' | 'certificateType'>,
): Notice['details'] {
  const { partnerId, expiryDateTime, certificateType } = fields;
  return (expiryPeriod) =>
    notificationDetails({
      certificateDetails: [
        { ...certificateFields(cert.certId, cert, { partnerDomain: cert.partnerDomain, expiryDateTime, expiryPeriod }), partnerId, certificateType },
      ],
    });
}

/** Root and intermediate CA certificates: every partner admin (MOSIP's rootAndIntermediateCertificateExpiryJob). */
const caCertificates = noticeKind({
  kind: 'caCertificate',
  expiresAt: (cert) => cert.notAfter,
  itemId: (cert) => cert.certId,
  notice: async (cert) => ({
    itemId: cert.certId,
    partner: null,
    type: cert.caCertificateType === 'ROOT' ? 'ROOT_CERT_EXPIRY' : 'INTERMEDIATE_CERT_EXPIRY',
    details: certificateNotice(cert, {
      partnerId: null,
      expiryDateTime: cert.notAfter,
      certificateType: cert.caCertificateType === 'ROOT' ? 'root' : 'intermediate',
    }),
  }),
});

/** A partner's current certificate: its owners, while the partner is active (MOSIP's partnerCertificateExpiryJob). */
const partnerCertificates = noticeKind({
  kind: 'partnerCertificate',
  expiresAt: partnerCertificateExpiry,
  itemId: (cert) => cert.certId,
  async notice(cert, lookups) {
    const partner = await activePartner(lookups, cert.partnerId);
    if (!partner) return null;
    return {
      itemId: cert.certId,
      partner,
      type: 'PARTNER_CERT_EXPIRY',
      details: certificateNotice(cert, { partnerId: cert.partnerId, expiryDateTime: partnerCertificateExpiry(cert), certificateType: 'partner' }),
    };
  },
});

/** An API key still on, of an active partner: its owners (MOSIP develop's API key expiry job). */
const apiKeys = noticeKind({
  kind: 'apiKey',
  expiresAt: (key) => key.validToDatetime,
  itemId: (key) => key.id,
  async notice(key, lookups) {
    const partner = await ownerOfUsable(lookups, key, key.partnerId);
    if (!partner) return null;
    const policy = await lookups.policies.getPolicy(key.policyId);
    const group = policy ? await lookups.groups.getGroup(policy.policyGroupId) : undefined;
    return {
      itemId: key.id,
      partner,
      type: 'API_KEY_EXPIRY',
      details: (expiryPeriod) =>
        notificationDetails({
          apiKeyDetails: [
            {
              apiKeyName: key.label,
              partnerId: key.partnerId,
              expiryDateTime: key.validToDatetime,
              expiryPeriod,
              policyGroup: group?.name ?? null,
              policyName: key.policy.name,
            },
          ],
        }),
    };
  },
});

/** A MISP license still on, of an active MISP: the MISP's owners. */
const mispLicenses = noticeKind({
  kind: 'mispLicense',
  expiresAt: (license) => license.validToDatetime,
  itemId: (license) => license.id,
  async notice(license, lookups) {
    const partner = await ownerOfUsable(lookups, license, license.mispId);
    if (!partner) return null;
    return {
      itemId: license.id,
      partner,
      type: 'MISP_LICENSE_EXPIRY',
      details: (expiryPeriod) =>
        notificationDetails({ mispLicenseDetails: [{ licenseId: license.id, mispId: license.mispId, expiryDateTime: license.validToDatetime, expiryPeriod }] }),
    };
  },
});

/**
 * An SBI the expiry job will switch off (pending, or approved and active), of an active device provider: the
 * provider's owners (MOSIP develop's SBI expiry job, which tells of approved SBIs only; a pending one is rejected at
 * expiry, so its provider is told too).
 */
const sbis = noticeKind({
  kind: 'sbi',
  expiresAt: (sbi) => sbi.swExpiryDateTime,
  itemId: (sbi) => sbi.id,
  async notice(sbi, lookups) {
    const partner = awaitsExpiry(sbi) ? await activePartner(lookups, sbi.providerId) : null;
    if (!partner) return null;
    return {
      itemId: sbi.id,
      partner,
      type: 'SBI_EXPIRY',
      details: (expiryPeriod) =>
        notificationDetails({
          sbiDetails: [
            {
              sbiId: sbi.id,
              sbiVersion: sbi.swVersion,
              partnerId: sbi.providerId,
              expiryDateTime: sbi.swExpiryDateTime,
              expiryPeriod,
              sbiBinaryHash: sbi.swBinaryHash,
              sbiCreationDate: sbi.crDtimes,
            },
          ],
        }),
    };
  },
});

/**
 * The current certificate of an approved, active FTM chip (chipCertificateInService), of an active FTM provider: the
 * provider's owners (MOSIP develop's FTM chip certificate expiry job), with MOSIP's ftmDetails. The certificate
 * stops serving as a partner certificate does: at the earlier of its own expiry and that of the one PMS issued.
 */
const ftmChips = noticeKind({
  kind: 'ftmChip',
  // The calendar holds only chips with a certificate; were one without read, its creation (past) makes nothing due.
  expiresAt: (chip) => (chip.certificate ? partnerCertificateExpiry(chip.certificate) : chip.crDtimes),
  itemId: (chip) => chip.id,
  async notice(chip, lookups) {
    const certificate = chipCertificateInService(chip);
    const partner = certificate ? await activePartner(lookups, chip.ftpProviderId) : null;
    if (!certificate || !partner) return null;
    const expiryDateTime = partnerCertificateExpiry(certificate);
    return {
      itemId: chip.id,
      partner,
      type: 'FTM_CHIP_CERT_EXPIRY',
      details: (expiryPeriod) =>
        notificationDetails({
          ftmDetails: [
            {
              ...certificateFields(certificate.certificateId, certificate, { partnerDomain: certificate.partnerDomain, expiryDateTime, expiryPeriod }),
              partnerId: chip.ftpProviderId,
              certificateType: 'ftm',
              ftmId: chip.id,
              make: chip.make,
              model: chip.model,
            },
          ],
        }),
    };
  },
});

export const NOTICE_KINDS: readonly NoticeKind[] = [caCertificates, partnerCertificates, apiKeys, mispLicenses, sbis, ftmChips];
