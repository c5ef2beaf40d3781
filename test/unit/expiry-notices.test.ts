import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditEntry } from '../../functions/domain/audit.js';
import type { ExpiryCalendar, ExpiryKind } from '../../functions/domain/expiry/expiry-calendar.js';
import type { OutgoingMail } from '../../functions/domain/notifications/mail.js';
import type { Notification } from '../../functions/domain/notifications/notification.js';
import { daysUntil, dueThreshold, sendExpiryNotices, type ExpiryNoticeDeps } from '../../functions/domain/notifications/expiry-notices.js';
import type { NoticeMarker, NotificationRepository } from '../../functions/domain/notifications/ports.js';

const DAY_MS = 86_400_000;
const START = Date.parse('2027-03-01T09:00:00.000Z');
const EXPIRY = new Date(START + 31 * DAY_MS + 3_600_000).toISOString();

type Item = Record<string, unknown>;

function world(options: { adminMail?: ExpiryNoticeDeps['adminMail']; failOn?: string } = {}) {
  const calendars: Record<ExpiryKind, Item[]> = {
    caCertificate: [{ certId: 'ca-1', caCertificateType: 'INTERMEDIATE', partnerDomain: 'AUTH', subject: 'CN=Bank CA', issuer: 'CN=Bank Root', notAfter: EXPIRY }],
    partnerCertificate: [{ certId: 'pc-1', partnerId: 'bank-1', partnerDomain: 'AUTH', subject: 'CN=bank-1', issuer: 'CN=Bank CA', notAfter: '2030-01-01T00:00:00.000Z', signedNotAfter: EXPIRY }],
    apiKey: [
      { id: 'key-1', partnerId: 'bank-1', policyId: 'pol-1', label: 'Teller', isActive: true, validToDatetime: EXPIRY, policy: { name: 'KYC' } },
      { id: 'key-off', partnerId: 'bank-1', policyId: 'pol-1', label: 'Old', isActive: false, validToDatetime: EXPIRY, policy: { name: 'KYC' } },
      { id: 'key-of-inactive', partnerId: 'bank-2', policyId: 'pol-1', label: 'Teller', isActive: true, validToDatetime: EXPIRY, policy: { name: 'KYC' } },
    ],
    mispLicense: [{ id: 'lic-1', mispId: 'misp-1', isActive: true, validToDatetime: EXPIRY }],
  };
  const partners: Record<string, Item> = {
    'bank-1': { id: 'bank-1', isActive: true, emailId: 'bank-1@example.org', langCode: 'ara' },
    'bank-2': { id: 'bank-2', isActive: false, emailId: 'bank-2@example.org', langCode: 'eng' },
    'misp-1': { id: 'misp-1', isActive: true, emailId: 'misp-1@example.org', langCode: 'hin' },
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
        const expiresAt = String(item.notAfter && kind === 'caCertificate' ? item.notAfter : (item.signedNotAfter ?? item.validToDatetime));
        return expiresAt >= after && expiresAt < until;
      });
      return { items: items as never[], next: null };
    },
  };
  const notificationRepository: Pick<NotificationRepository, 'createNotice' | 'recordFailure'> = {
    async createNotice(marker: NoticeMarker, notification, audit, mail) {
      if (options.failOn === marker.itemId) throw new Error('table unavailable');
      const key = `${marker.kind}#${marker.itemId}#${marker.threshold}`;
      if (markers.has(key)) return false;
      markers.add(key);
      notifications.push(notification);
      audits.push(audit);
      if (mail) mails.push(mail);
      return true;
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
    adminMail: options.adminMail ?? null,
  } satisfies ExpiryNoticeDeps;
  const runDay = (day: number) => {
    now = START + day * DAY_MS;
    return sendExpiryNotices(deps);
  };
  /** Per notified item: the expiry periods of its notices, in the order given. */
  const periodsByItem = () => {
    const byItem: Record<string, string[]> = {};
    for (const notification of notifications) {
      const details = notification.details;
      const detail = [...details.certificateDetails, ...details.apiKeyDetails, ...details.mispLicenseDetails][0]!;
      const id = 'certificateId' in detail ? detail.certificateId : 'apiKeyName' in detail ? `key:${detail.apiKeyName}` : `license:${detail.licenseId}`;
      (byItem[id] ??= []).push(detail.expiryPeriod);
    }
    return byItem;
  };
  return { runDay, notifications, audits, mails, reads, periodsByItem };
}

const EVERY_NOTICE = ['30', '15', '10', '9', '8', '7', '6', '5', '4', '3', '2', '1', '0'];

test('thresholds: whole UTC days; the nearest threshold not below the days left, none beyond 30 or after expiry', () => {
  assert.equal(daysUntil('2027-03-31T00:00:00.000Z', new Date('2027-03-01T23:59:00.000Z')), 30);
  assert.equal(daysUntil('2027-03-01T23:59:59.999Z', new Date('2027-03-01T00:00:00.000Z')), 0);
  assert.deepEqual([31, 30, 29, 16, 15, 14, 11, 10, 1, 0, -1].map(dueThreshold), [undefined, 30, 30, 30, 15, 15, 15, 10, 1, 0, undefined]);
});

test('32 consecutive days: each item gets exactly its 30, 15, 10…0-day notices, to the right audience; a day run twice adds nothing', async () => {
  const w = world({ adminMail: { to: 'pms-admins@example.org', language: 'fra' } });
  for (let day = 0; day <= 31; day++) {
    await w.runDay(day);
    if (day === 1 || day === 16 || day === 31) assert.deepEqual(await w.runDay(day), { read: 6, created: 0, alreadyGiven: 4, failed: 0 }, `day ${day} again`);
  }
  assert.deepEqual(w.periodsByItem(), { 'ca-1': EVERY_NOTICE, 'pc-1': EVERY_NOTICE, 'key:Teller': EVERY_NOTICE, 'license:lic-1': EVERY_NOTICE });
  const audienceOf = (type: string) => [...new Set(w.notifications.filter((n) => n.notificationType === type).map((n) => n.partnerId))];
  assert.deepEqual(audienceOf('INTERMEDIATE_CERT_EXPIRY'), [null]);
  assert.deepEqual(audienceOf('PARTNER_CERT_EXPIRY'), ['bank-1']);
  assert.deepEqual(audienceOf('API_KEY_EXPIRY'), ['bank-1']);
  assert.deepEqual(audienceOf('MISP_LICENSE_EXPIRY'), ['misp-1']);
  // Mail: the partner's address and registration language (Hindi falls back to English), the admins' list.
  const mailTo = Object.fromEntries(w.mails.map((mail) => [`${mail.notificationType} ${mail.to}`, mail.language]));
  assert.deepEqual(mailTo, {
    'INTERMEDIATE_CERT_EXPIRY pms-admins@example.org': 'fra',
    'PARTNER_CERT_EXPIRY bank-1@example.org': 'ara',
    'API_KEY_EXPIRY bank-1@example.org': 'ara',
    'MISP_LICENSE_EXPIRY misp-1@example.org': 'eng',
  });
  assert.equal(w.mails.length, 4 * 13);
  assert.deepEqual(w.audits.map((audit) => [audit.action, audit.outcome, audit.details?.module]).filter(([, outcome]) => outcome !== 'SUCCESS'), []);
  assert.equal(w.audits.length, 4 * 13);
  const apiKeyDetail = w.notifications.find((n) => n.notificationType === 'API_KEY_EXPIRY')!.details.apiKeyDetails[0];
  assert.deepEqual(apiKeyDetail, { apiKeyName: 'Teller', partnerId: 'bank-1', expiryDateTime: EXPIRY, expiryPeriod: '30', policyGroup: 'Banks', policyName: 'KYC' });
  // Each run reads one window per kind: today to today + 31 days.
  assert.ok(w.reads.every((read) => read.endsWith(`${new Date(Date.parse(read.split(' ')[1]!) + 31 * DAY_MS).toISOString()}`)));
});

test('runs skipped at 16 and 15 days left: the 15-day notice goes out at 14 days left, then the 10-day one as usual', async () => {
  const w = world();
  for (let day = 0; day <= 31; day++) if (day !== 15 && day !== 16) await w.runDay(day);
  assert.deepEqual(w.periodsByItem()['key:Teller'], EVERY_NOTICE);
  const fifteen = w.notifications.find((n) => n.notificationType === 'API_KEY_EXPIRY' && n.details.apiKeyDetails[0]!.expiryPeriod === '15')!;
  assert.equal(fifteen.crDtimes, new Date(START + 17 * DAY_MS).toISOString(), 'given on the first run after the missed ones');
  assert.equal(w.mails.filter((mail) => mail.notificationType === 'INTERMEDIATE_CERT_EXPIRY').length, 0, 'no admin list configured: portal only');
});

test('switched-off keys and inactive partners are not notified; a failing item is audited, the others are given, and the run fails for a retry', async () => {
  const w = world({ failOn: 'pc-1' });
  await assert.rejects(w.runDay(1), /1 expiry notices failed/);
  assert.deepEqual(Object.keys(w.periodsByItem()).sort(), ['ca-1', 'key:Teller', 'license:lic-1']);
  const failures = w.audits.filter((audit) => audit.outcome === 'FAILURE');
  assert.deepEqual(failures.map((audit) => [audit.objectId, audit.details]), [['pc-1', { module: 'expiry-notifications', itemKind: 'partnerCertificate', threshold: 30, reason: 'Error' }]]);
});
