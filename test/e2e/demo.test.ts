import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { decodeJwt } from 'jose';
import { REPO_ROOT } from '../../local/config.js';
import { bankId, JOURNEY_STEPS, mispId } from '../../scripts/demo/journey-steps.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { expectOk, v1 } from '../support/pms-calls.js';

/**
 * `npm run demo` (scripts/demo.ts) against a running stack, as a developer runs it: a child process given the stack's
 * URL, data directory and issuer port. Every step prints its answer line; what the lines name exists through the API
 * afterwards (the keys printed verify); a second run against the same stack succeeds with new names; and a demo whose
 * tokens the stack does not accept stops at the first step with MOSIP's error and exit code 1.
 */
const PM = '/v1/partnermanager';
const POLICIES = '/v1/policymanager/policies';
let stack: LocalStack;
let admin: string;
let ida: string;
let issuerPort: string;

interface Answer {
  outcome: string;
  /** `key=value` pairs, JSON-quoted values unquoted. */
  fields: Record<string, string>;
  /** The line after `<step>: <outcome> `. */
  rest: string;
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  ida = await stack.token('ida-client', ['ID_AUTHENTICATION']);
  // The harness picks the issuer's port; `npm run demo`, like `npm run token`, needs it to mint tokens the stack accepts.
  issuerPort = new URL(decodeJwt(admin).iss!).port;
});
after(() => stack?.stop());

async function runDemo(env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const demo = spawn('npm', ['run', '-s', 'demo'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PMS_URL: stack.baseUrl, PMS_DATA_DIR: stack.dataDir, PMS_ISSUER_PORT: issuerPort, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  demo.stdout.on('data', (chunk: Buffer) => chunks.stdout.push(chunk));
  demo.stderr.on('data', (chunk: Buffer) => chunks.stderr.push(chunk));
  const [code] = (await once(demo, 'close')) as [number | null];
  return { code, stdout: Buffer.concat(chunks.stdout).toString('utf8'), stderr: Buffer.concat(chunks.stderr).toString('utf8') };
}

/** The answer line of each step, by step name; each step must print exactly one. */
function answersOf(stdout: string): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  for (const step of JOURNEY_STEPS) {
    const lines = stdout.split('\n').filter((line) => line.startsWith(`${step.name}: `));
    assert.equal(lines.length, 1, `one answer line for ${step.name} in:\n${stdout}`);
    const [outcome = '', ...words] = lines[0]!.slice(step.name.length + 2).split(' ');
    const rest = words.join(' ');
    const fields = Object.fromEntries(
      [...rest.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|<[^>]*>|\S+)/g)].map(([, key, value]) => [key!, value!.startsWith('"') ? JSON.parse(value!) : value!]),
    );
    answers.set(step.name, { outcome, fields, rest });
  }
  return answers;
}

/** Runs the demo, checks every answer line, and gives the run suffix and the ids and keys it printed. */
async function demoRun() {
  const { code, stdout, stderr } = await runDemo();
  assert.equal(code, 0, `the demo succeeds:\n${stdout}\n${stderr}`);
  const run = /^PMS demo, run (\w+), against (\S+) /m.exec(stdout);
  assert.ok(run, `the demo names its run and the API:\n${stdout}`);
  assert.equal(run[2], stack.baseUrl);
  const names = { RUN: run[1]! };
  const answers = answersOf(stdout);
  const answer = (name: string) => answers.get(name)!;
  for (const step of JOURNEY_STEPS) {
    assert.equal(answer(step.name).outcome, step.outcome ?? 'ok', `${step.name}: ${answer(step.name).rest}`);
    if (!step.refusedWith) for (const field of step.show) assert.ok(answer(step.name).fields[field], `${step.name} prints ${field}`);
  }

  const groupId = answer('create-policy-group').fields.id!;
  const policyId = answer('create-auth-policy').fields.id!;
  assert.deepEqual(answer('create-policy-group').fields, { id: groupId, name: `Banks ${names.RUN}`, is_Active: 'true' });
  assert.deepEqual(answer('create-auth-policy').fields, { id: policyId, name: `eKYC ${names.RUN}`, is_Active: 'false' });
  assert.deepEqual(answer('publish-policy').fields, { policyId, status: 'PUBLISHED', is_Active: 'true' });
  assert.deepEqual(answer('register-bank').fields, { partnerId: bankId(names), status: 'InProgress' });
  assert.deepEqual(answer('upload-bank-ca').fields, { status: 'Upload Success.' });
  assert.match(answer('upload-bank-certificate').fields.signedCertificateData!, /^<PEM, \d+ chars>$/);
  // By default a self-registered partner waits for a partner admin after its certificate upload.
  assert.deepEqual(answer('read-bank-status').fields, { partnerID: bankId(names), status: 'De-active', isActive: 'false' });
  assert.deepEqual(answer('activate-bank').fields, { message: 'Partner activated successfully' });
  assert.equal(answer('approve-policy-request').rest, '"Policy mapping approved successfully"');
  const key = answer('generate-api-key').fields;
  assert.deepEqual([key.label, key.policyId], ['branch-app', policyId]);
  assert.deepEqual(answer('register-misp').fields, { partnerId: mispId(names), status: 'InProgress' });
  assert.deepEqual(answer('upload-misp-ca').fields, { status: 'Upload Success.' });
  const license = answer('generate-misp-license').fields;
  assert.deepEqual([license.providerId, license.licenseKeyStatus], [mispId(names), 'Active']);
  assert.deepEqual(answer('verify').fields, {
    partnerId: bankId(names),
    partnerStatus: 'ACTIVE',
    policyId,
    policyName: `eKYC ${names.RUN}`,
    policyStatus: 'ACTIVE',
  });
  assert.equal(answer('verify-wrong-api-key').rest, 'PMS_PMP_017 Partner is not mapped to any policy.');
  assert.match(stdout, new RegExp(`^done: run ${names.RUN}: policy group ${groupId}, policy ${policyId}, `, 'm'));
  return { names, groupId, policyId, apiKey: key.apiKey!, licenseKey: license.licenseKey! };
}

/** What the demo printed is what the stack holds: the group and its published policy, both partners active, the keys verify. */
async function assertCreated(run: Awaited<ReturnType<typeof demoRun>>) {
  const policy = await expectOk(stack, 'GET', `${POLICIES}/${run.policyId}`, admin);
  assert.deepEqual(
    [policy.policyGroupId, policy.policyGroupName, policy.policyName, policy.policyType, policy.status, policy.is_Active],
    [run.groupId, `Banks ${run.names.RUN}`, `eKYC ${run.names.RUN}`, 'Auth', 'PUBLISHED', true],
  );
  for (const partnerId of [bankId(run.names), mispId(run.names)]) {
    const partner = await expectOk(stack, 'GET', `${PM}/partners/${partnerId}`, admin);
    assert.deepEqual([partner.partnerID, partner.isActive], [partnerId, true]);
  }
  const verified = await expectOk(
    stack,
    'POST',
    `${PM}/partners/authenticate/verify`,
    ida,
    v1({ partnerId: bankId(run.names), apiKey: run.apiKey, mispLicenseKey: run.licenseKey }),
  );
  assert.deepEqual([verified.partnerId, verified.policyId, verified.partnerStatus], [bankId(run.names), run.policyId, 'ACTIVE']);
}

let firstRun: Awaited<ReturnType<typeof demoRun>> | undefined;

test('npm run demo onboards a bank and a MISP up to an allowed verification, printing every answer', async () => {
  firstRun = await demoRun();
  await assertCreated(firstRun);
});

test('a second run against the same stack succeeds with its own names, and the first run still verifies', async () => {
  assert.ok(firstRun, 'the first run (the test before) succeeded');
  const second = await demoRun();
  assert.notEqual(second.names.RUN, firstRun.names.RUN);
  assert.notEqual(second.groupId, firstRun.groupId);
  await assertCreated(second);
  await assertCreated(firstRun);
});

test('a demo whose tokens the stack does not accept stops at the first step with MOSIP error and exit code 1', async () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'pms-demo-'));
  try {
    const { code, stdout, stderr } = await runDemo({ PMS_DATA_DIR: elsewhere });
    assert.equal(code, 1, stdout);
    assert.match(
      stderr,
      /^demo: create-policy-group: POST \/v1\/policymanager\/policies\/group\/new failed with KER-ATH-401: Authentication Failed \(.*PMS_DATA_DIR/m,
    );
    assert.doesNotMatch(stdout, /^create-policy-group:/m);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});
