import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { SQSEvent } from 'aws-lambda';
import { dynamoNotificationRepository } from '../../functions/adapters/dynamodb/notification-repository.js';
import { auditEntry } from '../../functions/domain/audit.js';
import { mailFor } from '../../functions/domain/notifications/expiry-notices.js';
import { type Notification, notificationDetails } from '../../functions/domain/notifications/notification.js';
import { MAX_MAIL_ATTEMPTS } from '../../functions/mail/mail-queue.js';
import { startSesLocal } from '../../local/ses.js';
import { listTableItems, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';
import { freePorts } from '../support/free-ports.js';
import { sqsEvent } from '../support/lambda-events.js';

let db: TestDynamoDb;
let ses: Awaited<ReturnType<typeof startSesLocal>> | undefined;
let handler: (event: SQSEvent) => Promise<void>;

before(async () => {
  db = await startDynamoDb();
  const [port] = await freePorts(1);
  ses = await startSesLocal(port!);
  Object.assign(process.env, {
    TABLE_NAME: db.table.tableName,
    DYNAMODB_ENDPOINT: db.endpoint,
    SES_ENDPOINT: ses.endpoint,
    PMS_MAIL_FROM: 'no-reply@pms.example',
    PMS_LOG_LEVEL: 'SILENT',
  });
  ({ handler } = await import('../../functions/mail/mail-sender-handler.js'));
});
after(async () => {
  await ses?.stop();
  await db?.stop();
});

async function queuedMail(): Promise<string> {
  const now = new Date();
  const notification: Notification = {
    id: randomUUID(),
    partnerId: null,
    notificationType: 'ROOT_CERT_EXPIRY',
    notificationStatus: 'ACTIVE',
    details: notificationDetails({
      certificateDetails: [
        {
          certificateId: 'c-1',
          issuedBy: 'CN=Root',
          issuedTo: 'CN=Root',
          partnerId: null,
          partnerDomain: 'AUTH',
          expiryDateTime: '2027-02-01T00:00:00.000Z',
          expiryPeriod: '30',
          certificateType: 'root',
        },
      ],
    }),
    crBy: 'pms-scheduler',
    crDtimes: now.toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
  const mail = mailFor({ mail: { adminList: { to: 'pms-admins@example.org', language: 'ara' } } }, { partner: null }, notification);
  await dynamoNotificationRepository(db.table).createNotice(
    { kind: 'caCertificate', itemId: notification.id, threshold: 30, keepUntil: '2027-04-01T00:00:00.000Z' },
    notification,
    auditEntry('pms-scheduler', 'createNotification', 'Notification', notification.id, now),
    mail,
  );
  return notification.id;
}

const items = () => listTableItems(db.table);

test('a queued notification id is sent through SES (local) once, in the recipient language, and audited', async () => {
  const id = await queuedMail();
  await handler(sqsEvent(JSON.stringify({ notificationId: id }), 1));
  const store = (await (await fetch(`${ses!.endpoint}/store`)).json()) as {
    emails: { subject: string; destination: { to: string[] }; body: { html?: string; text?: string } }[];
  };
  const sent = store.emails.filter((email) => email.destination.to.includes('pms-admins@example.org'));
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.subject, 'إجراء مطلوب: انتهاء صلاحية شهادة المرجع المصدق الجذري');
  assert.match(String(sent[0]!.body.html), /dir="rtl"/);
  assert.match(String(sent[0]!.body.text), /^عزيزي Partner Admin،/);
  // The same message again (at-least-once delivery): nothing more is sent.
  await handler(sqsEvent(JSON.stringify({ notificationId: id }), 2));
  const again = (await (await fetch(`${ses!.endpoint}/store`)).json()) as { emails: unknown[] };
  assert.equal(again.emails.length, store.emails.length);
  assert.deepEqual(
    (await items()).filter((item) => item.pk === `AUDIT#Notification#${id}` && item.action === 'sendEmail').map((item) => item.outcome),
    ['SUCCESS'],
  );
});

test('SES down: each attempt fails and keeps the mail for the next; the last one audits the failure and lets the queue dead-letter it', async () => {
  await ses!.stop();
  ses = undefined;
  const id = await queuedMail();
  const body = JSON.stringify({ notificationId: id });
  for (let attempt = 1; attempt < MAX_MAIL_ATTEMPTS; attempt++) {
    await assert.rejects(handler(sqsEvent(body, attempt)));
    assert.ok(
      (await items()).some((item) => item.pk === `MAIL#${id}` && item.claimedUntil === undefined),
      `attempt ${attempt} left the mail, unclaimed`,
    );
  }
  await assert.rejects(handler(sqsEvent(body, MAX_MAIL_ATTEMPTS)));
  assert.ok(!(await items()).some((item) => item.pk === `MAIL#${id}`));
  const audits = (await items()).filter((item) => item.pk === `AUDIT#Notification#${id}` && item.action === 'sendEmail');
  assert.deepEqual(
    audits.map((audit) => [audit.outcome, (audit.details as { attempt: number }).attempt]),
    [['FAILURE', MAX_MAIL_ATTEMPTS]],
  );
});

test('a message that names no notification is dropped without an attempt', async () => {
  const before = (await items()).length;
  await handler(sqsEvent('{"to":"someone@example.org"}', 1));
  await handler(sqsEvent('not json', 1));
  assert.equal((await items()).length, before);
});
