import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dynamoMailOutbox } from '../../functions/adapters/dynamodb/mail-outbox.js';
import { sesMailer } from '../../functions/adapters/mail/ses-mailer.js';
import type { Mailer } from '../../functions/domain/notifications/mail-delivery.js';
import { MAX_MAIL_ATTEMPTS, mailRetryDelaySeconds } from '../../functions/domain/notifications/mail-retry.js';
import { handleMailMessages, type MailQueue } from '../../functions/mail/mail-queue.js';
import { startSesLocal } from '../../local/ses.js';
import { listTableItems, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';
import { freePorts } from '../support/free-ports.js';
import { sqsEvent } from '../support/lambda-events.js';
import { testPersonalData } from '../support/personal-data.js';
import { mailAudits, mailItem, storeNotificationWithMail } from '../support/waiting-mails.js';

let db: TestDynamoDb;
let ses: Awaited<ReturnType<typeof startSesLocal>>;
let now = Date.parse('2027-01-01T00:00:00.000Z');
const clock = { now: () => new Date(now) };
/** SES local, or a refusal while `sesDown` (the sender's view of an SES outage). */
let sesDown = false;

before(async () => {
  db = await startDynamoDb();
  const [port] = await freePorts(1);
  ses = await startSesLocal(port!);
});
after(async () => {
  await ses?.stop();
  await db?.stop();
});

/** What the sender asked of the queue. */
function recordingQueue(): MailQueue & { delays: [string, number][]; deadLettered: string[] } {
  const queue = {
    delays: [] as [string, number][],
    deadLettered: [] as string[],
    async delay(receiptHandle: string, seconds: number) {
      queue.delays.push([receiptHandle, seconds]);
    },
    async deadLetter(body: string) {
      queue.deadLettered.push(body);
    },
  };
  return queue;
}

function sender(queue: MailQueue) {
  const viaSesLocal = sesMailer('no-reply@pms.example', ses.endpoint);
  const mailer: Mailer = {
    send: (message) => (sesDown ? Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { name: 'ECONNREFUSED' })) : viaSesLocal.send(message)),
  };
  return (body: string) => {
    const event = sqsEvent(body);
    return handleMailMessages({ delivery: { outbox: dynamoMailOutbox(db.table), mailer, personalData: testPersonalData, clock }, queue }, event).then(
      ({ response, handled }) => ({ receiptHandle: event.Records[0]!.receiptHandle, kept: response.batchItemFailures.length === 1, handled: handled[0]! }),
    );
  };
}

const sesStore = async () => ((await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] }).emails;

test('a queued notification id is sent through SES (local) once and audited; the same message again sends nothing', async () => {
  const id = await storeNotificationWithMail(db.table, 'teller@bank.example', clock.now());
  const queue = recordingQueue();
  const send = sender(queue);
  const first = await send(JSON.stringify({ notificationId: id }));
  assert.equal(first.kept, false, 'the message is let go');
  assert.deepEqual(first.handled.attempt, { outcome: 'sent', attempt: 1 });
  const sent = (await sesStore()).filter((email) => email.destination.to.includes('teller@bank.example'));
  assert.deepEqual(
    sent.map((email) => email.subject),
    ["Action requise : expiration d'une clé d'API"],
  );
  const again = await send(JSON.stringify({ notificationId: id }));
  assert.deepEqual([again.kept, again.handled.attempt], [false, { outcome: 'gone' }]);
  assert.equal((await sesStore()).filter((email) => email.destination.to.includes('teller@bank.example')).length, 1);
  assert.deepEqual(await mailAudits(db.table, id), [['SUCCESS', 1, 'sendEmail']]);
  assert.deepEqual([queue.delays, queue.deadLettered], [[], []]);
});

test('SES down: each failed attempt hides the message until the next is due; the last moves it to the dead-letter queue, whose redrive sends it once', async () => {
  const id = await storeNotificationWithMail(db.table, 'clerk@bank.example', clock.now());
  const body = JSON.stringify({ notificationId: id });
  const queue = recordingQueue();
  const send = sender(queue);
  sesDown = true;
  try {
    const first = await send(body);
    assert.equal(first.kept, true);
    assert.deepEqual(queue.delays, [[first.receiptHandle, mailRetryDelaySeconds(1)]]);
    assert.ok((await mailItem(db.table, id))?.claimedUntil === undefined, 'given back for the next attempt');

    // A message delivered before its time (a duplicate, or a visibility change that failed) waits, unattempted.
    now += 1000;
    const early = await send(body);
    assert.deepEqual([early.kept, early.handled.attempt], [true, { outcome: 'not-due', retryInSeconds: 1 }]);
    assert.deepEqual(queue.delays.at(-1), [early.receiptHandle, 1]);

    for (let attempt = 2; attempt <= MAX_MAIL_ATTEMPTS; attempt++) {
      now += mailRetryDelaySeconds(attempt - 1) * 1000;
      const result = await send(body);
      assert.equal(result.handled.attempt.outcome, attempt < MAX_MAIL_ATTEMPTS ? 'retry' : 'dead-lettered', `attempt ${attempt}`);
      assert.equal(result.kept, attempt < MAX_MAIL_ATTEMPTS);
    }
    assert.deepEqual(queue.deadLettered, [body]);
    assert.equal((await mailItem(db.table, id))?.gsi1pk, 'MAIL_DEAD_LETTERS', 'the mail is kept');
    assert.deepEqual(await mailAudits(db.table, id), [['FAILURE', MAX_MAIL_ATTEMPTS, 'sendEmail']]);
  } finally {
    sesDown = false;
  }

  // The operator redrives the dead-letter queue: the same message, a new round.
  now += 3 * 86_400_000;
  const redriven = await send(queue.deadLettered[0]!);
  assert.deepEqual([redriven.kept, redriven.handled.attempt], [false, { outcome: 'sent', attempt: 1 }]);
  assert.equal((await sesStore()).filter((email) => email.destination.to.includes('clerk@bank.example')).length, 1);
  assert.equal(await mailItem(db.table, id), undefined);
  const twice = await send(queue.deadLettered[0]!);
  assert.deepEqual(twice.handled.attempt, { outcome: 'gone' });
});

test('a message that names no notification is dropped without an attempt', async () => {
  const before = (await listTableItems(db.table)).length;
  const send = sender(recordingQueue());
  for (const body of ['{"to":"someone@example.org"}', 'not json']) {
    const result = await send(body);
    assert.deepEqual([result.kept, result.handled.attempt], [false, { outcome: 'dropped' }]);
  }
  assert.equal((await listTableItems(db.table)).length, before);
});
