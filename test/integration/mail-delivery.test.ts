import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { dynamoMailOutbox } from '../../functions/adapters/dynamodb/mail-outbox.js';
import { dynamoNotificationRepository } from '../../functions/adapters/dynamodb/notification-repository.js';
import { auditEntry } from '../../functions/domain/audit.js';
import { mailFor } from '../../functions/domain/notifications/expiry-notices.js';
import { deliverMail, type Mailer, type MailMessage } from '../../functions/domain/notifications/mail-delivery.js';
import { type Notification, notificationDetails } from '../../functions/domain/notifications/notification.js';
import { MAX_MAIL_ATTEMPTS } from '../../functions/mail/mail-queue.js';
import { type LocalMailRelay, relayDueMails } from '../../local/mail-relay.js';
import { listTableItems, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';
import { sealed, testPersonalData } from '../support/personal-data.js';

let db: TestDynamoDb;
let dir: string;
let now = Date.parse('2027-01-01T00:00:00.000Z');
const clock = { now: () => new Date(now) };

before(async () => {
  db = await startDynamoDb();
  dir = mkdtempSync(join(tmpdir(), 'pms-mail-'));
});
after(async () => {
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A partner notification with its mail, stored as the expiry job stores it. */
async function notificationWithMail(to: string): Promise<string> {
  const notification: Notification = {
    id: randomUUID(),
    partnerId: 'bank-1',
    notificationType: 'API_KEY_EXPIRY',
    notificationStatus: 'ACTIVE',
    details: notificationDetails({
      apiKeyDetails: [
        { apiKeyName: 'Teller', partnerId: 'bank-1', expiryDateTime: '2027-01-10T00:00:00.000Z', expiryPeriod: '9', policyGroup: 'Banks', policyName: 'KYC' },
      ],
    }),
    crBy: 'pms-scheduler',
    crDtimes: new Date(now).toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
  const mail = mailFor({ mail: { adminList: null } }, { partner: { id: 'bank-1', emailId: sealed(to), langCode: 'fra' } as never }, notification);
  const created = await dynamoNotificationRepository(db.table).createNotice(
    { kind: 'apiKey', itemId: notification.id, threshold: 9, keepUntil: '2027-03-01T00:00:00.000Z' },
    notification,
    auditEntry('pms-scheduler', 'createNotification', 'Notification', notification.id, new Date(now)),
    mail,
  );
  assert.ok(created);
  return notification.id;
}

/** A mailer that fails `failures` times, then sends; records what it sent. */
function flakyMailer(failures: number): Mailer & { sent: MailMessage[]; calls: number } {
  const mailer = {
    sent: [] as MailMessage[],
    calls: 0,
    async send(message: MailMessage) {
      mailer.calls++;
      if (mailer.calls <= failures) throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
      mailer.sent.push(message);
    },
  };
  return mailer;
}

function relay(mailer: Mailer): LocalMailRelay {
  return {
    outbox: dynamoMailOutbox(db.table),
    mailer,
    personalData: testPersonalData,
    clock,
    deadLetterPath: join(dir, 'dead-letters.jsonl'),
    retryDelayMs: (attempt) => attempt * 1000,
  };
}

const auditsOf = async (id: string) => (await listTableItems(db.table)).filter((item) => item.pk === `AUDIT#Notification#${id}` && item.action === 'sendEmail');
const mailItem = async (id: string) => (await listTableItems(db.table)).find((item) => item.pk === `MAIL#${id}`);

test('SES throttling the first attempts: the mail is delivered once, after its retries, in French, and audited once', async () => {
  const id = await notificationWithMail('bank-1@example.org');
  assert.ok(await mailItem(id));
  assert.doesNotMatch(JSON.stringify(await mailItem(id)), /bank-1@example\.org/, 'the waiting mail keeps the address sealed');
  const mailer = flakyMailer(2);
  const local = relay(mailer);
  await relayDueMails(local); // attempt 1 fails
  await relayDueMails(local); // not due yet: nothing
  assert.equal(mailer.calls, 1);
  now += 1000;
  await relayDueMails(local); // attempt 2 fails
  now += 2000;
  await relayDueMails(local); // attempt 3 sends
  now += 10_000;
  await relayDueMails(local); // nothing left
  assert.equal(mailer.calls, 3);
  assert.equal(mailer.sent.length, 1);
  assert.equal(mailer.sent[0]!.to, 'bank-1@example.org');
  assert.equal(mailer.sent[0]!.subject, "Action requise : expiration d'une clé d'API");
  assert.equal(await mailItem(id), undefined, 'the sent mail left the outbox');
  assert.deepEqual(
    (await auditsOf(id)).map((audit) => [audit.outcome, (audit.details as { attempt: number }).attempt]),
    [['SUCCESS', 3]],
  );
  assert.ok(!JSON.stringify(await auditsOf(id)).includes('bank-1@example.org'), 'no address in the audit record');
});

test('an address that always fails: after the last attempt the mail is given up, audited as a failure and dead-lettered', async () => {
  const id = await notificationWithMail('nobody@invalid.example');
  const mailer = flakyMailer(Number.POSITIVE_INFINITY);
  const local = relay(mailer);
  for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS + 2; attempt++) {
    await relayDueMails(local);
    now += 60_000;
  }
  assert.equal(mailer.calls, MAX_MAIL_ATTEMPTS);
  assert.equal(await mailItem(id), undefined);
  const audits = await auditsOf(id);
  assert.deepEqual(
    audits.map((audit) => [audit.outcome, (audit.details as { reason: string; attempt: number }).reason, (audit.details as { attempt: number }).attempt]),
    [['FAILURE', 'TooManyRequestsException', MAX_MAIL_ATTEMPTS]],
  );
  const deadLetters = readFileSync(join(dir, 'dead-letters.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { notificationId: string; attempts: number });
  assert.deepEqual(
    deadLetters.filter((letter) => letter.notificationId === id).map((letter) => letter.attempts),
    [MAX_MAIL_ATTEMPTS],
  );
});

test('two attempts at once (a redelivered message): one sends, the other is told the mail is busy', async () => {
  const id = await notificationWithMail('bank-1@example.org');
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slow: Mailer & { sent: number } = {
    sent: 0,
    async send() {
      await gate;
      slow.sent++;
    },
  };
  const deps = { outbox: dynamoMailOutbox(db.table), mailer: slow, personalData: testPersonalData, clock };
  const first = deliverMail(deps, id, { number: 1, last: false });
  await new Promise((resolve) => setTimeout(resolve, 200));
  await assert.rejects(deliverMail(deps, id, { number: 2, last: false }), /being sent by another attempt/);
  release();
  assert.equal(await first, 'sent');
  assert.equal(await deliverMail(deps, id, { number: 3, last: false }), 'gone');
  assert.equal(slow.sent, 1);
});
