import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notificationWorld } from '../support/notification-world.js';

test("a week before the items expire: one admin summary listing the partner certificate, the key, the license, the live SBIs and the approved chip's certificate (not the switched-off key, SBIs and chips or the inactive partners'), mailed to the admins' list", async () => {
  const w = notificationWorld({ mail: { adminList: { to: 'pms-admins@example.org', language: 'ara' } } });
  // Items expire on day 31 at 10:00: on day 24 they are 7 days away.
  assert.deepEqual(await w.runWeekly(24), { read: 15, listed: 6, created: 1 });
  const [summary] = w.notifications;
  assert.equal(summary!.notificationType, 'WEEKLY_SUMMARY');
  assert.equal(summary!.partnerId, null);
  assert.deepEqual(
    summary!.details.certificateDetails.map((cert) => [cert.certificateId, cert.expiryPeriod]),
    [['pc-1', '7']],
  );
  assert.deepEqual(
    summary!.details.apiKeyDetails.map((key) => [key.apiKeyName, key.partnerId]),
    [['Teller', 'bank-1']],
  );
  assert.deepEqual(
    summary!.details.mispLicenseDetails.map((license) => license.licenseId),
    ['lic-1'],
  );
  assert.deepEqual(
    summary!.details.sbiDetails.map((sbi) => [sbi.sbiId, sbi.partnerId, sbi.expiryPeriod]),
    [
      ['sbi-1', 'dp-1', '7'],
      ['sbi-pending', 'dp-1', '7'],
    ],
  );
  assert.deepEqual(
    summary!.details.ftmDetails.map((chip) => [chip.ftmId, chip.partnerId, chip.certificateId, chip.expiryPeriod]),
    [['101', 'ftp-1', 'ftm-cert-101', '7']],
  );
  assert.deepEqual(
    w.mails.map((mail) => [mail.to, mail.language, mail.notificationType]),
    [['pms-admins@example.org', 'ara', 'WEEKLY_SUMMARY']],
  );
  assert.deepEqual(
    w.audits.map((audit) => [audit.action, audit.details]),
    [['createNotification', { module: 'weekly-summary', eventType: 'WEEKLY_SUMMARY', itemCount: 6 }]],
  );
});

test('nothing expiring: the summary is still made and audited; the same day again makes nothing', async () => {
  const w = notificationWorld();
  assert.deepEqual(await w.runWeekly(0), { read: 0, listed: 0, created: 1 });
  assert.equal(w.notifications[0]!.details.apiKeyDetails.length + w.notifications[0]!.details.certificateDetails.length, 0);
  assert.deepEqual(
    w.audits.map((audit) => audit.details?.itemCount),
    [0],
  );
  assert.deepEqual(await w.runWeekly(0), { read: 0, listed: 0, created: 0 });
  assert.equal(w.notifications.length, 1);
  assert.deepEqual((await w.runWeekly(7)).created, 1, 'next week, the next summary');
});
