import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTableContext, type TableContext } from '../../functions/adapters/dynamodb/client.js';
import type { Role } from '../../functions/auth/roles.js';
import { PORT_SETTINGS, type PortName, REPO_ROOT } from '../../local/config.js';
import { type LoggedEvent, readEvents } from '../../local/event-log.js';
import { createLocalIssuer, type TokenRequest } from '../../local/issuer.js';
import type { RunningStack } from '../../local/stack.js';
import { useLocalAwsCredentials } from './dynamodb.js';
import { freePorts } from './free-ports.js';
import { type HttpResult, type RequestOptions, request } from './http.js';

const STARTUP_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

export interface LocalStack {
  baseUrl: string;
  tableName: string;
  /** The stack's table, for arranging data and asserting on it. */
  table: TableContext;
  dataDir: string;
  /** aws-ses-v2-local: `GET ${sesUrl}/store` lists the mails sent. */
  sesUrl: string;
  /** The eSignet counterpart's service root (local/esignet.ts). */
  esignetUrl: string;
  /** DynamoDB Local's JVM, leader of its own process group (a test may pause and resume the table with it). */
  dynamoDbPid: number;
  token(user: string, roles: readonly Role[], options?: Omit<TokenRequest, 'user' | 'roles'>): Promise<string>;
  request(method: string, path: string, options?: RequestOptions): Promise<HttpResult>;
  /** Events published to the local bus so far. */
  events(): LoggedEvent[];
  /**
   * What the stack wrote to stdout and stderr: its handlers' log lines (Powertools JSON) among them. All of it when
   * started with `logs: true`, else the last 50 lines.
   */
  output(): string;
  /** `npm run job -- <name> --at <at>` against this stack: its exit code and output. */
  runJob(name: string, at?: Date | string): Promise<{ code: number | null; stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

/**
 * The whole local stack, started exactly as `npm start` starts it (local/start.ts, in a child process), on free
 * ports with a fresh temporary data directory. Stop it in `after()`; if a test run dies first, the stack notices
 * its IPC channel closing and stops itself. `logs: true` has its functions (and its jobs') log at DEBUG, even under
 * the test runner's PMS_LOG_LEVEL=SILENT, and keeps all their output (`output()`).
 */
export async function startLocalStack(options: { inMemory?: boolean; env?: Record<string, string>; logs?: boolean } = {}): Promise<LocalStack> {
  useLocalAwsCredentials();
  const dataDir = mkdtempSync(join(tmpdir(), 'pms-stack-'));
  const portNames = Object.keys(PORT_SETTINGS) as PortName[];
  const picked = await freePorts(portNames.length);
  const ports = Object.fromEntries(portNames.map((name, i) => [name, picked[i]!])) as Record<PortName, number>;
  const tableName = 'pms';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PMS_DATA_DIR: dataDir,
    PMS_TABLE_NAME: tableName,
    PMS_IN_MEMORY: String(options.inMemory ?? true),
    ...Object.fromEntries(portNames.map((name) => [PORT_SETTINGS[name].envVar, String(ports[name])])),
    ...(options.logs && { POWERTOOLS_LOG_LEVEL: 'DEBUG' }),
    ...options.env,
  };
  if (options.logs) delete env.PMS_LOG_LEVEL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const output = captureOutput(child, options.logs ? Number.POSITIVE_INFINITY : 50);
  let running: RunningStack;
  try {
    running = await readiness(child, output);
  } catch (error) {
    await terminate(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  // A forgotten stop() must not keep the test process alive; the IPC channel closing then stops the stack.
  child.unref();
  (child.channel as unknown as { unref(): void } | undefined)?.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as Socket | null)?.unref();

  const issuer = await createLocalIssuer({ dataDir, port: ports.issuer });
  return {
    baseUrl: running.apiUrl,
    tableName,
    table: createTableContext(tableName, running.dynamoDbEndpoint),
    dataDir,
    sesUrl: running.sesUrl,
    esignetUrl: running.esignetUrl,
    dynamoDbPid: running.dynamoDbPid,
    token: (user, roles, tokenOptions = {}) => issuer.mintToken({ ...tokenOptions, user, roles }),
    request: (method, path, requestOptions) => request(running.apiUrl, method, path, requestOptions),
    events: () => readEvents(running.eventLogPath),
    output,
    async runJob(name, at) {
      const job = spawn(
        process.execPath,
        ['--import', 'tsx', 'scripts/job.ts', name, ...(at === undefined ? [] : ['--at', typeof at === 'string' ? at : at.toISOString()])],
        { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
      job.stdout.on('data', (chunk: Buffer) => chunks.stdout.push(chunk));
      job.stderr.on('data', (chunk: Buffer) => chunks.stderr.push(chunk));
      const [code] = (await once(job, 'close')) as [number | null];
      return { code, stdout: Buffer.concat(chunks.stdout).toString('utf8'), stderr: Buffer.concat(chunks.stderr).toString('utf8') };
    },
    async stop() {
      await terminate(child, running.dynamoDbPid);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function readiness(child: ChildProcess, output: () => string): Promise<RunningStack> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local stack not ready after ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`)), STARTUP_TIMEOUT_MS);
    child.on('message', (message: { type?: string } & RunningStack) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local stack exited with code ${code} while starting:\n${output()}`));
    });
  });
}

/** SIGTERM, which the stack handles by stopping every engine; SIGKILL (and the JVM's group) if it hangs. */
async function terminate(child: ChildProcess, dynamoDbPid?: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
    if (dynamoDbPid) killGroup(dynamoDbPid);
  }, STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * Keeps the stack's last `keep` output lines, for error messages and `output()`; shown live with PMS_TEST_VERBOSE=true.
 * Lines are kept whole: a line split across chunks (a secret cut in two) is joined before it is kept.
 */
function captureOutput(child: ChildProcess, keep: number): () => string {
  const lines: string[] = [];
  const unfinished = new Map<NodeJS.ReadableStream, string>();
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      if (process.env.PMS_TEST_VERBOSE === 'true') process.stderr.write(chunk);
      const parts = `${unfinished.get(stream) ?? ''}${chunk}`.split('\n');
      unfinished.set(stream, parts.pop()!);
      lines.push(...parts.filter(Boolean));
      lines.splice(0, Math.max(0, lines.length - keep));
    });
  }
  return () => [...lines, ...[...unfinished.values()].filter(Boolean)].join('\n');
}
