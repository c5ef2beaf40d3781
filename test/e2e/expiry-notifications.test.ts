import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, test } from 'node:test';
import { forgeCertificate } from '../../local/certificate-forge.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { settledItems } from '../support/no-change.js';
import { activateAsAdmin, activateStoredPartner, expectOk, expectRefused, v1, v2 } from '../support/pms-calls.js';
import { AUTH_POLICY } from '../support/sample-policies.js';

const PM = '/v1/partnermanager';
const POLICIES = '/v1/policymanager/policies';
const NOTIFICATIONS = `${PM}/notifications`;
const DAY_MS = 86_400_000;
const EVERY_NOTICE = ['30', '15', '10', '9', '8', '7', '6', '5', '4', '3', '2', '1', '0'];
let stack: LocalStack;
let admin: string;
let admin2: string;
let bank: string;
let misp: string;
/** Expiry instants of the four items, as stored. */
const expiries: Record<string, string> = {};

const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
const utcDay = (instant: string | number) => new Date(instant).toISOString().slice(0, 10);

async function notices(token: string, type: string) {
  const page = await ok('GET', `${NOTIFICATIONS}?notificationType=${type}&pageSize=100`, token);
  return page.data as {
    notificationId: string;
    notificationPartnerId: string;
    notificationType: string;
    notificationStatus: string;
    createdDateTime: string;
    notificationDetails: Record<string, { expiryPeriod: string; expiryDateTime: string }[]>;
  }[];
}

before(async () => {
  stack = await startLocalStack({ env: { API_KEY_VALIDITY_DAYS: '368', PMS_ADMIN_NOTIFICATION_EMAIL: 'pms-admins@example.org' } });
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  admin2 = await stack.token('admin2', ['PARTNER_ADMIN']);
  bank = await stack.token('bank-1', ['AUTH_PARTNER']);
  misp = await stack.token('misp-1', ['MISP_PARTNER']);
  const groupId = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name: 'Banks', desc: 'banks' }))).id;
  const policyId = (
    await ok('POST', POLICIES, admin, v1({ policyGroupName: 'Banks', policyType: 'Auth', name: 'KYC', desc: 'KYC', version: '1.0', policies: AUTH_POLICY }))
  ).id;
  await ok('POST', `${POLICIES}/${policyId}/group/${groupId}/publish`, admin);

  // A trust chain whose intermediate expires in 370 days; the partner certificate PMS issues lasts 365 days.
  const now = Date.now();
  const root = forgeCertificate({
    subject: 'CN=Bank One Root CA,O=Bank One,C=IN',
    keySlot: 'chain-root',
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 3650 * DAY_MS),
    ca: true,
  });
  const intermediate = forgeCertificate({
    subject: 'CN=Bank One Issuing CA,O=Bank One,C=IN',
    issuer: root,
    keySlot: 'chain-intermediate',
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 370 * DAY_MS),
    ca: true,
  });
  const leaf = forgeCertificate({
    subject: 'CN=bank-1 signing,OU=Partner Systems,O=Bank One,L=Nairobi,ST=Nairobi,C=KE',
    issuer: intermediate,
    keySlot: 'chain-leaf',
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 369 * DAY_MS),
    keyUsage: ['digitalSignature', 'keyEncipherment'],
  });
  for (const cert of [root, intermediate])
    await ok('POST', `${PM}/partners/certificate/ca/upload`, admin, v1({ certificateData: cert.pem, partnerDomain: 'AUTH' }));

  await ok(
    'POST',
    `${PM}/partners`,
    bank,
    v1({
      partnerId: 'bank-1',
      partnerType: 'Auth_Partner',
      policyGroup: 'Banks',
      organizationName: 'Bank One',
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: 'bank-1@example.org',
      langCode: 'ara',
    }),
  );
  await ok('POST', `${PM}/partners/certificate/upload`, bank, v1({ partnerId: 'bank-1', partnerDomain: 'AUTH', certificateData: leaf.pem }));
  await activateAsAdmin(stack, admin, 'bank-1');
  const { mappingkey } = await ok('POST', `${PM}/partners/bank-1/policy/map`, bank, v1({ policyName: 'KYC', useCaseDescription: 'authentication' }));
  await ok('PUT', `${PM}/partners/policy/${mappingkey}`, admin, v1({ status: 'approved' }));
  await ok('PATCH', `${PM}/partners/bank-1/generate/apikey`, bank, v1({ policyName: 'KYC', label: 'Teller' }));

  await ok(
    'POST',
    `${PM}/partners`,
    admin,
    v1({
      partnerId: 'misp-1',
      partnerType: 'MISP_Partner',
      organizationName: 'MISP One',
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: 'misp-1@example.org',
      langCode: 'fra',
    }),
  );
  await activateStoredPartner(stack.table, 'misp-1');
  const first = (await ok('POST', `${PM}/misps`, misp, v1({ providerId: 'misp-1' }))).licenseKey;
  await ok('PUT', `${PM}/misps`, misp, v1({ providerId: 'misp-1', licenseKey: first, licenseKeyStatus: 'de-active' }));
  await ok('GET', `${PM}/misps/misp-1/licenseKey?validityDays=366`, admin);

  // What the calendars hold, read back through the API.
  const trust = await ok('GET', `${PM}/trust-chain-certificates?caCertificateType=INTERMEDIATE&pageSize=10`, admin);
  expiries.intermediate = `${trust.data[0].validTillDate}Z`;
  const signed = new X509Certificate((await ok('GET', `${PM}/partners/bank-1/certificate`, bank)).certificateData);
  expiries.partner = new Date(signed.validTo).toISOString();
  expiries.apikey = new Date(now + 368 * DAY_MS).toISOString();
  expiries.license = new Date(now + 366 * DAY_MS).toISOString();

  // Every day from 31 days before the earliest expiry to the day of the latest.
  const first31 = Date.parse(`${utcDay(Math.min(...Object.values(expiries).map((at) => Date.parse(at))))}T06:00:00Z`) - 31 * DAY_MS;
  const last = Date.parse(`${utcDay(Math.max(...Object.values(expiries).map((at) => Date.parse(at))))}T06:00:00Z`);
  for (let day = first31; day <= last; day += DAY_MS) {
    const { code, stderr } = await stack.runJob('expiry-notifications', new Date(day));
    assert.equal(code, 0, stderr);
  }
});
after(() => stack?.stop());

/** The expiry periods of the notices, oldest first, each created on its day before `expiresAt`. */
function assertEveryNotice(rows: Awaited<ReturnType<typeof notices>>, detailsKey: string, expiresAt: string) {
  const oldestFirst = [...rows].reverse();
  assert.deepEqual(
    oldestFirst.map((row) => row.notificationDetails[detailsKey]![0]!.expiryPeriod),
    EVERY_NOTICE,
  );
  for (const row of oldestFirst) {
    const period = Number(row.notificationDetails[detailsKey]![0]!.expiryPeriod);
    assert.equal(
      row.createdDateTime.slice(0, 10),
      utcDay(Date.parse(`${utcDay(expiresAt)}T00:00:00Z`) - period * DAY_MS),
      `the ${period}-day notice is given that day`,
    );
  }
}

test('thirty-odd simulated days: each item gets exactly its 30, 15, 10…0-day notices, seen by its own audience', async () => {
  assertEveryNotice(await notices(admin, 'intermediate'), 'certificateDetails', expiries.intermediate!);
  assertEveryNotice(await notices(admin2, 'intermediate'), 'certificateDetails', expiries.intermediate!);
  assert.deepEqual(await notices(admin, 'root'), [], 'the root expires in ten years');
  assertEveryNotice(await notices(bank, 'partner'), 'certificateDetails', expiries.partner!);
  assertEveryNotice(await notices(bank, 'apikey'), 'apiKeyDetails', expiries.apikey!);
  assertEveryNotice(await notices(misp, 'misp-license'), 'mispLicenseDetails', expiries.license!);
  assert.deepEqual(await notices(misp, 'apikey'), [], "another partner's notices are not the MISP's");
  // MOSIP's default lists: admins their types, partners theirs, four at a time.
  const adminDefault = await ok('GET', NOTIFICATIONS, admin);
  assert.deepEqual(
    [adminDefault.pageSize, adminDefault.totalResults, new Set(adminDefault.data.map((row: { notificationType: string }) => row.notificationType)).size],
    [4, 13, 1],
  );
  const bankDefault = await ok('GET', `${NOTIFICATIONS}?pageSize=50`, bank);
  assert.equal(bankDefault.totalResults, 26);
});

test("the mails reach SES local's inbox, once per notice, each in its recipient's registration language", async () => {
  type Email = { subject: string; destination: { to: string[] }; body: { html?: string; text?: string } };
  let emails: Email[] = [];
  for (let waited = 0; waited < 30_000 && emails.length < 13 * 4; waited += 250) {
    emails = ((await (await fetch(`${stack.sesUrl}/store`)).json()) as { emails: Email[] }).emails;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const count = (to: string, subject: string) => emails.filter((email) => email.destination.to.includes(to) && email.subject === subject).length;
  assert.equal(count('pms-admins@example.org', 'Action Required: Intermediate CA Certificate Expiration'), 13);
  assert.equal(count('bank-1@example.org', 'إجراء مطلوب: انتهاء صلاحية شهادة الشريك'), 13);
  assert.equal(count('bank-1@example.org', 'إجراء مطلوب: انتهاء صلاحية مفتاح واجهة البرمجة'), 13);
  assert.equal(count('misp-1@example.org', "Action requise : expiration d'une clé de licence MISP"), 13);
  assert.equal(emails.length, 13 * 4, 'the admin list once per notice (not once per admin), nothing else');
  assert.ok(emails.every((email) => email.body.html && email.body.text));
  const pending = (await settledItems(stack)).filter((item) => item.entity === 'MailOutbox');
  assert.deepEqual(pending, [], 'every mail left the outbox');
});

test('a run repeated for a day already done gives nothing new', async () => {
  const before = (await ok('GET', `${NOTIFICATIONS}?pageSize=1`, bank)).totalResults;
  const { stdout } = await stack.runJob('expiry-notifications', new Date(Date.parse(expiries.apikey!) - 10 * DAY_MS));
  const report = JSON.parse(stdout).report;
  assert.equal(report.created, 0);
  assert.ok(report.alreadyGiven >= 1);
  assert.equal((await ok('GET', `${NOTIFICATIONS}?pageSize=1`, bank)).totalResults, before);
});

test("dismissing: a partner its own; an admin for itself only; nobody another partner's or an admin's as a partner", async () => {
  const [bankNotice] = await notices(bank, 'apikey');
  const [adminNotice] = await notices(admin, 'intermediate');
  const dismiss = (token: string, id: string, status: string | null = 'DISMISSED') =>
    stack.request('PATCH', `${NOTIFICATIONS}/${id}`, { token, body: v2('mosip.pms.dismiss.notification.patch', { notificationStatus: status }) });
  const code = async (token: string, id: string, status?: string | null) => (await dismiss(token, id, status)).json.errors?.[0]?.errorCode;

  assert.equal(await code(misp, bankNotice!.notificationId), 'PMS_NOTIFICATION_ERROR_011');
  assert.equal(await code(bank, adminNotice!.notificationId), 'PMS_NOTIFICATION_ERROR_018');
  assert.equal(await code(bank, bankNotice!.notificationId, 'ACTIVE'), 'PMS_NOTIFICATION_ERROR_012');
  assert.equal(await code(bank, bankNotice!.notificationId, ''), 'PMS_NOTIFICATION_ERROR_012', 'MOSIP requires only that the status is present');
  assert.equal(await code(bank, bankNotice!.notificationId, null), 'PMS_NOTIFICATION_ERROR_019');
  assert.equal(await code(bank, '00000000-0000-0000-0000-000000000000'), 'PMS_NOTIFICATION_ERROR_008');
  assert.deepEqual((await dismiss(bank, bankNotice!.notificationId)).json.response, {
    id: bankNotice!.notificationId,
    partnerId: 'bank-1',
    notificationType: 'API_KEY_EXPIRY',
    notificationStatus: 'DISMISSED',
  });
  assert.equal(await code(bank, bankNotice!.notificationId), 'PMS_NOTIFICATION_ERROR_009');
  assert.equal((await notices(bank, 'apikey'))[0]!.notificationStatus, 'DISMISSED');

  assert.equal((await dismiss(admin, adminNotice!.notificationId)).json.response.notificationStatus, 'DISMISSED');
  assert.equal((await notices(admin, 'intermediate'))[0]!.notificationStatus, 'DISMISSED');
  assert.equal((await notices(admin2, 'intermediate'))[0]!.notificationStatus, 'ACTIVE', "another admin's stays active");
  const dismissedOnly = await ok('GET', `${NOTIFICATIONS}?notificationType=intermediate&notificationStatus=dismissed`, admin);
  assert.deepEqual(
    dismissedOnly.data.map((row: { notificationId: string }) => row.notificationId),
    [adminNotice!.notificationId],
  );
});

test('the weekly summary lists for the admins what partners hold that expires within the week; one per run date', async () => {
  const at = new Date(Date.parse(expiries.apikey!) - 5 * DAY_MS);
  for (let run = 0; run < 2; run++) assert.equal((await stack.runJob('weekly-summary', at)).code, 0);
  const day = utcDay(at.getTime());
  const summaries = await ok('GET', `${NOTIFICATIONS}?notificationType=weekly&createdFromDate=${day}&createdToDate=${day}`, admin);
  assert.equal(summaries.totalResults, 1);
  const details = summaries.data[0].notificationDetails;
  assert.deepEqual(
    [
      details.certificateDetails.map((cert: { partnerId: string }) => cert.partnerId),
      details.apiKeyDetails.map((key: { apiKeyName: string }) => key.apiKeyName),
      details.mispLicenseDetails.map((license: { mispId: string }) => license.mispId),
    ],
    [['bank-1'], ['Teller'], ['misp-1']],
  );
  await expectRefused(stack, 'GET', `${NOTIFICATIONS}?notificationType=weekly`, bank, undefined, 'PMS_NOTIFICATION_ERROR_006');
});

test("list refusals carry MOSIP's codes", async () => {
  const refused = (token: string, query: string, code: string) => expectRefused(stack, 'GET', `${NOTIFICATIONS}?${query}`, token, undefined, code);
  await refused(bank, 'notificationType=root', 'PMS_NOTIFICATION_ERROR_006');
  await refused(bank, 'certificateId=abc', 'PMS_NOTIFICATION_ERROR_015');
  await refused(admin, 'notificationType=root&createdFromDate=2027-01-01', 'PMS_NOTIFICATION_ERROR_017');
  await refused(admin, 'notificationType=weekly&createdFromDate=2027-02-30', 'PMS_NOTIFICATION_ERROR_016');
  await refused(bank, 'notificationType=partner&expiryDate=tomorrow', 'PMS_NOTIFICATION_ERROR_016');
  // MOSIP's order: the three dates first, then the type against the caller and the other filters.
  await refused(bank, 'createdFromDate=123456', 'PMS_NOTIFICATION_ERROR_016');
  await refused(bank, 'expiryDate=881718821', 'PMS_NOTIFICATION_ERROR_016');
  await refused(bank, 'notificationType=root&createdToDate=2027-13-01', 'PMS_NOTIFICATION_ERROR_016');
  await refused(admin, 'createdFromDate=2027-01-01', 'PMS_NOTIFICATION_ERROR_015');
  await refused(admin, 'notificationType=WEEKLY&createdFromDate=2027-01-01', 'PMS_NOTIFICATION_ERROR_017');
  await refused(bank, 'pageNo=-1', 'PMS_PRT_360');
  await refused(bank, 'pageSize=0', 'PMS_PRT_361');
  const filtered = await ok('GET', `${NOTIFICATIONS}?notificationType=partner&partnerDomain=auth&issuedTo=BANK-1&pageSize=100`, bank);
  assert.equal(filtered.totalResults, 13);
  assert.equal((await ok('GET', `${NOTIFICATIONS}?notificationType=partner&partnerDomain=DEVICE`, bank)).totalResults, 0);
});

test('the seen timestamp is read and set by its own user or a partner admin; another user is answered as unknown', async () => {
  const path = (user: string) => `${PM}/users/${user}/notifications-seen-timestamp`;
  const seenAt = (dtimes: string) => ({ body: v2('mosip.pms.users.notifications.seen.timestamp.put', { notificationsSeenDtimes: dtimes }) });
  await expectRefused(stack, 'GET', path('bank-1'), bank, undefined, 'PMS_NOTIFICATION_ERROR_003');
  // The consent makes the user's details exist, as MOSIP's user_details row: no timestamp yet reads as null.
  const consent = await stack.request('POST', `${PM}/users/user-consent`, { token: bank, body: v2('mosip.pms.user.consent.post', {}) });
  assert.deepEqual(consent.json.errors, []);
  assert.deepEqual(await ok('GET', path('bank-1'), bank), { notificationsSeenDtimes: null });
  const put = await stack.request('PUT', path('bank-1'), { token: bank, ...seenAt('2027-01-05T10:20:30.000') });
  assert.deepEqual(put.json.response, { notificationsSeenDtimes: '2027-01-05T10:20:30.000' });
  assert.deepEqual(await ok('GET', path('bank-1'), bank), { notificationsSeenDtimes: '2027-01-05T10:20:30.000' });
  await expectRefused(stack, 'GET', path('bank-1'), misp, undefined, 'PMS_CERTIFICATE_ERROR_002');
  await expectRefused(stack, 'GET', path('nobody'), bank, undefined, 'PMS_CERTIFICATE_ERROR_002');
  await expectRefused(stack, 'PUT', path('misp-1'), bank, seenAt('2027-02-01T00:00:00.000').body, 'PMS_CERTIFICATE_ERROR_002');
  await expectRefused(stack, 'GET', path('misp-1'), misp, undefined, 'PMS_NOTIFICATION_ERROR_003');
  const byAdmin = await stack.request('PUT', path('misp-1'), { token: admin, ...seenAt('2027-03-01T08:00:00.000') });
  assert.deepEqual(byAdmin.json.response, { notificationsSeenDtimes: '2027-03-01T08:00:00.000' });
  assert.deepEqual(await ok('GET', path('misp-1'), misp), { notificationsSeenDtimes: '2027-03-01T08:00:00.000' });
  assert.deepEqual(await ok('GET', path('bank-1'), admin), { notificationsSeenDtimes: '2027-01-05T10:20:30.000' });
  await expectRefused(stack, 'GET', path('nobody'), admin, undefined, 'PMS_CERTIFICATE_ERROR_002');
  const bad = await stack.request('PUT', path('bank-1'), {
    token: bank,
    body: v2('mosip.pms.users.notifications.seen.timestamp.put', { notificationsSeenDtimes: null }),
  });
  assert.equal(bad.json.errors?.[0]?.errorCode, 'PMS_NOTIFICATION_ERROR_002');
});
