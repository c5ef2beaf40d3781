import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTableContext } from '../functions/adapters/dynamodb/client.js';
import { dynamoMailOutbox } from '../functions/adapters/dynamodb/mail-outbox.js';
import { sesMailer } from '../functions/adapters/mail/ses-mailer.js';
import { personalDataProtector } from '../functions/adapters/personal-data/protector-from-env.js';
import { deliverMail, MailBusyError, type Mailer } from '../functions/domain/notifications/mail-delivery.js';
import type { PersonalDataProtector } from '../functions/domain/personal-data/personal-data.js';
import { type Clock, systemClock } from '../functions/domain/ports.js';
import { MAX_MAIL_ATTEMPTS } from '../functions/mail/mail-queue.js';
import { type Scheduler, startScheduler } from './scheduler.js';

const RELAY_EVERY_MS = 250;
const BATCH = 25;

export function mailDeadLetterPath(dataDir: string): string {
  return join(dataDir, 'mail-dead-letters.jsonl');
}

export interface LocalMailRelay {
  outbox: ReturnType<typeof dynamoMailOutbox>;
  mailer: Mailer;
  personalData: Pick<PersonalDataProtector, 'reveal'>;
  clock: Clock;
  deadLetterPath: string;
  /** The wait before attempt n + 1 (the queue's visibility timeout on AWS). */
  retryDelayMs(attempt: number): number;
}

/**
 * The local stand-in for the mail queue: sends each due mail, counts failed attempts with a growing delay, and
 * after the last one leaves a line in the dead-letter file (the mail itself is settled with its failure audit).
 */
export async function relayDueMails(relay: LocalMailRelay): Promise<void> {
  const deps = { outbox: relay.outbox, mailer: relay.mailer, personalData: relay.personalData, clock: relay.clock };
  const now = relay.clock.now();
  for (const { notificationId, attempts } of await relay.outbox.due(now.toISOString(), BATCH)) {
    const attempt = attempts + 1;
    const last = attempt >= MAX_MAIL_ATTEMPTS;
    try {
      await deliverMail(deps, notificationId, { number: attempt, last });
    } catch (error) {
      if (error instanceof MailBusyError) continue;
      const reason = error instanceof Error ? error.name : 'unknown';
      if (last) appendFileSync(relay.deadLetterPath, `${JSON.stringify({ notificationId, attempts: attempt, failedAt: now.toISOString(), reason })}\n`);
      else await relay.outbox.recordFailedAttempt(notificationId, new Date(now.getTime() + relay.retryDelayMs(attempt)).toISOString());
    }
  }
}

export function startMailRelay(options: { endpoint: string; tableName: string; sesEndpoint: string; from: string; dataDir: string }): Scheduler {
  const relay: LocalMailRelay = {
    outbox: dynamoMailOutbox(createTableContext(options.tableName, options.endpoint)),
    mailer: sesMailer(options.from, options.sesEndpoint),
    personalData: personalDataProtector({ PMS_DATA_DIR: options.dataDir }),
    clock: systemClock,
    deadLetterPath: mailDeadLetterPath(options.dataDir),
    retryDelayMs: (attempt) => 1000 * 2 ** (attempt - 1),
  };
  return startScheduler([{ name: 'mail-relay', everyMs: RELAY_EVERY_MS, run: () => relayDueMails(relay) }]);
}
