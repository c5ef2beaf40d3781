import { setTimeout as sleep } from 'node:timers/promises';
import { createTableContext } from '../../functions/adapters/dynamodb/client.js';
import { relayPendingEvents } from '../../functions/adapters/events/outbox-relay.js';
import { eventLogPublisher } from '../../local/outbox-relay.js';

/**
 * The local relay, run as its own process, stopped between publishing and removing: one pass publishes the outbox
 * to the event log, tells the parent process which event ids it published, and waits there for the parent to kill
 * it (test/integration/relay-crash.test.ts). Arguments: DynamoDB endpoint, table name, event log path.
 */
const KILL_WAIT_MS = 30_000;

const [endpoint, tableName, eventLogPath] = process.argv.slice(2);
if (!endpoint || !tableName || !eventLogPath || !process.send) throw new Error('usage: a child process with IPC, given <endpoint> <table> <event log>');
const send = process.send.bind(process);
const eventLog = eventLogPublisher(eventLogPath);

await relayPendingEvents(createTableContext(tableName, endpoint), {
  async publish(events) {
    await eventLog.publish(events);
    send({ published: events.map((event) => event.event.id) });
    await sleep(KILL_WAIT_MS);
    throw new Error('the relay was not killed between publishing and removing');
  },
});
