import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createTableContext } from '../../functions/adapters/dynamodb/client.js';
import { PORT_SETTINGS, type PortName, REPO_ROOT } from '../../local/config.js';
import { closeServer, isPortFree, LOCAL_HOST, listen, localUrl } from '../../local/ports.js';
import { useLocalAwsCredentials } from '../support/dynamodb.js';
import { freePorts } from '../support/free-ports.js';
import { request } from '../support/http.js';
import { eventually, processesMentioning, processGroupAlive } from '../support/processes.js';

/** What `npm start` and `npm run token` run: the tsx CLI (spawned through node, so PATH is not needed to find it). */
const TSX_CLI = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');
const GROUPS = '/v1/policymanager/policies/group';

interface Started {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Started {
  // Its own process group, as a terminal gives it, so Ctrl-C can be sent to the group.
  const child = spawn(process.execPath, [TSX_CLI, script, ...args], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, exited, output: () => `${stdout}${stderr ? `\n[stderr]\n${stderr}` : ''}` };
}

async function collect(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [TSX_CLI, script, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const [code] = await once(child, 'exit');
  return { code: code as number | null, stdout, stderr };
}

async function portEnv(): Promise<{ ports: Record<PortName, number>; env: Record<string, string> }> {
  const names = Object.keys(PORT_SETTINGS) as PortName[];
  const picked = await freePorts(names.length);
  const ports = Object.fromEntries(names.map((name, i) => [name, picked[i]!])) as Record<PortName, number>;
  return { ports, env: Object.fromEntries(names.map((name) => [PORT_SETTINGS[name].envVar, String(ports[name])])) };
}

describe('npm start (e2e)', () => {
  let dataDir: string;
  let ports: Record<PortName, number>;
  let env: NodeJS.ProcessEnv;
  let baseUrl: string;
  let stack: Started | undefined;
  let adminToken: string;
  const item = { pk: 'E2E#persistence', sk: 'E2E', note: 'written before the restart' };

  async function startStack(): Promise<Started> {
    const started = run('local/start.ts', [], env);
    let exitCode: number | null | undefined;
    void started.exited.then((code) => (exitCode = code));
    await eventually(
      'the health check answers',
      async () => {
        if (exitCode !== undefined) throw new Error(`npm start exited with ${exitCode}:\n${started.output()}`);
        return fetch(`${baseUrl}/v1/partnermanager/actuator/health`).then(
          (response) => response.ok,
          () => false,
        );
      },
      90_000,
    );
    return started;
  }

  before(async () => {
    useLocalAwsCredentials();
    dataDir = mkdtempSync(join(tmpdir(), 'pms-e2e-'));
    const picked = await portEnv();
    ports = picked.ports;
    env = { ...process.env, ...picked.env, PMS_DATA_DIR: dataDir };
    baseUrl = localUrl(ports.api);
  });

  after(async () => {
    // Only if a test failed half-way: nothing of ours may outlive the run.
    if (stack && processGroupAlive(stack.child.pid!)) process.kill(-stack.child.pid!, 'SIGKILL');
    for (const pid of processesMentioning(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('comes up and both services report UP', async () => {
    stack = await startStack();
    for (const service of ['partnermanager', 'policymanager']) {
      const health = await request(baseUrl, 'GET', `/v1/${service}/actuator/health`);
      assert.equal(health.status, 200);
      assert.deepEqual(health.json, { status: 'UP' });
    }
  });

  it('accepts a token printed by npm run token, as a header or a cookie, and answers KER-ATH-401 without one', async () => {
    const minted = await collect('scripts/token.ts', ['--user', 'admin1', '--roles', 'PARTNER_ADMIN'], env);
    assert.equal(minted.code, 0, minted.stderr);
    assert.match(minted.stdout, /^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    adminToken = minted.stdout.trim();

    const withHeader = await request(baseUrl, 'GET', `${GROUPS}/all`, { token: adminToken });
    assert.equal(withHeader.status, 200, withHeader.text);
    assert.deepEqual(withHeader.json.errors, []);
    assert.equal((await request(baseUrl, 'GET', `${GROUPS}/all`, { cookieToken: adminToken })).status, 200);

    const anonymous = await request(baseUrl, 'GET', `${GROUPS}/all`);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.json.errors[0].errorCode, 'KER-ATH-401');
  });

  it('accepts a Cognito-shaped token from npm run token', async () => {
    const minted = await collect('scripts/token.ts', ['--user', 'manager1', '--roles', 'POLICYMANAGER', '--flavor', 'cognito'], env);
    assert.equal(minted.code, 0, minted.stderr);
    assert.equal((await request(baseUrl, 'GET', `${GROUPS}/all`, { token: minted.stdout.trim() })).status, 200);
  });

  it('npm run token refuses an unknown role with one line', async () => {
    const refused = await collect('scripts/token.ts', ['--user', 'admin1', '--roles', 'PARTNER_ADMIN,SUPERUSER'], env);
    assert.equal(refused.code, 1);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /^token: unknown role SUPERUSER; roles are PARTNER_ADMIN, .*\n$/);
  });

  it('stops every process on Ctrl-C, exits 0 and frees its ports', async () => {
    const table = createTableContext('pms', localUrl(ports.dynamodb));
    await table.client.send(new PutCommand({ TableName: table.tableName, Item: item }));
    assert.notDeepEqual(processesMentioning(dataDir), [], 'DynamoDB Local runs with the data directory');

    process.kill(-stack!.child.pid!, 'SIGINT');
    assert.equal(await stack!.exited, 0, stack!.output());
    await eventually('the process group is gone', () => !processGroupAlive(stack!.child.pid!));
    await eventually('no process uses the data directory', () => processesMentioning(dataDir).length === 0);
    for (const [name, port] of Object.entries(ports)) assert.equal(await isPortFree(port), true, `${name} port ${port}`);
  });

  it('keeps the table and the issuer key across a restart on the same data directory', async () => {
    stack = await startStack();
    const table = createTableContext('pms', localUrl(ports.dynamodb));
    const { Item } = await table.client.send(new GetCommand({ TableName: table.tableName, Key: { pk: item.pk, sk: item.sk } }));
    assert.deepEqual(Item, item);
    assert.equal((await request(baseUrl, 'GET', `${GROUPS}/all`, { token: adminToken })).status, 200);

    process.kill(-stack.child.pid!, 'SIGINT');
    assert.equal(await stack.exited, 0, stack.output());
  });

  it('refuses to start on a busy port: exit 1 and one line naming the port and its variable', async () => {
    const picked = await portEnv();
    const squatter = createServer();
    await listen(squatter, picked.ports.api, LOCAL_HOST);
    try {
      const refused = await collect('local/start.ts', [], { ...process.env, ...picked.env, PMS_DATA_DIR: dataDir });
      assert.equal(refused.code, 1);
      assert.equal(
        refused.stderr,
        `pms local stack: port ${picked.ports.api} (the API) is already in use: stop what holds it or set PMS_PORT to another port\n`,
      );
    } finally {
      await closeServer(squatter);
    }
  });

  it('refuses to start without Java: exit 1 and one line saying what to install', async () => {
    const picked = await portEnv();
    const refused = await collect('local/start.ts', [], { ...process.env, ...picked.env, PMS_DATA_DIR: dataDir, PATH: join(dataDir, 'empty-path') });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^pms local stack: Java 17\+ is needed for DynamoDB Local.*apt-get install default-jre-headless\n$/);
  });
});
