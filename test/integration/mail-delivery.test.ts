import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { notificationKeys } from '../../functions/adapters/dynamodb/keys.js';
import { dynamoMailOutbox } from '../../functions/adapters/dynamodb/mail-outbox.js';
import { deliverMail, type Mailer, type MailMessage } from '../../functions/domain/notifications/mail-delivery.js';
import { MAX_MAIL_ATTEMPTS, mailRetryDelaySeconds } from '../../functions/domain/notifications/mail-retry.js';
import { REPO_ROOT } from '../../local/config.js';
import { type LocalMailRelay, relayDueMails } from '../../local/mail-relay.js';
import { startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';
import { testPersonalData } from '../support/personal-data.js';
import { mailAudits, mailItem, storeNotificationWithMail, switchableMailer } from '../support/waiting-mails.js';

let db: TestDynamoDb;
let now = Date.parse('2027-01-01T00:00:00.000Z');
const clock = { now: () => new Date(now) };

before(async () => {
  db = await startDynamoDb();
});
after(async () => {
  await db?.stop();
});

const relay = (mailer: Mailer): LocalMailRelay => ({ outbox: dynamoMailOutbox(db.table), mailer, personalData: testPersonalData, clock });
const stored = (to: string) => storeNotificationWithMail(db.table, to, clock.now());

/** Runs the local sender over `hours` of simulated time, a pass every `stepMs` (the waits up to five minutes fall between two passes). */
async function runFor(local: LocalMailRelay, hours: number, stepMs = 300_000): Promise<void> {
  for (const end = now + hours * 3_600_000; now < end; now += stepMs) await relayDueMails(local);
}

/** `npm run mail -- <args>` against the test table: its exit code and the JSON lines it printed. */
async function mailCommand(...args: string[]): Promise<{ code: number | null; lines: Record<string, unknown>[]; stderr: string }> {
  const env = { ...process.env, PMS_DYNAMODB_PORT: new URL(db.endpoint).port, PMS_TABLE_NAME: db.table.tableName };
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/mail.ts', ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  const lines = Buffer.concat(out).toString('utf8').split('\n').filter(Boolean);
  return { code, lines: lines.map((line) => JSON.parse(line) as Record<string, unknown>), stderr: Buffer.concat(err).toString('utf8') };
}

test('SES throttling the first attempts: retried on the policy, the mail is delivered once, in French, and audited once', async () => {
  const id = await stored('bank-1@example.org');
  assert.doesNotMatch(JSON.stringify(await mailItem(db.table, id)), /bank-1@example\.org/, 'the waiting mail keeps the address sealed');
  const mailer = switchableMailer();
  const local = relay(mailer);
  await relayDueMails(local); // attempt 1 fails
  now += mailRetryDelaySeconds(1) * 1000 - 1;
  await relayDueMails(local); // not due yet: nothing
  assert.equal(mailer.calls, 1);
  now += 1;
  await relayDueMails(local); // attempt 2 fails
  mailer.down = false;
  now += mailRetryDelaySeconds(2) * 1000;
  await relayDueMails(local); // attempt 3 sends
  await runFor(local, 2);
  assert.equal(mailer.calls, 3);
  assert.deepEqual(
    mailer.sent.map((mail) => [mail.to, mail.subject]),
    [['bank-1@example.org', "Action requise : expiration d'une clé d'API"]],
  );
  assert.equal(await mailItem(db.table, id), undefined, 'the sent mail left the outbox');
  assert.deepEqual(await mailAudits(db.table, id), [['SUCCESS', 3, 'sendEmail']]);
});

test('an SES outage of twelve hours delays mail, never loses it: each sent once within the hour after it ends', async () => {
  const ids = [await stored('a@example.org'), await stored('b@example.org'), await stored('c@example.org')];
  const mailer = switchableMailer();
  const local = relay(mailer);
  await runFor(local, 12);
  assert.equal(mailer.sent.length, 0);
  assert.ok(mailer.calls > 3 * 5, 'more attempts than the old budget of five');
  mailer.down = false;
  await runFor(local, 1);
  assert.deepEqual(mailer.sent.map((mail) => mail.to).sort(), ['a@example.org', 'b@example.org', 'c@example.org']);
  await runFor(local, 24);
  assert.equal(mailer.sent.length, 3, 'nothing sent twice');
  for (const id of ids) {
    assert.equal(await mailItem(db.table, id), undefined);
    assert.deepEqual(
      (await mailAudits(db.table, id)).map(([outcome]) => outcome),
      ['SUCCESS'],
    );
  }
});

test('a mail that fails every attempt is dead-lettered, kept and audited; npm run mail lists it, redrives it (sent once) or gives it up', async () => {
  const bounced = await stored('nobody@invalid.example');
  const dropped = await stored('gone@invalid.example');
  const mailer = switchableMailer();
  const local = relay(mailer);
  await runFor(local, 30, 900_000);
  assert.equal(mailer.calls, 2 * MAX_MAIL_ATTEMPTS, 'every attempt of the policy, then no more');
  for (const id of [bounced, dropped]) {
    assert.equal((await mailItem(db.table, id))?.gsi1pk, 'MAIL_DEAD_LETTERS', 'kept, out of the retries');
    assert.deepEqual(await mailAudits(db.table, id), [['FAILURE', MAX_MAIL_ATTEMPTS, 'sendEmail']]);
  }

  const listed = await mailCommand('list');
  assert.equal(listed.code, 0, listed.stderr);
  assert.deepEqual(listed.lines.map((line) => [line.notificationId, line.attempts, line.notificationType]).sort(), [
    ...[bounced, dropped].sort().map((id) => [id, MAX_MAIL_ATTEMPTS, 'API_KEY_EXPIRY']),
  ]);
  assert.doesNotMatch(JSON.stringify(listed.lines), /invalid\.example/, 'no address listed');

  const gaveUp = await mailCommand('give-up', dropped);
  assert.deepEqual(gaveUp.lines, [{ notificationId: dropped, givenUp: true }]);
  assert.equal(await mailItem(db.table, dropped), undefined);
  assert.deepEqual((await mailAudits(db.table, dropped)).map(([outcome, , action]) => [outcome, action]).sort(), [
    ['FAILURE', 'sendEmail'],
    ['SUCCESS', 'giveUpEmail'],
  ]);

  mailer.down = false;
  const redriven = await mailCommand('redrive');
  assert.deepEqual(redriven.lines, [{ notificationId: bounced, redriven: true }]);
  await runFor(local, 1);
  const again = await mailCommand('redrive', bounced);
  assert.deepEqual(again.lines, [{ notificationId: bounced, redriven: false }], 'a sent mail is not redriven');
  await runFor(local, 1);
  assert.deepEqual(
    mailer.sent.map((mail) => mail.to),
    ['nobody@invalid.example'],
  );
  assert.deepEqual(await mailAudits(db.table, bounced), [
    ['FAILURE', MAX_MAIL_ATTEMPTS, 'sendEmail'],
    ['SUCCESS', 1, 'sendEmail'],
  ]);
  assert.equal((await mailCommand('list')).lines.length, 0);
  const wrong = await mailCommand('give-up');
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /usage: npm run mail/);
});

test('two attempts at once (a redelivered message): one sends, the other is told the mail is busy', async () => {
  const id = await stored('bank-1@example.org');
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const sent: MailMessage[] = [];
  const slow: Mailer = {
    async send(message) {
      await gate;
      sent.push(message);
    },
  };
  const deps = { outbox: dynamoMailOutbox(db.table), mailer: slow, personalData: testPersonalData, clock };
  const first = deliverMail(deps, id);
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(await deliverMail(deps, id), { outcome: 'busy' });
  release();
  assert.deepEqual(await first, { outcome: 'sent', attempt: 1 });
  assert.deepEqual(await deliverMail(deps, id), { outcome: 'gone' });
  assert.equal(sent.length, 1);
});

test('npm run mail lists every dead-lettered mail, not the first 1000 (issue #18)', async () => {
  const ids = Array.from({ length: 1001 }, (_, i) => `bulk-${String(i).padStart(4, '0')}`);
  const items = ids.map((notificationId) => ({
    ...notificationKeys.mail(notificationId),
    entity: 'MailOutbox',
    gsi1pk: notificationKeys.mailDeadLetters,
    gsi1sk: notificationKeys.mailSortKey('2027-01-01T00:00:00.000Z', notificationId),
    mail: { notificationId, notificationType: 'API_KEY_EXPIRY' },
    attempts: MAX_MAIL_ATTEMPTS,
    deadLetteredAt: '2027-01-01T00:00:00.000Z',
  }));
  for (let start = 0; start < items.length; start += 25) {
    let pending = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const { UnprocessedItems } = await db.table.client.send(new BatchWriteCommand({ RequestItems: { [db.table.tableName]: pending } }));
      pending = (UnprocessedItems?.[db.table.tableName] ?? []) as typeof pending;
    }
  }
  const listed = await mailCommand('list');
  assert.equal(listed.code, 0, listed.stderr);
  assert.equal(listed.lines.filter((line) => String(line.notificationId).startsWith('bulk-')).length, ids.length);
});
