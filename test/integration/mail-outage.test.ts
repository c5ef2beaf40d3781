import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { personalDataProtector } from '../../functions/adapters/personal-data/protector-from-env.js';
import { startMailRelay } from '../../local/mail-relay.js';
import type { Scheduler } from '../../local/scheduler.js';
import { startSesLocal } from '../../local/ses.js';
import { startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';
import { freePorts } from '../support/free-ports.js';
import { eventually } from '../support/processes.js';
import { mailAudits, mailItem, storeNotificationWithMail } from '../support/waiting-mails.js';

/** The old policy gave a mail five attempts over about fifteen seconds, then gave it up. */
const OLD_RETRY_BUDGET_MS = 15_000;
const OUTAGE_MS = OLD_RETRY_BUDGET_MS + 5_000;

let db: TestDynamoDb;
let dataDir: string;
let relay: Scheduler | undefined;
let ses: Awaited<ReturnType<typeof startSesLocal>> | undefined;

before(async () => {
  db = await startDynamoDb();
  dataDir = mkdtempSync(join(tmpdir(), 'pms-mail-outage-'));
});
after(async () => {
  await relay?.stop();
  await ses?.stop();
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("SES local unreachable for longer than the old retry budget: once it listens again, npm start's sender delivers every mail exactly once", async () => {
  const [sesPort] = await freePorts(1);
  const recipients = Array.from({ length: 12 }, (_, n) => `partner-${n}@example.org`);
  // Sealed with the local stack's key, which its sender reveals.
  const localKey = personalDataProtector({ PMS_DATA_DIR: dataDir });
  const ids = await Promise.all(recipients.map((to) => storeNotificationWithMail(db.table, to, new Date(), (text) => localKey.seal(text))));
  relay = startMailRelay({
    endpoint: db.endpoint,
    tableName: db.table.tableName,
    sesEndpoint: `http://127.0.0.1:${sesPort}`,
    from: 'no-reply@pms.local',
    dataDir,
  });
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  for (const id of ids) assert.ok(((await mailItem(db.table, id))?.attempts as number) >= 4, 'retried all along, still waiting');

  ses = await startSesLocal(sesPort!);
  const store = async () => ((await (await fetch(`${ses!.endpoint}/store`)).json()) as { emails: { destination: { to: string[] } }[] }).emails;
  await eventually('every mail left the outbox', async () => (await Promise.all(ids.map((id) => mailItem(db.table, id)))).every((item) => !item), 60_000);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // a second chance for a duplicate to show
  assert.deepEqual((await store()).flatMap((email) => email.destination.to).sort(), [...recipients].sort());
  for (const id of ids) {
    assert.deepEqual(
      (await mailAudits(db.table, id)).map(([outcome]) => outcome),
      ['SUCCESS'],
    );
  }
});
