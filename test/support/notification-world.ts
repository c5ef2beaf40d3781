import type { AuditEntry } from '../../functions/domain/audit.js';
import { partnerCertificateExpiry } from '../../functions/domain/certificates/stored-certificates.js';
import type { ExpiryCalendar, ExpiryKind } from '../../functions/domain/expiry/expiry-calendar.js';
import type { ChipApprovalStatus, ChipCertificateSummary, FtmChip } from '../../functions/domain/ftm-chips/ftm-chip.js';
import { type ExpiryNoticeDeps, sendExpiryNotices } from '../../functions/domain/notifications/expiry-notices.js';
import type { OutgoingMail } from '../../functions/domain/notifications/mail.js';
import type { Notification } from '../../functions/domain/notifications/notification.js';
import type { NoticeMarker, NotificationRepository } from '../../functions/domain/notifications/ports.js';
import { sendWeeklySummary } from '../../functions/domain/notifications/weekly-summary.js';
import { sealed } from './personal-data.js';

export const DAY_MS = 86_400_000;
export const START = Date.parse('2027-03-01T09:00:00.000Z');
export const EXPIRY = new Date(START + 31 * DAY_MS + 3_600_000).toISOString();

type Item = Record<string, unknown>;

/** An SBI of `providerId` expiring with the other items, registered on 2027-01-10. */
function sbi(id: string, providerId: string, approvalStatus: string, isActive: boolean): Item {
  return {
    id,
    providerId,
    swVersion: `${id} 1.0`,
    swBinaryHash: `hash-${id}`,
    swCreateDateTime: '2027-01-01T00:00:00.000Z',
    swExpiryDateTime: EXPIRY,
    approvalStatus,
    isActive,
    crDtimes: '2027-01-10T08:00:00.000Z',
  };
}

/**
 * An FTM chip of `ftpProviderId` whose certificate stops serving with the other items: the certificate PMS issued
 * expires first (the uploaded one lasts to 2030).
 */
function ftmChip(id: string, ftpProviderId: string, approvalStatus: ChipApprovalStatus, isActive: boolean): Item {
  return {
    id,
    ftpProviderId,
    make: 'ChipWorks',
    model: `CW-${id}`,
    approvalStatus,
    isActive,
    certificate: {
      certificateId: `ftm-cert-${id}`,
      partnerDomain: 'FTM',
      subject: `CN=CW-${id},O=ChipWorks,C=IN`,
      issuer: 'CN=ChipWorks CA,O=ChipWorks,C=IN',
      issuedTo: `CW-${id}`,
      notBefore: '2027-01-01T00:00:00.000Z',
      notAfter: '2030-01-01T00:00:00.000Z',
      thumbprintSha256: `thumb-${id}`,
      signedNotBefore: '2027-01-10T08:00:00.000Z',
      signedNotAfter: EXPIRY,
      uploadTime: '2027-01-10T08:00:00.000Z',
    },
    crBy: 'ftp-1',
    crDtimes: '2027-01-09T08:00:00.000Z',
    updBy: 'admin1',
    updDtimes: '2027-01-11T08:00:00.000Z',
    revision: 2,
  } satisfies FtmChip;
}

/** An in-memory world for the notification jobs: calendars, partners, and a repository that keeps markers. */
export function notificationWorld(options: { mail?: ExpiryNoticeDeps['mail']; failOn?: string } = {}) {
  const calendars: Record<ExpiryKind, Item[]> = {
    caCertificate: [
      { certId: 'ca-1', caCertificateType: 'INTERMEDIATE', partnerDomain: 'AUTH', subject: 'CN=Bank CA', issuer: 'CN=Bank Root', notAfter: EXPIRY },
    ],
    partnerCertificate: [
      {
        certId: 'pc-1',
        partnerId: 'bank-1',
        partnerDomain: 'AUTH',
        subject: 'CN=bank-1',
        issuer: 'CN=Bank CA',
        notAfter: '2030-01-01T00:00:00.000Z',
        signedNotAfter: EXPIRY,
      },
    ],
    apiKey: [
      { id: 'key-1', partnerId: 'bank-1', policyId: 'pol-1', label: 'Teller', isActive: true, validToDatetime: EXPIRY, policy: { name: 'KYC' } },
      { id: 'key-off', partnerId: 'bank-1', policyId: 'pol-1', label: 'Old', isActive: false, validToDatetime: EXPIRY, policy: { name: 'KYC' } },
      { id: 'key-of-inactive', partnerId: 'bank-2', policyId: 'pol-1', label: 'Teller', isActive: true, validToDatetime: EXPIRY, policy: { name: 'KYC' } },
    ],
    mispLicense: [{ id: 'lic-1', mispId: 'misp-1', isActive: true, validToDatetime: EXPIRY }],
    // The calendar holds only live SBIs; the others stand for an index that has not caught up yet.
    sbi: [
      sbi('sbi-1', 'dp-1', 'approved', true),
      sbi('sbi-pending', 'dp-1', 'pending_approval', false),
      sbi('sbi-rejected', 'dp-1', 'rejected', false),
      sbi('sbi-deactivated', 'dp-1', 'approved', false),
      sbi('sbi-of-inactive', 'dp-2', 'approved', true),
    ],
    // Likewise, only the approved, active chip belongs in the calendar.
    ftmChip: [
      ftmChip('101', 'ftp-1', 'approved', true),
      ftmChip('102', 'ftp-1', 'rejected', false),
      ftmChip('103', 'ftp-1', 'approved', false),
      ftmChip('104', 'ftp-1', 'pending_approval', false),
      ftmChip('105', 'ftp-2', 'approved', true),
    ],
  };
  const partners: Record<string, Item> = {
    'bank-1': { id: 'bank-1', isActive: true, emailId: sealed('bank-1@example.org'), langCode: 'ara' },
    'bank-2': { id: 'bank-2', isActive: false, emailId: sealed('bank-2@example.org'), langCode: 'eng' },
    'misp-1': { id: 'misp-1', isActive: true, emailId: sealed('misp-1@example.org'), langCode: 'hin' },
    'dp-1': { id: 'dp-1', isActive: true, emailId: sealed('dp-1@example.org'), langCode: 'fra' },
    'dp-2': { id: 'dp-2', isActive: false, emailId: sealed('dp-2@example.org'), langCode: 'eng' },
    'ftp-1': { id: 'ftp-1', isActive: true, emailId: sealed('ftp-1@example.org'), langCode: 'eng' },
    'ftp-2': { id: 'ftp-2', isActive: false, emailId: sealed('ftp-2@example.org'), langCode: 'eng' },
  };
  const markers = new Set<string>();
  const notifications: Notification[] = [];
  const audits: AuditEntry[] = [];
  const mails: OutgoingMail[] = [];
  const reads: string[] = [];
  let now = START;
  let ids = 0;
  const calendar: ExpiryCalendar = {
    async page(kind, after, until) {
      reads.push(`${kind} ${after} ${until}`);
      const items = calendars[kind].filter((item) => {
        const expiresAt = String(
          kind === 'ftmChip'
            ? partnerCertificateExpiry(item.certificate as ChipCertificateSummary)
            : item.notAfter && kind === 'caCertificate'
              ? item.notAfter
              : (item.signedNotAfter ?? item.validToDatetime ?? item.swExpiryDateTime),
        );
        return expiresAt >= after && expiresAt < until;
      });
      return { items: items as never[], next: null };
    },
  };
  const notificationRepository: Pick<NotificationRepository, 'createNotice' | 'createOnce' | 'recordFailure'> = {
    async createOnce(key, notification, audit, mail) {
      if (markers.has(key)) return false;
      markers.add(key);
      notifications.push(notification);
      audits.push(audit);
      if (mail) mails.push(mail);
      return true;
    },
    async createNotice(marker: NoticeMarker, notification, audit, mail) {
      if (options.failOn === marker.itemId) throw new Error('table unavailable');
      return notificationRepository.createOnce(`${marker.kind}#${marker.itemId}#${marker.threshold}`, notification, audit, mail);
    },
    async recordFailure(audit) {
      audits.push(audit);
    },
  };
  const deps = {
    calendar,
    notifications: notificationRepository as NotificationRepository,
    partners: { getPartner: async (id: string) => partners[id] as never },
    policies: { getPolicy: async () => ({ policyGroupId: 'grp-1' }) as never },
    groups: { getGroup: async () => ({ name: 'Banks' }) as never },
    clock: { now: () => new Date(now) },
    ids: { newId: () => `n-${++ids}` },
    mail: options.mail === undefined ? { adminList: null } : options.mail,
  } satisfies ExpiryNoticeDeps;
  const runDay = (day: number) => {
    now = START + day * DAY_MS;
    return sendExpiryNotices(deps);
  };
  const runWeekly = (day: number) => {
    now = START + day * DAY_MS;
    return sendWeeklySummary(deps);
  };
  /** Per notified item: the expiry periods of its notices, in the order given. */
  const periodsByItem = () => {
    const byItem: Record<string, string[]> = {};
    for (const notification of notifications) {
      const details = notification.details;
      const detail = [...details.certificateDetails, ...details.apiKeyDetails, ...details.mispLicenseDetails, ...details.sbiDetails, ...details.ftmDetails][0]!;
      const id =
        'ftmId' in detail
          ? `ftm:${detail.ftmId}`
          : 'certificateId' in detail
            ? detail.certificateId
            : 'apiKeyName' in detail
              ? `key:${detail.apiKeyName}`
              : 'licenseId' in detail
                ? `license:${detail.licenseId}`
                : `sbi:${detail.sbiId}`;
      byItem[id] = [...(byItem[id] ?? []), detail.expiryPeriod];
    }
    return byItem;
  };
  return { runDay, runWeekly, notifications, audits, mails, reads, periodsByItem };
}
