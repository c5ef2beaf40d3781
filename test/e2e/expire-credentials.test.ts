import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SCHEDULED_JOBS } from '../../functions/jobs/job-table.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { settledItems, withoutChanges } from '../support/no-change.js';
import { activateStoredPartner, activeMispPartner, expectOk, v1 } from '../support/pms-calls.js';
import { AUTH_POLICY } from '../support/sample-policies.js';

const PM = '/v1/partnermanager/partners';
const MISPS = '/v1/partnermanager/misps';
const POLICIES = '/v1/policymanager/policies';
const DAY_MS = 86_400_000;
let stack: LocalStack;
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
let admin: string;
let key: { apiKey: string; apiKeyId: string };
const licenseKeys: string[] = [];
/** The 30-day license that replaced the first one. */
let shortLicense: { licenseId: string; expiresAt: number };

async function runJob(at: Date) {
  const { code, stdout, stderr } = await stack.runJob('expire-credentials', at);
  assert.equal(code, 0, stderr);
  const printed = JSON.parse(stdout) as { job: string; at: string; report: { read: number; switchedOff: number } };
  assert.deepEqual([printed.job, printed.at], ['expire-credentials', at.toISOString()]);
  // Progress goes to stderr, so stdout stays the one JSON line.
  assert.match(stderr, new RegExp(`^pms job: running expire-credentials as of ${at.toISOString()}…\\npms job: expire-credentials done in \\d+\\.\\d s\\n$`));
  await settledItems(stack);
  return printed.report;
}

async function auditsOf(objectType: string, objectId: string) {
  return (await settledItems(stack)).filter((item) => item.pk === `AUDIT#${objectType}#${objectId}` && item.actor === 'pms-scheduler');
}

/** A run that finds nothing to do changes nothing but the job's own progress. */
const nothingButProgress = (what: string, action: () => Promise<void>) => withoutChanges(stack, what, action, (item) => item.entity === 'JobProgress');

const eventsSince = (from: number, topic: string) =>
  stack
    .events()
    .slice(from)
    .filter((logged) => logged.topic === topic)
    .map((logged) => (logged.event as { data: Record<string, Record<string, unknown>> }).data);

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  const groupId = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name: 'Banks', desc: 'banks' }))).id;
  const policyId = (
    await ok('POST', POLICIES, admin, v1({ policyGroupName: 'Banks', policyType: 'Auth', name: 'KYC', desc: 'KYC', version: '1.0', policies: AUTH_POLICY }))
  ).id;
  await ok('POST', `${POLICIES}/${policyId}/group/${groupId}/publish`, admin);

  const bank = await stack.token('bank-1', ['AUTH_PARTNER']);
  await ok(
    'POST',
    PM,
    bank,
    v1({
      partnerId: 'bank-1',
      partnerType: 'Auth_Partner',
      policyGroup: 'Banks',
      organizationName: 'Bank One',
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: 'bank-1@example.org',
    }),
  );
  await activateStoredPartner(stack.table, 'bank-1');
  const { mappingkey } = await ok('POST', `${PM}/bank-1/policy/map`, bank, v1({ policyName: 'KYC', useCaseDescription: 'authentication' }));
  await ok('PUT', `${PM}/policy/${mappingkey}`, admin, v1({ status: 'approved' }));
  key = await ok('PATCH', `${PM}/bank-1/generate/apikey`, bank, v1({ policyName: 'KYC', label: 'Teller' }));

  const misp = await activeMispPartner(stack, admin, 'misp-1', 'MISP One');
  licenseKeys.push((await ok('POST', MISPS, misp, v1({ providerId: 'misp-1' }))).licenseKey);
  await ok('PUT', MISPS, misp, v1({ providerId: 'misp-1', licenseKey: licenseKeys[0], licenseKeyStatus: 'de-active' }));
  const renewed = await ok('GET', `${MISPS}/misp-1/licenseKey?validityDays=30`, admin);
  licenseKeys.push(renewed.licenseKey);
  const listed = (await ok('GET', MISPS, admin)) as { licenseId: string; isActive: boolean }[];
  shortLicense = { licenseId: listed.find((row) => row.isActive)!.licenseId, expiresAt: Date.parse(`${renewed.licenseKeyExpiry}Z`) };
});
after(() => stack?.stop());

test('on the day a license expires the job leaves it on: the expiry notices still speak of it that day', async () => {
  await nothingButProgress('a run on the expiry day', async () => {
    assert.deepEqual(await runJob(new Date(shortLicense.expiresAt)), { read: 0, switchedOff: 0 });
  });
});

test('the day after, the license is switched off by the scheduler, audited and announced; the same run again adds nothing', async () => {
  const from = stack.events().length;
  const nextDay = new Date(shortLicense.expiresAt + DAY_MS);
  assert.deepEqual(await runJob(nextDay), { read: 1, switchedOff: 1 });

  const rows = (await ok('GET', MISPS, admin)) as { licenseId: string; isActive: boolean }[];
  assert.equal(rows.find((row) => row.licenseId === shortLicense.licenseId)?.isActive, false);
  const audits = await auditsOf('MispLicense', shortLicense.licenseId);
  assert.deepEqual(
    audits.map((audit) => [audit.action, audit.details]),
    [['deactivateMispLicense', { mispId: 'misp-1', cause: 'expired' }]],
  );
  assert.ok(String(audits[0]!.at) >= nextDay.toISOString(), 'audited at the simulated time');
  assert.deepEqual(
    eventsSince(from, 'MISP_LICENSE_UPDATED').map(({ mispLicenseData }) => [mispLicenseData!.licenseId, mispLicenseData!.mispStatus]),
    [[shortLicense.licenseId, 'NOT_ACTIVE']],
  );
  assert.deepEqual(eventsSince(from, 'APIKEY_UPDATED'), [], 'the 100-year key is untouched');

  await nothingButProgress('the same run again', async () => {
    assert.deepEqual(await runJob(nextDay), { read: 0, switchedOff: 0 });
  });
});

test('missed years are caught up: a run after the API key lapsed switches it off once, with its cause', async () => {
  const from = stack.events().length;
  const later = new Date(Date.now() + 36_502 * DAY_MS);
  // Read: the key, and the license de-activated by hand before (a year's validity has lapsed too; already off).
  assert.deepEqual(await runJob(later), { read: 2, switchedOff: 1 });
  const keys = await ok('GET', '/v1/partnermanager/partner-api-keys?partnerId=bank-1&pageNo=0&pageSize=10', admin);
  assert.deepEqual(
    keys.data.map((row: { apiKeyId: string; status: string }) => [row.apiKeyId, row.status]),
    [[key.apiKeyId, 'deactivated']],
  );
  assert.deepEqual(
    eventsSince(from, 'APIKEY_UPDATED').map(({ apiKeyData }) => [apiKeyData!.apiKeyId, apiKeyData!.apiKeyStatus]),
    [[key.apiKeyId, 'DEACTIVE']],
  );
  assert.deepEqual(
    (await auditsOf('ApiKey', key.apiKeyId)).map((audit) => (audit.details as { cause: string }).cause),
    ['expired'],
  );
  await nothingButProgress('a run the day after', async () => {
    assert.deepEqual(await runJob(new Date(later.getTime() + DAY_MS)), { read: 0, switchedOff: 0 });
  });

  const seen = JSON.stringify([await settledItems(stack), stack.events()]);
  for (const clear of [key.apiKey, ...licenseKeys]) assert.ok(!seen.includes(clear), 'a clear key was stored or published');
});

test('npm run job names the jobs when given an unknown one, and refuses a time that is not an instant', async () => {
  const unknown = await stack.runJob('expire-everything');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /no scheduled job "expire-everything"; the jobs are expire-credentials/);
  const listed = unknown.stderr.split('\n').filter((line) => line.startsWith('  '));
  assert.deepEqual(
    listed.map((line) => line.trim().split(/\s+/)[0]),
    SCHEDULED_JOBS.map((job) => job.name),
    'the usage lists every job',
  );
  assert.ok(
    SCHEDULED_JOBS.every((job, n) => listed[n]!.endsWith(job.description)),
    'each with what it does',
  );
  const badTime = await stack.runJob('expire-credentials', 'yesterday');
  assert.equal(badTime.code, 1);
  assert.match(badTime.stderr, /"at" must be an ISO-8601 instant/);
});
