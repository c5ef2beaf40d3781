import type { PartnerDomain } from '../certificates/partner-domains.js';

/**
 * MOSIP's notification types (pms.notifications.notification_type), plus the SBI and FTM chip certificate expiry of
 * MOSIP develop and the MISP license expiry of the newer MOSIP line. Admin types are shown to every partner admin;
 * the others to the owners of one partner.
 */
export const NOTIFICATION_TYPES = [
  'ROOT_CERT_EXPIRY',
  'INTERMEDIATE_CERT_EXPIRY',
  'PARTNER_CERT_EXPIRY',
  'API_KEY_EXPIRY',
  'MISP_LICENSE_EXPIRY',
  'SBI_EXPIRY',
  'FTM_CHIP_CERT_EXPIRY',
  'WEEKLY_SUMMARY',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
/** A notification's status: shown, or dismissed by its reader (the only status a reader may set). */
export const NOTIFICATION_STATUSES = ['ACTIVE', 'DISMISSED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const DISMISSED: NotificationStatus = 'DISMISSED';
export const ADMIN_NOTIFICATION_TYPES: ReadonlySet<NotificationType> = new Set(['ROOT_CERT_EXPIRY', 'INTERMEDIATE_CERT_EXPIRY', 'WEEKLY_SUMMARY']);

/** MOSIP's CertificateDetailsDto. */
export interface CertificateDetail {
  certificateId: string;
  issuedBy: string;
  issuedTo: string;
  partnerId: string | null;
  partnerDomain: PartnerDomain;
  expiryDateTime: string;
  expiryPeriod: string;
  certificateType: 'root' | 'intermediate' | 'partner';
}

/** MOSIP's ApiKeyDetailsDto (develop line). */
export interface ApiKeyDetail {
  apiKeyName: string;
  partnerId: string;
  expiryDateTime: string;
  expiryPeriod: string;
  policyGroup: string | null;
  policyName: string;
}

/** MOSIP's FtmDetailsDto (develop line): the CertificateDetailsDto of an FTM chip's certificate, with the chip. */
export interface FtmDetail extends Omit<CertificateDetail, 'partnerId' | 'certificateType'> {
  partnerId: string;
  certificateType: 'ftm';
  ftmId: string;
  make: string;
  model: string;
}

/** MOSIP's SbiDetailsDto (develop line); `sbiCreationDate` is when the SBI was registered, as MOSIP fills it. */
export interface SbiDetail {
  sbiId: string;
  sbiVersion: string;
  partnerId: string;
  expiryDateTime: string;
  expiryPeriod: string;
  sbiBinaryHash: string;
  sbiCreationDate: string;
}

/** Ours: MOSIP's newer line notifies MISP license expiry without a details member of its own. */
export interface MispLicenseDetail {
  licenseId: string;
  mispId: string;
  expiryDateTime: string;
  expiryPeriod: string;
}

/** MOSIP's NotificationDetailsDto, with `mispLicenseDetails` added. */
export interface NotificationDetails {
  certificateDetails: CertificateDetail[];
  ftmDetails: FtmDetail[];
  sbiDetails: SbiDetail[];
  apiKeyDetails: ApiKeyDetail[];
  mispLicenseDetails: MispLicenseDetail[];
}

export function notificationDetails(parts: Partial<NotificationDetails>): NotificationDetails {
  return { certificateDetails: [], ftmDetails: [], sbiDetails: [], apiKeyDetails: [], mispLicenseDetails: [], ...parts };
}

/**
 * A portal notification. `partnerId` names the partner whose owners see it; null for an admin notification,
 * which every partner admin sees and dismisses for themselves (each admin's dismissal is kept apart).
 */
export interface Notification {
  id: string;
  partnerId: string | null;
  notificationType: NotificationType;
  /** The partner notification's status; an admin notification's status is each admin's own. */
  notificationStatus: NotificationStatus;
  details: NotificationDetails;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
  revision: number;
}

/** A new, active notification made by `actor` at `now`. */
export function newNotification(
  id: string,
  partnerId: string | null,
  notificationType: NotificationType,
  details: NotificationDetails,
  actor: string,
  now: Date,
): Notification {
  return {
    id,
    partnerId,
    notificationType,
    notificationStatus: 'ACTIVE',
    details,
    crBy: actor,
    crDtimes: now.toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
}

/** MOSIP deletes notifications older than this (`…past.notifications.deletion.period`). */
export const NOTIFICATION_RETENTION_DAYS = 60;
export const NOTIFICATION_AUDIT_TYPE = 'Notification';
