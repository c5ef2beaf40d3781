import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mailLanguage } from '../../functions/domain/notifications/mail.js';
import { renderMail } from '../../functions/domain/notifications/mail-templates.js';
import { NOTIFICATION_TYPES, notificationDetails } from '../../functions/domain/notifications/notification.js';

const certificate = notificationDetails({
  certificateDetails: [
    {
      certificateId: 'c-1',
      issuedBy: 'CN=Root <CA>',
      issuedTo: 'CN=Bank & Co',
      partnerId: 'bank-1',
      partnerDomain: 'AUTH',
      expiryDateTime: '2027-01-03T07:30:00.000Z',
      expiryPeriod: '15',
      certificateType: 'partner',
    },
  ],
});

test('English: MOSIP subjects, the days left, the details in UTC, text and HTML', () => {
  const mail = renderMail({ language: 'eng', notificationType: 'PARTNER_CERT_EXPIRY', recipientName: 'bank-1', details: certificate });
  assert.equal(mail.subject, 'Action Required: Partner Certificate Expiration');
  assert.match(mail.text, /^Dear bank-1,\n\nYour partner certificate expires in 15 day\(s\)\./);
  assert.match(mail.text, /Expires on: 2027-01-03 07:30 UTC/);
  assert.match(mail.html, /<html lang="en" dir="ltr">/);
  // Values are escaped in HTML, kept as they are in text.
  assert.ok(mail.html.includes('CN=Bank &#38; Co') && mail.html.includes('CN=Root &#60;CA&#62;') && !mail.html.includes('<CA>'));
  assert.match(mail.text, /Issued to: CN=Bank & Co/);
});

test('Arabic is right to left, French in French; other languages fall back to English', () => {
  const arabic = renderMail({
    language: 'ara',
    notificationType: 'API_KEY_EXPIRY',
    recipientName: 'bank-1',
    details: notificationDetails({
      apiKeyDetails: [
        { apiKeyName: 'Teller', partnerId: 'bank-1', expiryDateTime: '2027-01-03T07:30:00.000Z', expiryPeriod: '0', policyGroup: 'Banks', policyName: 'KYC' },
      ],
    }),
  });
  assert.equal(arabic.subject, 'إجراء مطلوب: انتهاء صلاحية مفتاح واجهة البرمجة');
  assert.match(arabic.html, /<html lang="ar" dir="rtl"><body dir="rtl">/);
  assert.match(arabic.text, /مفتاح واجهة البرمجة: Teller/);
  const french = renderMail({
    language: 'fra',
    notificationType: 'MISP_LICENSE_EXPIRY',
    recipientName: 'misp-1',
    details: notificationDetails({
      mispLicenseDetails: [{ licenseId: 'l-1', mispId: 'misp-1', expiryDateTime: '2027-01-03T07:30:00.000Z', expiryPeriod: '10' }],
    }),
  });
  assert.equal(french.subject, "Action requise : expiration d'une clé de licence MISP");
  assert.match(french.text, /expire dans 10 jour\(s\)/);
  assert.deepEqual(['ara', 'fra', 'eng', 'hin', '', null, undefined].map(mailLanguage), ['ara', 'fra', 'eng', 'eng', 'eng', 'eng', 'eng']);
});

test('an FTM chip certificate: its subject in each language, the days left, the chip and its certificate', () => {
  const details = notificationDetails({
    ftmDetails: [
      {
        certificateId: 'fc-1',
        issuedBy: 'CN=Chip CA',
        issuedTo: 'CN=Chip & Co',
        partnerId: 'ftp-1',
        partnerDomain: 'FTM',
        expiryDateTime: '2027-01-03T07:30:00.000Z',
        expiryPeriod: '9',
        certificateType: 'ftm',
        ftmId: '42',
        make: 'ChipWorks',
        model: 'CW-9',
      },
    ],
  });
  const render = (language: 'eng' | 'ara' | 'fra') => renderMail({ language, notificationType: 'FTM_CHIP_CERT_EXPIRY', recipientName: 'ftp-1', details });
  const english = render('eng');
  assert.equal(english.subject, 'Action Required: FTM Chip Certificate Expiration');
  assert.match(english.text, /expires in 9 day\(s\)/);
  assert.match(
    english.text,
    /FTM chip ID: 42\nMake: ChipWorks\nModel: CW-9\nPartner: ftp-1\nIssued to: CN=Chip & Co\nIssued by: CN=Chip CA\nExpires on: 2027-01-03 07:30 UTC/,
  );
  assert.ok(english.html.includes('CN=Chip &#38; Co'));
  assert.match(render('fra').text, /^Bonjour ftp-1,\n\nLe certificat de votre puce FTM \(module de confiance fondamental\) expire dans 9 jour\(s\)\./);
  assert.match(render('fra').text, /Marque: ChipWorks\nModèle: CW-9/);
  const arabic = render('ara');
  assert.equal(arabic.subject, 'إجراء مطلوب: انتهاء صلاحية شهادة شريحة FTM');
  assert.match(arabic.text, /خلال 9 يوم/);
  assert.match(arabic.text, /معرف شريحة FTM: 42/);
});

test('every notification type has a subject and an introduction in every language', () => {
  for (const language of ['eng', 'ara', 'fra'] as const) {
    for (const notificationType of NOTIFICATION_TYPES) {
      const mail = renderMail({ language, notificationType, recipientName: 'x', details: certificate });
      assert.ok(mail.subject.length > 10 && mail.text.split('\n')[2]!.length > 10, `${language} ${notificationType}`);
    }
  }
});

test('the days left the notice counted win over the threshold in expiryPeriod; a mail queued without them says the threshold', () => {
  const base = { language: 'eng', notificationType: 'PARTNER_CERT_EXPIRY', recipientName: 'bank-1', details: certificate } as const;
  assert.match(renderMail({ ...base, daysLeft: 12 }).text, /Your partner certificate expires in 12 day\(s\)\./);
  assert.match(renderMail({ ...base, language: 'fra', daysLeft: 12 }).text, /expire dans 12 jour\(s\)\./);
  assert.match(renderMail({ ...base, language: 'ara', daysLeft: 12 }).text, /خلال 12 يوم\./);
  assert.match(renderMail({ ...base, daysLeft: 0 }).text, /Your partner certificate expires today\./);
  assert.match(renderMail(base).text, /expires in 15 day\(s\)\./);
});
