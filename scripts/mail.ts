import { parseArgs } from 'node:util';
import { createTableContext } from '../functions/adapters/dynamodb/client.js';
import { dynamoMailOutbox } from '../functions/adapters/dynamodb/mail-outbox.js';
import { auditEntry } from '../functions/domain/audit.js';
import { NOTIFICATION_AUDIT_TYPE } from '../functions/domain/notifications/notification.js';
import { LocalStackError, readLocalConfig } from '../local/config.js';
import { LOCAL_AWS_ENV } from '../local/handler-env.js';
import { localUrl } from '../local/ports.js';

const USAGE = 'usage: npm run mail -- list | redrive [NOTIFICATION_ID ...] | give-up NOTIFICATION_ID ...';
/** Who the audit records name for a mail an operator gave up. */
const OPERATOR = 'pms-operator';

/**
 * The operator's hand on dead-lettered mails of the local stack (`npm start`), as the dead-letter queue's redrive
 * is on AWS: list them, redrive them (all, or the ones named) for a new round of attempts, or give them up.
 * Prints one JSON line per mail.
 */
async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true });
  const [command, ...ids] = positionals;
  Object.assign(process.env, LOCAL_AWS_ENV);
  const config = readLocalConfig();
  const outbox = dynamoMailOutbox(createTableContext(config.tableName, localUrl(config.ports.dynamodb)));
  const deadLettered = async () => (await outbox.deadLettered()).map((mail) => mail.notificationId);
  const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

  if (command === 'list' && ids.length === 0) {
    for (const mail of await outbox.deadLettered()) print({ ...mail });
  } else if (command === 'redrive') {
    for (const id of ids.length > 0 ? ids : await deadLettered()) {
      print({ notificationId: id, redriven: await outbox.redrive(id, new Date().toISOString()) });
    }
  } else if (command === 'give-up' && ids.length > 0) {
    for (const id of ids) {
      const audit = auditEntry(OPERATOR, 'giveUpEmail', NOTIFICATION_AUDIT_TYPE, id, new Date(), { module: 'mail' });
      print({ notificationId: id, givenUp: await outbox.giveUp(id, audit) });
    }
  } else {
    throw new LocalStackError(USAGE);
  }
}

main().catch((error: unknown) => {
  const refused = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (refused === 'ECONNREFUSED') console.error('pms mail: the local stack is not running: start it with npm start');
  else console.error(error instanceof LocalStackError ? `pms mail: ${error.message}` : error);
  process.exit(1);
});
