import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysUntil, dueThreshold } from '../../functions/domain/notifications/expiry-notices.js';
import { renderMail } from '../../functions/domain/notifications/mail-templates.js';
import { DAY_MS, EXPIRY, START, notificationWorld as world } from '../support/notification-world.js';
import { testPersonalData } from '../support/personal-data.js';

const EVERY_NOTICE = ['30', '15', '10', '9', '8', '7', '6', '5', '4', '3', '2', '1', '0'];

test('thresholds: whole UTC days; the nearest threshold not below the days left, none beyond 30 or after expiry', () => {
  assert.equal(daysUntil('2027-03-31T00:00:00.000Z', new Date('2027-03-01T23:59:00.000Z')), 30);
  assert.equal(daysUntil('2027-03-01T23:59:59.999Z', new Date('2027-03-01T00:00:00.000Z')), 0);
  assert.deepEqual([31, 30, 29, 16, 15, 14, 11, 10, 1, 0, -1].map(dueThreshold), [undefined, 30, 30, 30, 15, 15, 15, 10, 1, 0, undefined]);
});

test('32 consecutive days, each run twice: each item gets exactly its 30, 15, 10…0-day notices, to the right audience', async () => {
  const w = world({ mail: { adminList: { to: 'pms-admins@example.org', language: 'fra' } } });
  for (let day = 0; day <= 31; day++) {
    await w.runDay(day);
    const again = await w.runDay(day);
    assert.equal(again.created, 0, `day ${day} run twice gave a notice twice`);
  }
  assert.deepEqual(
    await w.runDay(16),
    { read: 16, created: 0, alreadyGiven: 7, failed: 0 },
    'the 15-day notices exist: a run at 15 days left finds them given',
  );
  assert.deepEqual(
    w.periodsByItem(),
    {
      'ca-1': EVERY_NOTICE,
      'pc-1': EVERY_NOTICE,
      'key:Teller': EVERY_NOTICE,
      'license:lic-1': EVERY_NOTICE,
      'sbi:sbi-1': EVERY_NOTICE,
      'sbi:sbi-pending': EVERY_NOTICE,
      'ftm:101': EVERY_NOTICE,
    },
    'no notice of a rejected or deactivated SBI or FTM chip, nor of a chip pending approval, nor of an SBI or chip whose provider is inactive',
  );
  const audienceOf = (type: string) => [...new Set(w.notifications.filter((n) => n.notificationType === type).map((n) => n.partnerId))];
  assert.deepEqual(audienceOf('INTERMEDIATE_CERT_EXPIRY'), [null]);
  assert.deepEqual(audienceOf('PARTNER_CERT_EXPIRY'), ['bank-1']);
  assert.deepEqual(audienceOf('API_KEY_EXPIRY'), ['bank-1']);
  assert.deepEqual(audienceOf('MISP_LICENSE_EXPIRY'), ['misp-1']);
  assert.deepEqual(audienceOf('SBI_EXPIRY'), ['dp-1']);
  assert.deepEqual(audienceOf('FTM_CHIP_CERT_EXPIRY'), ['ftp-1']);
  // Mail: the partner's address (kept sealed until the sender reveals it) and registration language (Hindi falls
  // back to English), the admins' list.
  const recipients = await Promise.all(w.mails.map((mail) => (typeof mail.to === 'string' ? mail.to : testPersonalData.reveal(mail.to))));
  const mailTo = Object.fromEntries(w.mails.map((mail, i) => [`${mail.notificationType} ${recipients[i]}`, mail.language]));
  assert.ok(
    w.mails.some((mail) => typeof mail.to !== 'string'),
    'partner addresses stay sealed in the outbox',
  );
  assert.deepEqual(mailTo, {
    'INTERMEDIATE_CERT_EXPIRY pms-admins@example.org': 'fra',
    'PARTNER_CERT_EXPIRY bank-1@example.org': 'ara',
    'API_KEY_EXPIRY bank-1@example.org': 'ara',
    'MISP_LICENSE_EXPIRY misp-1@example.org': 'eng',
    'SBI_EXPIRY dp-1@example.org': 'fra',
    'FTM_CHIP_CERT_EXPIRY ftp-1@example.org': 'eng',
  });
  assert.equal(w.mails.length, 7 * 13);
  assert.deepEqual(
    w.audits.map((audit) => [audit.action, audit.outcome, audit.details?.module]).filter(([, outcome]) => outcome !== 'SUCCESS'),
    [],
  );
  assert.equal(w.audits.length, 7 * 13);
  const apiKeyDetail = w.notifications.find((n) => n.notificationType === 'API_KEY_EXPIRY')!.details.apiKeyDetails[0];
  assert.deepEqual(apiKeyDetail, {
    apiKeyName: 'Teller',
    partnerId: 'bank-1',
    expiryDateTime: EXPIRY,
    expiryPeriod: '30',
    policyGroup: 'Banks',
    policyName: 'KYC',
  });
  const sbiNotice = w.notifications.find((n) => n.notificationType === 'SBI_EXPIRY' && n.details.sbiDetails[0]!.sbiId === 'sbi-1')!;
  assert.deepEqual(sbiNotice.details.sbiDetails, [
    {
      sbiId: 'sbi-1',
      sbiVersion: 'sbi-1 1.0',
      partnerId: 'dp-1',
      expiryDateTime: EXPIRY,
      expiryPeriod: '30',
      sbiBinaryHash: 'hash-sbi-1',
      sbiCreationDate: '2027-01-10T08:00:00.000Z',
    },
  ]);
  assert.deepEqual([sbiNotice.details.certificateDetails, sbiNotice.details.apiKeyDetails, sbiNotice.details.mispLicenseDetails], [[], [], []]);
  // The chip's certificate stops serving when the certificate PMS issued expires (before the uploaded one).
  const ftmNotice = w.notifications.find((n) => n.notificationType === 'FTM_CHIP_CERT_EXPIRY')!;
  assert.deepEqual(ftmNotice.details.ftmDetails, [
    {
      certificateId: 'ftm-cert-101',
      issuedBy: 'CN=ChipWorks CA,O=ChipWorks,C=IN',
      issuedTo: 'CN=CW-101,O=ChipWorks,C=IN',
      partnerId: 'ftp-1',
      partnerDomain: 'FTM',
      expiryDateTime: EXPIRY,
      expiryPeriod: '30',
      certificateType: 'ftm',
      ftmId: '101',
      make: 'ChipWorks',
      model: 'CW-101',
    },
  ]);
  assert.deepEqual(
    [ftmNotice.details.certificateDetails, ftmNotice.details.apiKeyDetails, ftmNotice.details.mispLicenseDetails, ftmNotice.details.sbiDetails],
    [[], [], [], []],
  );
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

test('with mails off (no sending identity), notices are portal notifications only', async () => {
  const w = world({ mail: null });
  await w.runDay(1);
  assert.equal(w.notifications.length, 7);
  assert.deepEqual(w.mails, []);
});

test("an SBI's mail: MOSIP's subject, the days left and the SBI's details, in the provider's language", async () => {
  const w = world();
  await w.runDay(21);
  const sbiMail = w.mails.find((mail) => mail.notificationType === 'SBI_EXPIRY' && mail.details.sbiDetails[0]!.sbiId === 'sbi-1')!;
  assert.equal(renderMail(sbiMail).subject, "Action requise : expiration d'une interface biométrique sécurisée (SBI)");
  const english = renderMail({ ...sbiMail, language: 'eng' });
  assert.equal(english.subject, 'Action Required: SBI Expiration');
  assert.match(english.text, /^Dear dp-1,\n\nYour SBI \(secure biometric interface\) expires in 10 day\(s\)\./);
  for (const line of ['SBI ID: sbi-1', 'SBI version: sbi-1 1.0', 'Partner: dp-1', 'Binary hash: hash-sbi-1', 'Registered on: 2027-01-10 08:00 UTC']) {
    assert.ok(english.text.includes(line), line);
  }
  assert.ok(english.text.includes(`Expires on: ${EXPIRY.slice(0, 16).replace('T', ' ')} UTC`));
});

test("an FTM chip's mail: MOSIP's subject, the days left and the chip's certificate, in the provider's language", async () => {
  const w = world();
  await w.runDay(24);
  const chipMail = w.mails.find((mail) => mail.notificationType === 'FTM_CHIP_CERT_EXPIRY')!;
  const english = renderMail(chipMail);
  assert.equal(english.subject, 'Action Required: FTM Chip Certificate Expiration');
  assert.match(english.text, /^Dear ftp-1,\n\nThe certificate of your FTM \(foundational trust module\) chip expires in 7 day\(s\)\./);
  for (const line of [
    'FTM chip ID: 101',
    'Make: ChipWorks',
    'Model: CW-101',
    'Partner: ftp-1',
    'Issued to: CN=CW-101,O=ChipWorks,C=IN',
    'Issued by: CN=ChipWorks CA,O=ChipWorks,C=IN',
    `Expires on: ${EXPIRY.slice(0, 16).replace('T', ' ')} UTC`,
  ]) {
    assert.ok(english.text.includes(line), line);
  }
  assert.equal(renderMail({ ...chipMail, language: 'fra' }).subject, "Action requise : expiration du certificat d'une puce FTM");
  const arabic = renderMail({ ...chipMail, language: 'ara' });
  assert.equal(arabic.subject, 'إجراء مطلوب: انتهاء صلاحية شهادة شريحة FTM');
  assert.match(arabic.text, /خلال 7 يوم/);
});

test('a run 24 days before expiry gives the 30-day notice (expiryPeriod 30, as MOSIP fills it) and its mail says 24 days', async () => {
  const w = world();
  await w.runDay(7);
  const keyNotice = w.notifications.find((n) => n.notificationType === 'API_KEY_EXPIRY')!;
  assert.equal(keyNotice.details.apiKeyDetails[0]!.expiryPeriod, '30');
  const mailOf = (type: string) => w.mails.find((mail) => mail.notificationType === type)!;
  assert.equal(mailOf('API_KEY_EXPIRY').daysLeft, 24);
  assert.match(renderMail(mailOf('MISP_LICENSE_EXPIRY')).text, /Your MISP license key expires in 24 day\(s\)\./);
  assert.match(renderMail(mailOf('API_KEY_EXPIRY')).text, /تنتهي صلاحية مفتاح واجهة البرمجة الخاص بكم خلال 24 يوم\./);
  assert.match(renderMail(mailOf('SBI_EXPIRY')).text, /Votre interface biométrique sécurisée \(SBI\) expire dans 24 jour\(s\)\./);
  for (const mail of w.mails) assert.doesNotMatch(renderMail(mail).text, /30/, `${mail.notificationType} names the threshold`);
});

test('on the day of expiry the mail says it expires today, in each language', async () => {
  const w = world();
  await w.runDay(31);
  const licenseMail = w.mails.find((mail) => mail.notificationType === 'MISP_LICENSE_EXPIRY')!;
  assert.equal(licenseMail.daysLeft, 0);
  assert.match(renderMail(licenseMail).text, /Your MISP license key expires today\./);
  assert.match(renderMail({ ...licenseMail, language: 'fra' }).text, /Votre clé de licence MISP expire aujourd'hui\./);
  assert.match(renderMail({ ...licenseMail, language: 'ara' }).text, /تنتهي صلاحية مفتاح ترخيص MISP الخاص بكم اليوم\./);
});

test('switched-off keys and inactive partners are not notified; a failing item is audited, the others are given, and the run fails for a retry', async () => {
  const w = world({ failOn: 'pc-1' });
  await assert.rejects(w.runDay(1), /1 expiry notices failed/);
  assert.deepEqual(Object.keys(w.periodsByItem()).sort(), ['ca-1', 'ftm:101', 'key:Teller', 'license:lic-1', 'sbi:sbi-1', 'sbi:sbi-pending']);
  const failures = w.audits.filter((audit) => audit.outcome === 'FAILURE');
  assert.deepEqual(
    failures.map((audit) => [audit.objectId, audit.details]),
    [['pc-1', { module: 'expiry-notifications', itemKind: 'partnerCertificate', threshold: 30, reason: 'Error' }]],
  );
});
