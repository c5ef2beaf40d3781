import { createTableContext } from '../functions/adapters/dynamodb/client.js';
import { dynamoMailOutbox, type LocalMailOutbox } from '../functions/adapters/dynamodb/mail-outbox.js';
import { sesMailer } from '../functions/adapters/mail/ses-mailer.js';
import { personalDataProtector } from '../functions/adapters/personal-data/protector-from-env.js';
import { deliverMail, type MailAttempt, type Mailer } from '../functions/domain/notifications/mail-delivery.js';
import type { PersonalDataProtector } from '../functions/domain/personal-data/personal-data.js';
import { type Clock, systemClock } from '../functions/domain/ports.js';
import { type Scheduler, startScheduler } from './scheduler.js';

const RELAY_EVERY_MS = 250;
const BATCH = 25;

export interface LocalMailRelay {
  outbox: LocalMailOutbox;
  mailer: Mailer;
  personalData: Pick<PersonalDataProtector, 'reveal'>;
  clock: Clock;
}

/**
 * The local stand-in for the mail queue: makes one attempt at each mail that is due. The retry policy is the
 * deployed one (mail-retry.ts): deliverMail stores when the next attempt is due, or dead-letters the mail, where
 * `npm run mail` lists, redrives or gives it up.
 */
export async function relayDueMails(relay: LocalMailRelay): Promise<MailAttempt[]> {
  const deps = { outbox: relay.outbox, mailer: relay.mailer, personalData: relay.personalData, clock: relay.clock };
  // In parallel, as the queue hands messages to concurrent senders: one slow mail does not hold the others.
  const due = await relay.outbox.due(relay.clock.now().toISOString(), BATCH);
  return Promise.all(due.map(({ notificationId }) => deliverMail(deps, notificationId)));
}

export function startMailRelay(options: { endpoint: string; tableName: string; sesEndpoint: string; from: string; dataDir: string }): Scheduler {
  const relay: LocalMailRelay = {
    outbox: dynamoMailOutbox(createTableContext(options.tableName, options.endpoint)),
    mailer: sesMailer(options.from, options.sesEndpoint),
    personalData: personalDataProtector({ PMS_DATA_DIR: options.dataDir }),
    clock: systemClock,
  };
  return startScheduler([{ name: 'mail-relay', everyMs: RELAY_EVERY_MS, run: async () => void (await relayDueMails(relay)) }]);
}
