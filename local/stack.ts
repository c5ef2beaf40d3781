import { appendFileSync, mkdirSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTableContext, tableContext } from '../functions/adapters/dynamodb/client.js';
import { loadDeviceTypeMasterData } from '../functions/device-type-seed/load.js';
import { ROUTES } from '../functions/routes/route-table.js';
import type { LocalConfig } from './config.js';
import { startDynamoDbLocal } from './dynamodb.js';
import { loadOrCreateEsignetClientSecret, startLocalEsignet } from './esignet.js';
import { eventLogPath } from './event-log.js';
import { LOCAL_MAIL_FROM } from './handler-env.js';
import { createLocalIssuer } from './issuer.js';
import { startIssuerServer } from './issuer-server.js';
import { assertJavaAvailable } from './java.js';
import { startMailRelay } from './mail-relay.js';
import { loadOrCreateLoginClientSecret } from './oidc-client-secret.js';
import { startOutboxRelay } from './outbox-relay.js';
import { ensureLocalPmsCa } from './pms-ca.js';
import { assertPortsFree } from './ports.js';
import { localScheduledJobs } from './scheduled-jobs.js';
import { startScheduler } from './scheduler.js';
import { startApiServer } from './server.js';
import { startSesLocal } from './ses.js';
import { ensureTable } from './table.js';

export interface RunningStack {
  apiUrl: string;
  issuerUrl: string;
  sesUrl: string;
  /** The eSignet counterpart's service root. */
  esignetUrl: string;
  dynamoDbEndpoint: string;
  dynamoDbPid: number;
  eventLogPath: string;
}

/**
 * Starts every local engine in dependency order, the API last so that it answers only when all is ready.
 * `running` collects each part's stop function as soon as the part is up, so a failure half-way (or a
 * Ctrl-C during startup) can stop what already runs. Expects handlerEnvironment(config) in process.env.
 */
export async function startStack(config: LocalConfig, running: Array<() => Promise<void>>): Promise<RunningStack> {
  await assertPortsFree(config);
  assertJavaAvailable();
  mkdirSync(config.dataDir, { recursive: true });

  const dynamodb = await startDynamoDbLocal({ port: config.ports.dynamodb, ...(config.inMemory ? {} : { dataDir: config.dataDir }) });
  running.push(dynamodb.stop);
  await ensureTable(new DynamoDBClient({ endpoint: dynamodb.endpoint }), config.tableName);
  const table = createTableContext(config.tableName, dynamodb.endpoint);
  await ensureLocalPmsCa(table);
  await loadDeviceTypeMasterData(table);

  const issuer = await startIssuerServer(await createLocalIssuer({ dataDir: config.dataDir, port: config.ports.issuer }), config.ports.issuer, {
    apiPort: config.ports.api,
    clientSecret: await loadOrCreateLoginClientSecret(config.dataDir),
    dataDir: config.dataDir,
  });
  running.push(issuer.stop);

  const ses = await startSesLocal(config.ports.ses);
  running.push(ses.stop);

  const esignet = await startLocalEsignet({
    port: config.ports.esignet,
    dataDir: config.dataDir,
    clientSecret: await loadOrCreateEsignetClientSecret(config.dataDir),
  });
  running.push(esignet.stop);

  const events = eventLogPath(config.dataDir);
  appendFileSync(events, ''); // exists from the start, for tail -f

  const relay = startOutboxRelay({ endpoint: dynamodb.endpoint, tableName: config.tableName, eventLogPath: events });
  running.push(relay.stop);

  const mail = startMailRelay({
    endpoint: dynamodb.endpoint,
    tableName: config.tableName,
    sesEndpoint: ses.endpoint,
    from: LOCAL_MAIL_FROM,
    dataDir: config.dataDir,
  });
  running.push(mail.stop);

  const scheduler = startScheduler(localScheduledJobs());
  running.push(scheduler.stop);

  // The handlers run in this process and share this client (functions/adapters/dynamodb/client.ts).
  const api = await startApiServer(ROUTES, config.ports.api, { tableClient: tableContext().client, portalDir: config.portalDir });
  running.push(api.stop);

  return {
    apiUrl: api.url,
    issuerUrl: issuer.url,
    sesUrl: ses.endpoint,
    esignetUrl: esignet.url,
    dynamoDbEndpoint: dynamodb.endpoint,
    dynamoDbPid: dynamodb.pid,
    eventLogPath: events,
  };
}
