import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SCHEDULED_JOBS } from '../../functions/jobs/job-table.js';
import type { ScheduledJobDefinition } from '../../functions/jobs/scheduled-job.js';
import {
  PERSONAL_DATA_ENCRYPTION_CONTEXT,
  PERSONAL_DATA_KEY_ENV,
  type PersonalDataUse,
  personalDataActionsOf,
} from '../../functions/routes/personal-data-access.js';
import type { Route } from '../../functions/routes/route.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { routeStackIdOf } from '../../lib/route-stacks.js';
import { type SynthesizedPms, synthesizePms } from './synth.js';
import { syntheticRoutes } from './synthetic-routes.js';
import {
  actionsOf,
  type LocatedResource,
  operationIdOf,
  type PolicyStatement,
  referencedId,
  resourcesOfType,
  rootFunction,
  rootResourceBehind,
  statementsOfFunction,
} from './template-queries.js';

type KeyKind = 'data' | 'mac';

const MAIL_CONTEXT = { mailFrom: 'pms@example.org' };
const EXPECTED_CONDITION: Record<KeyKind, unknown> = {
  data: { StringEquals: { 'kms:EncryptionContext:purpose': PERSONAL_DATA_ENCRYPTION_CONTEXT.purpose } },
  mac: { StringEquals: { 'kms:MacAlgorithm': 'HMAC_SHA_256' } },
};
/** The PMS CA's actions, which pms-ca.test.ts checks; every other KMS action of any function is listed here. */
const CA_ACTIONS = new Set(['kms:Sign', 'kms:GetPublicKey']);

// Rows with each use alone and combined, in every domain (so in several nested stacks), whatever the real tables declare today.
const SYNTHETIC_USES: Readonly<Record<number, readonly PersonalDataUse[]>> = {
  1: ['seal'],
  2: ['reveal'],
  3: ['lookup'],
  4: ['seal', 'reveal', 'lookup'],
  5: ['reveal', 'lookup'],
  6: ['seal', 'reveal'],
  7: [],
};
const syntheticRouteTable: Route[] = syntheticRoutes(12, ['platform', 'policy', 'partner']).map((route, index) =>
  SYNTHETIC_USES[index] ? { ...route, personalData: SYNTHETIC_USES[index] } : route,
);
const syntheticJobTable: ScheduledJobDefinition[] = SCHEDULED_JOBS.map((job, index) => ({
  ...job,
  personalData: ([['lookup'], ['seal', 'reveal'], undefined] as const)[index % 3],
}));

interface Setup {
  name: string;
  pms: SynthesizedPms;
  routes: readonly Route[];
  jobs: readonly ScheduledJobDefinition[];
}

const setups: Setup[] = [
  { name: 'route and job tables', pms: synthesizePms({ context: MAIL_CONTEXT }), routes: ROUTES, jobs: SCHEDULED_JOBS },
  {
    name: 'synthetic rows',
    pms: synthesizePms({ routes: syntheticRouteTable, jobs: syntheticJobTable, context: MAIL_CONTEXT }),
    routes: syntheticRouteTable,
    jobs: syntheticJobTable,
  },
];

/** The root-stack logical ids of the two personal-data keys. */
function personalDataKeyIds(pms: SynthesizedPms): Record<KeyKind, string> {
  const keys = resourcesOfType(pms, 'AWS::KMS::Key');
  const idOf = (usage: string) => {
    const found = keys.filter((key) => key.resource.Properties.KeyUsage === usage);
    assert.equal(found.length, 1, usage);
    return found[0]!.logicalId;
  };
  return { data: idOf('ENCRYPT_DECRYPT'), mac: idOf('GENERATE_VERIFY_MAC') };
}

/** What a function is, and the personal-data uses its row declares (the mail sender's are fixed in lib/mail-delivery.ts). */
function rowOf(setup: Setup, fn: LocatedResource): { name: string; uses: readonly PersonalDataUse[] } {
  const description = String(fn.resource.Properties.Description);
  if (fn.stackId !== 'root') {
    const route = setup.routes.find((candidate) => candidate.operationId === operationIdOf(fn.resource));
    assert.ok(route, description);
    return { name: route.operationId, uses: route.personalData ?? [] };
  }
  const job = setup.jobs.find((candidate) => description.startsWith(`Scheduled job ${candidate.name}:`));
  if (job) return { name: `job ${job.name}`, uses: job.personalData ?? [] };
  if (description.startsWith('Sends notification mails')) return { name: 'mail sender', uses: ['reveal'] };
  return { name: fn.logicalId, uses: [] };
}

/** The root-stack logical id a function's value points at (through a nested stack's parameter), or the value itself. */
function rootIdOf(pms: SynthesizedPms, fn: LocatedResource, value: unknown): string {
  try {
    return fn.stackId === 'root' ? referencedId(value) : rootResourceBehind(pms, value);
  } catch {
    return JSON.stringify(value);
  }
}

interface KmsGrant {
  action: string;
  key: string;
  condition: unknown;
}

const byActionAndKey = (a: KmsGrant, b: KmsGrant) => `${a.action} ${a.key}`.localeCompare(`${b.action} ${b.key}`);

/** Every KMS action a function's policy allows beyond the CA's, and any at all on a personal-data key, with its condition. */
function personalDataGrantsOf(pms: SynthesizedPms, fn: LocatedResource): KmsGrant[] {
  const keyIds = personalDataKeyIds(pms);
  const kindOf = (id: string) => (id === keyIds.data ? 'data' : id === keyIds.mac ? 'mac' : id);
  return statementsOfFunction(fn)
    .flatMap((statement: PolicyStatement & { Condition?: unknown }) => {
      const kmsActions = actionsOf([statement]).filter((action) => action.startsWith('kms:'));
      const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
      return kmsActions.flatMap((action) =>
        resources.map((resource) => ({ action, key: kindOf(rootIdOf(pms, fn, resource)), condition: statement.Condition })),
      );
    })
    .filter((grant) => grant.key === 'data' || grant.key === 'mac' || !CA_ACTIONS.has(grant.action))
    .sort(byActionAndKey);
}

function expectedGrants(uses: readonly PersonalDataUse[]): KmsGrant[] {
  return personalDataActionsOf(uses)
    .map(({ key, action }) => ({ action, key, condition: EXPECTED_CONDITION[key] }))
    .sort(byActionAndKey);
}

test('the synthetic rows declare every use, alone and together, in several nested stacks, routes and jobs', () => {
  const declaring = syntheticRouteTable.filter((route) => (route.personalData ?? []).length > 0);
  for (const use of ['seal', 'reveal', 'lookup'] as const) {
    assert.ok(
      declaring.some((route) => route.personalData?.length === 1 && route.personalData[0] === use),
      use,
    );
  }
  assert.ok(new Set(declaring.map(routeStackIdOf)).size >= 3);
  assert.ok(syntheticJobTable.some((job) => (job.personalData ?? []).length > 0));
  assert.ok(syntheticJobTable.some((job) => job.personalData === undefined));
});

for (const setup of setups) {
  const functions = resourcesOfType(setup.pms, 'AWS::Lambda::Function');

  test(`${setup.name}: every function may use the personal-data keys exactly as its row declares, each action under its key's condition`, () => {
    assert.equal(functions.filter((fn) => fn.stackId !== 'root').length, setup.routes.length);
    for (const fn of functions) {
      const row = rowOf(setup, fn);
      assert.deepEqual(personalDataGrantsOf(setup.pms, fn), expectedGrants(row.uses), row.name);
    }
  });

  test(`${setup.name}: a function is told the keys its uses need and no other; one without uses is told neither`, () => {
    const keyIds = personalDataKeyIds(setup.pms);
    for (const fn of functions) {
      const row = rowOf(setup, fn);
      const needed = new Set(personalDataActionsOf(row.uses).map(({ key }) => key));
      const variables = (fn.resource.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
      for (const kind of ['data', 'mac'] as const) {
        const variable = variables[PERSONAL_DATA_KEY_ENV[kind]];
        if (needed.has(kind)) assert.equal(rootIdOf(setup.pms, fn, variable), keyIds[kind], `${row.name}: ${kind}`);
        else assert.equal(variable, undefined, `${row.name}: ${kind}`);
      }
    }
  });
}

test('the synthetic rows are granted what they declare (the check above is not vacuous)', () => {
  const { pms } = setups[1]!;
  const granted = resourcesOfType(pms, 'AWS::Lambda::Function').filter((fn) => personalDataGrantsOf(pms, fn).length > 0);
  const declaringRows = syntheticRouteTable.filter((route) => (route.personalData ?? []).length > 0).length;
  const declaringJobs = syntheticJobTable.filter((job) => (job.personalData ?? []).length > 0).length;
  // The mail sender is the one function beside the rows.
  assert.equal(granted.length, declaringRows + declaringJobs + 1);
});

test('the mail sender may only decrypt data keys made for personal data, and is told only the data key', () => {
  const { pms } = setups[0]!;
  const sender = rootFunction(pms, 'Sends notification mails');
  assert.deepEqual(personalDataGrantsOf(pms, sender), [{ action: 'kms:Decrypt', key: 'data', condition: EXPECTED_CONDITION.data }]);
  const variables = sender.resource.Properties.Environment.Variables;
  assert.equal(referencedId(variables[PERSONAL_DATA_KEY_ENV.data]), personalDataKeyIds(pms).data);
  assert.equal(variables[PERSONAL_DATA_KEY_ENV.mac], undefined);
});

test('a rotating symmetric data key and an HMAC_256 MAC key, both retained, with their ARNs as outputs', () => {
  const { pms } = setups[0]!;
  const keyIds = personalDataKeyIds(pms);
  const resources = pms.root.toJSON().Resources as Record<
    string,
    { Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string }
  >;
  const data = resources[keyIds.data]!;
  const mac = resources[keyIds.mac]!;
  assert.deepEqual(
    [data.Properties.KeySpec, data.Properties.KeyUsage, data.Properties.EnableKeyRotation, data.Properties.PendingWindowInDays],
    ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', true, 30],
  );
  assert.deepEqual([mac.Properties.KeySpec, mac.Properties.KeyUsage], ['HMAC_256', 'GENERATE_VERIFY_MAC']);
  assert.notEqual(mac.Properties.EnableKeyRotation, true, 'KMS cannot rotate HMAC keys');
  for (const key of [data, mac]) assert.deepEqual([key.DeletionPolicy, key.UpdateReplacePolicy], ['Retain', 'Retain']);
  for (const key of [data, mac]) assert.match(String(key.Properties.Description), /personal data/);

  const outputs = (pms.root.toJSON() as { Outputs: Record<string, { Value: unknown }> }).Outputs;
  assert.deepEqual(outputs.PersonalDataKeyArn!.Value, { 'Fn::GetAtt': [keyIds.data, 'Arn'] });
  assert.deepEqual(outputs.PersonalDataMacKeyArn!.Value, { 'Fn::GetAtt': [keyIds.mac, 'Arn'] });
});

test('cdk-nag AwsSolutions finds nothing unacknowledged with grants on both keys (no rotation finding for the HMAC key)', () => {
  const { pms } = setups[1]!;
  const findings = new AwsSolutionsChecks()
    .validateScope(pms.app)
    .violations.flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`));
  assert.deepEqual(findings, []);
});
