/**
 * The key-verification part of `npm run bench`: IDA's verify call through the local stack against a bare DynamoDB
 * Local GetItem of the API-key item, in the same run (the budget in docs/bench.md › Performance budgets: within 2×), and verify
 * calls per second with concurrent callers. A report, never a test; it fails only if the arranged call is denied.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { apiKeyKeys } from '../functions/adapters/dynamodb/keys.js';
import { dynamoVerificationReader } from '../functions/adapters/dynamodb/verification-reader.js';
import { credentialHash } from '../functions/domain/credentials.js';
import { type LocalStack, startLocalStack } from '../test/support/local-stack.js';
import { activateStoredPartner, expectOk, v1 } from '../test/support/pms-calls.js';
import { AUTH_POLICY } from '../test/support/sample-policies.js';

const PM = '/v1/partnermanager/partners';
const VERIFY = `${PM}/authenticate/verify`;
const POLICIES = '/v1/policymanager/policies';
const PARTNER_ID = 'bench-bank';
const MISP_ID = 'bench-misp';

const WARM_UP = 50;
const SAMPLES = 200;
const CALLERS = 8;
const THROUGHPUT_MS = 3000;
const TARGET_RATIO = 2;

interface Arranged {
  idaToken: string;
  body: { partnerId: string; apiKey: string; mispLicenseKey: string };
}

/** A partner with an approved policy and an API key, and a MISP with a license, set up through the API as in test/e2e/verify.test.ts. */
async function arrange(stack: LocalStack): Promise<Arranged> {
  const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
  const admin = await stack.token('bench-admin', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  const register = async (partnerId: string, roles: Parameters<LocalStack['token']>[1], registration: Record<string, unknown>) => {
    const token = await stack.token(partnerId, roles);
    const by = registration.partnerType === 'MISP_Partner' ? admin : token;
    await ok(
      'POST',
      PM,
      by,
      v1({
        partnerId,
        organizationName: `${partnerId} Ltd`,
        address: 'Nairobi',
        contactNumber: '+254700000000',
        emailId: `${partnerId}@example.org`,
        ...registration,
      }),
    );
    await activateStoredPartner(stack.table, partnerId);
    return token;
  };

  const groupId = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name: 'Bench banks', desc: 'bench' }))).id;
  const policyId = (
    await ok(
      'POST',
      POLICIES,
      admin,
      v1({ policyGroupName: 'Bench banks', policyType: 'Auth', name: 'Bench KYC', desc: 'bench', version: '1.0', policies: AUTH_POLICY }),
    )
  ).id;
  await ok('POST', `${POLICIES}/${policyId}/group/${groupId}/publish`, admin);
  const bank = await register(PARTNER_ID, ['AUTH_PARTNER'], { partnerType: 'Auth_Partner', policyGroup: 'Bench banks' });
  const { mappingkey } = await ok('POST', `${PM}/${PARTNER_ID}/policy/map`, bank, v1({ policyName: 'Bench KYC', useCaseDescription: 'bench' }));
  await ok('PUT', `${PM}/policy/${mappingkey}`, admin, v1({ status: 'approved' }));
  const apiKey: string = (await ok('PATCH', `${PM}/${PARTNER_ID}/generate/apikey`, bank, v1({ policyName: 'Bench KYC', label: 'bench' }))).apiKey;
  const misp = await register(MISP_ID, ['MISP_PARTNER'], { partnerType: 'MISP_Partner', langCode: 'eng' });
  const mispLicenseKey: string = (await ok('POST', '/v1/partnermanager/misps', misp, v1({ providerId: MISP_ID }))).licenseKey;
  return { idaToken: await stack.token('bench-ida', ['ID_AUTHENTICATION']), body: { partnerId: PARTNER_ID, apiKey, mispLicenseKey } };
}

/** One verify call; throws unless it is allowed for the arranged partner. */
async function verifyAllowed(stack: LocalStack, arranged: Arranged): Promise<void> {
  const { status, json } = await stack.request('POST', VERIFY, { token: arranged.idaToken, body: v1(arranged.body) });
  if (status !== 200 || (json?.errors ?? []).length > 0 || json?.response?.partnerId !== PARTNER_ID) {
    throw new Error(`verify did not allow the arranged partner: HTTP ${status} ${JSON.stringify(json?.errors ?? json)}`);
  }
}

async function timed(operation: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await operation();
  return performance.now() - start;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Completed calls per second of `CALLERS` callers each calling `operation` back to back for THROUGHPUT_MS. */
async function perSecond(operation: () => Promise<unknown>): Promise<{ rate: number; calls: number }> {
  let calls = 0;
  const start = performance.now();
  const caller = async () => {
    while (performance.now() - start < THROUGHPUT_MS) {
      await operation();
      calls++;
    }
  };
  await Promise.all(Array.from({ length: CALLERS }, caller));
  return { rate: (calls * 1000) / (performance.now() - start), calls };
}

interface Latency {
  median: number;
  p95: number;
}

/** Median and p95 of each operation over SAMPLES rounds, every operation once per round in turn, so drift on a shared machine hits all alike. */
async function latencies(operations: ReadonlyArray<() => Promise<unknown>>): Promise<Latency[]> {
  for (let i = 0; i < WARM_UP; i++) for (const operation of operations) await operation();
  const samples = operations.map((): number[] => []);
  for (let i = 0; i < SAMPLES; i++) {
    for (const [index, operation] of operations.entries()) samples[index]!.push(await timed(operation));
  }
  return samples.map((values) => ({ median: percentile(values, 0.5), p95: percentile(values, 0.95) }));
}

export async function verificationBench(): Promise<string[][]> {
  // The SDK's "Node 22 from 2027" notice would land between the title and the table.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const stack = await startLocalStack();
  try {
    const arranged = await arrange(stack);
    const verify = () => verifyAllowed(stack, arranged);
    await verify();
    const { partnerId, apiKey, mispLicenseKey } = arranged.body;
    const [keyHash, licenseHash] = [credentialHash(apiKey), credentialHash(mispLicenseKey)];
    const { client, tableName } = stack.table;
    // Consistent, like the verify path's BatchGetItem.
    const getItem = () => client.send(new GetCommand({ TableName: tableName, Key: apiKeyKeys.apiKey(keyHash), ConsistentRead: true }));
    const reader = dynamoVerificationReader(stack.table);
    const batchGet = () => reader.read(keyHash, partnerId, licenseHash);
    const found = await batchGet();
    if (!(await getItem()).Item || !found.key || !found.partner || !found.license) throw new Error('the arranged items are not where the keys say they are');

    const [get, batch, call] = (await latencies([getItem, batchGet, verify])) as [Latency, Latency, Latency];
    const verifyRate = await perSecond(verify);
    const getItemRate = await perSecond(getItem);

    const ms = ({ median, p95 }: Latency) => `median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`;
    const ratio = call.median / get.median;
    return [
      [`bare GetItem of the API-key item, DynamoDB Local (${SAMPLES} calls)`, ms(get)],
      [`the verify path's BatchGetItem alone (key, partner, license), in this process (${SAMPLES} calls)`, ms(batch)],
      [`verify through the local server (${SAMPLES} calls)`, ms(call)],
      [
        `verify ÷ GetItem (target ≤ ${TARGET_RATIO}×)`,
        `${ratio.toFixed(2)}× at the median${ratio > TARGET_RATIO ? ' ⚑' : ''}, ${(call.p95 / get.p95).toFixed(2)}× at p95`,
      ],
      [`verify calls per second, ${CALLERS} concurrent callers for ${THROUGHPUT_MS / 1000} s`, `${verifyRate.rate.toFixed(0)} (${verifyRate.calls} calls)`],
      ['bare GetItems per second, the same way (for scale)', `${getItemRate.rate.toFixed(0)} (${getItemRate.calls} calls)`],
    ];
  } finally {
    await stack.stop();
  }
}
