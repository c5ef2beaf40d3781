import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Context } from 'aws-lambda';
import { PmsError } from '../../functions/errors/pms-error.js';
import { verificationRoutes } from '../../functions/routes/verification-routes.js';
import { apiEvent } from '../support/lambda-events.js';

// Both modules read these when loaded: logs on (the test runner silences them), EMF published although not in Lambda.
delete process.env.PMS_LOG_LEVEL;
process.env.POWERTOOLS_METRICS_DISABLED = 'false';
const { apiHandler } = await import('../../functions/http/api-handler.js');
const { log } = await import('../../functions/observability/logger.js');
const { countingVerdicts } = await import('../../functions/observability/verdict-metrics.js');

const route = verificationRoutes.verifyPartnerKeys;
const SECRETS = {
  apiKey: 'apikey-5ecret-b0dy-value',
  mispLicenseKey: 'license-5ecret-b0dy-value',
  token: 'eyJhbGciOiJSUzI1NiJ9.5ecret-t0ken.signature',
  cookie: 'c00kie-5ecret',
  email: 'person@example.org',
};
const CORRELATION_ID = 'mosip-corr-0042';
const lambdaContext = {
  awsRequestId: 'lambda-request-7',
  functionName: 'pms-verify',
  memoryLimitInMB: '256',
  invokedFunctionArn: 'arn:aws:lambda:local:0:function:pms-verify',
} as unknown as Context;

function verifyEvent(signedIn: boolean) {
  return apiEvent(route, {
    body: {
      id: 'mosip.partnermanagement.verify',
      version: '1.0',
      requesttime: new Date().toISOString(),
      request: { partnerId: 'partner-1', apiKey: SECRETS.apiKey, mispLicenseKey: SECRETS.mispLicenseKey },
    },
    headers: { 'X-Request-ID': CORRELATION_ID, authorization: `Bearer ${SECRETS.token}`, cookie: `Authorization=${SECRETS.cookie}` },
    ...(signedIn ? { principal: { userId: 'ida-user', subject: 'sub-ida', email: SECRETS.email, roles: new Set(['ID_AUTHENTICATION'] as const) } } : {}),
  });
}

/** Everything the invocation writes to stdout and stderr, split into JSON lines. */
async function captured(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const chunks: string[] = [];
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  const keep = (chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  };
  process.stdout.write = keep as typeof process.stdout.write;
  process.stderr.write = keep as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
  const text = chunks.join('');
  for (const secret of Object.values(SECRETS)) assert.ok(!text.includes(secret), `a secret was written: ${secret}`);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

interface Emf {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [field: string]: unknown;
}
const emfBlobs = (lines: Record<string, unknown>[]) => lines.filter((line) => '_aws' in line) as unknown as Emf[];
const logLines = (lines: Record<string, unknown>[]) => lines.filter((line) => !('_aws' in line));
const metricNames = (blob: Emf) => blob._aws.CloudWatchMetrics[0]!.Metrics.map((metric) => metric.Name).sort();

test("a request's log lines carry its ids and the caller, never a key, token or personal data; EMF counts it", async () => {
  const handler = apiHandler(
    route,
    countingVerdicts(async () => {
      log('INFO', 'verifying');
      return { partnerId: 'partner-1' };
    }),
  );
  const lines = await captured(() => handler(verifyEvent(true), lambdaContext));

  const logs = logLines(lines);
  assert.deepEqual(
    logs.map((line) => line.message),
    ['verifying', 'operation succeeded'],
  );
  for (const line of logs) {
    assert.equal(line.correlationId, CORRELATION_ID);
    assert.equal(line.userId, 'ida-user');
    assert.equal(line.operationId, 'verifyPartnerKeys');
    assert.equal(line.function_request_id, 'lambda-request-7');
    assert.match(String(line.requestId), /^[\w-]+$/);
  }

  const [blob, ...others] = emfBlobs(lines);
  assert.equal(others.length, 0);
  assert.equal(blob!._aws.CloudWatchMetrics[0]!.Namespace, 'PMS');
  assert.deepEqual(blob!._aws.CloudWatchMetrics[0]!.Dimensions, [['service', 'operation']]);
  assert.deepEqual(metricNames(blob!), ['latency', 'requests', 'verificationAllowed']);
  assert.equal(blob!.operation, 'verifyPartnerKeys');
  assert.equal(blob!.requests, 1);
  assert.equal(blob!.verificationAllowed, 1);
  assert.equal(typeof blob!.latency, 'number');
});

test('a refused request logs its MOSIP code and counts a refusal by code; the next request starts with no keys', async () => {
  const handler = apiHandler(
    route,
    countingVerdicts(async () => {
      throw new PmsError({ code: 'PMS_AUT_001', message: 'partner api key is not valid' });
    }),
  );
  const denied = await captured(() => handler(verifyEvent(true), lambdaContext));
  const refusal = logLines(denied).find((line) => line.message === 'operation refused');
  assert.equal(refusal?.errorCode, 'PMS_AUT_001');
  assert.equal(refusal?.correlationId, CORRELATION_ID);
  const byCode = emfBlobs(denied).find((blob) => metricNames(blob).includes('refusals'));
  assert.deepEqual(byCode?._aws.CloudWatchMetrics[0]?.Dimensions, [['service', 'operation', 'errorCode']]);
  assert.equal(byCode?.errorCode, 'PMS_AUT_001');
  assert.equal(byCode?.refusals, 1);
  const perOperation = emfBlobs(denied).find((blob) => metricNames(blob).includes('requests'));
  assert.deepEqual(metricNames(perOperation!), ['latency', 'requests', 'verificationDenied']);

  const anonymous = await captured(() => handler(verifyEvent(false)));
  const refused = logLines(anonymous).find((line) => line.message === 'operation refused');
  assert.equal(refused?.status, 401);
  assert.equal(refused?.errorCode, 'KER-ATH-401');
  assert.equal(refused?.userId, undefined, 'the previous caller must not linger');
  assert.equal(emfBlobs(anonymous).find((blob) => metricNames(blob).includes('refusals'))?.errorCode, 'KER-ATH-401');
});

test('without a well-formed X-Request-ID the correlation id is API Gateway request id', async () => {
  const handler = apiHandler(route, async () => ({}));
  const event = verifyEvent(true);
  event.headers['x-request-id'] = 'not an id\n{"forged":true}';
  const lines = logLines(await captured(() => handler(event)));
  assert.equal(lines[0]?.correlationId, event.requestContext.requestId);
});
