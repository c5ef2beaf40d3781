import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TABLE_PROBE_TIMEOUT_MS } from '../../functions/adapters/dynamodb/table-probe.js';
import { platformRoutes } from '../../functions/routes/platform-routes.js';
import type { HttpResult } from '../support/http.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { eventually } from '../support/processes.js';

const HEALTH_PATHS = [platformRoutes.partnerManagerHealth.fullPath, platformRoutes.policyManagerHealth.fullPath];

/** Issue #22, item 2: health reports whether DynamoDB answers, as MOSIP's actuator reports its database. */
describe('health while DynamoDB Local is stopped and after it resumes (e2e)', () => {
  let stack: LocalStack;
  let paused = false;

  // SIGSTOP freezes the JVM with its port open: requests connect and then hang, the way a table that stops
  // answering looks from Lambda. SIGCONT resumes it with its data; the whole process group, as the stack stops it.
  const signalTable = (signal: 'SIGSTOP' | 'SIGCONT') => {
    process.kill(-stack.dynamoDbPid, signal);
    paused = signal === 'SIGSTOP';
  };
  const healthOfBoth = (): Promise<HttpResult[]> => Promise.all(HEALTH_PATHS.map((path) => stack.request('GET', path)));

  before(async () => {
    stack = await startLocalStack();
  });

  after(async () => {
    // A failure half-way must not leave a frozen JVM behind.
    try {
      if (paused) signalTable('SIGCONT');
    } finally {
      await stack?.stop();
    }
  });

  it('both services answer 200 UP while the table answers', async () => {
    for (const health of await healthOfBoth()) {
      assert.equal(health.status, 200, health.text);
      assert.deepEqual(health.json, { status: 'UP' });
    }
  });

  it('both answer 503 DOWN within the probe timeout while DynamoDB Local is stopped', async () => {
    signalTable('SIGSTOP');
    const started = Date.now();
    const answers = await healthOfBoth();
    const elapsed = Date.now() - started;
    for (const health of answers) {
      assert.equal(health.status, 503, health.text);
      assert.equal(health.headers.get('content-type'), 'application/json');
      assert.deepEqual(health.json, { status: 'DOWN' });
    }
    assert.ok(elapsed >= TABLE_PROBE_TIMEOUT_MS && elapsed < TABLE_PROBE_TIMEOUT_MS + 2_000, `answered after ${elapsed} ms`);
  });

  it('both answer UP again once DynamoDB Local resumes', async () => {
    signalTable('SIGCONT');
    await eventually(
      'both health checks answer UP',
      async () => (await healthOfBoth()).every((health) => health.status === 200 && health.json?.status === 'UP'),
      15_000,
    );
  });
});
