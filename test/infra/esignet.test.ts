/* CDK context `esignetUrl` and friends reach exactly the OIDC client rows and the settle job; only those that register clients read the secret. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESIGNET_SETTINGS_ENV } from '../../functions/adapters/esignet/esignet-settings.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { type SynthesizedPms, synthesizePms } from './synth.js';
import { actionsOf, type LocatedResource, operationIdOf, resourcesOfType, rootFunction, statementsOfFunction } from './template-queries.js';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:pms/esignet-client-AbCdEf';
const CONTEXT = {
  esignetUrl: 'https://esignet.example.org/v1/esignet/',
  esignetTokenUrl: 'https://login.example.org/realms/mosip/protocol/openid-connect/token',
  esignetClientId: 'pms-esignet',
  esignetClientSecretArn: SECRET_ARN,
};
const REGISTERING = ROUTES.filter((route) => route.esignet === 'registers').map((route) => route.operationId);
const READING_SETTING = ROUTES.filter((route) => route.esignet === 'setting').map((route) => route.operationId);
const SETTLE_JOB = 'Scheduled job settle-oidc-clients';

function functionsOf(pms: SynthesizedPms): LocatedResource[] {
  return resourcesOfType(pms, 'AWS::Lambda::Function');
}

function variablesOf(fn: LocatedResource): Record<string, unknown> {
  return fn.resource.Properties.Environment?.Variables ?? {};
}

function esignetVariables(fn: LocatedResource): string[] {
  return Object.keys(variablesOf(fn))
    .filter((name) => name.startsWith('ESIGNET_'))
    .sort();
}

function readsSecret(fn: LocatedResource): boolean {
  return actionsOf(statementsOfFunction(fn)).some((action) => action.startsWith('secretsmanager:'));
}

test('the route table: the OIDC client writes register, their reads and system-config only read the setting', () => {
  assert.deepEqual(REGISTERING.sort(), ['createOauthClient', 'createOidcClient', 'updateOauthClient', 'updateOidcClient']);
  assert.deepEqual(READING_SETTING.sort(), ['getOauthClient', 'getOidcClient', 'getSystemConfig', 'listOauthClients']);
});

test('without esignetUrl no function gets eSignet settings or reads a secret for it (the OIDC client routes answer PMS_FEATURE_002)', () => {
  const pms = synthesizePms();
  for (const fn of functionsOf(pms)) assert.deepEqual(esignetVariables(fn), [], String(fn.resource.Properties.Description));
  assert.equal(readsSecret(rootFunction(pms, SETTLE_JOB)), false);
});

test('with esignetUrl: the settings on the OIDC rows, system-config and the settle job; the secret ARN and its read only where clients are registered', () => {
  const pms = synthesizePms({ context: CONTEXT });
  const withSecret = [...Object.values(ESIGNET_SETTINGS_ENV)].filter((name) => name !== ESIGNET_SETTINGS_ENV.clientSecret).sort();
  const withoutSecret = withSecret.filter((name) => name !== ESIGNET_SETTINGS_ENV.clientSecretArn);
  const byOperation = new Map(functionsOf(pms).map((fn) => [operationIdOf(fn.resource), fn]));
  for (const operationId of REGISTERING) {
    const fn = byOperation.get(operationId)!;
    assert.deepEqual(esignetVariables(fn), withSecret, operationId);
    assert.equal(variablesOf(fn)[ESIGNET_SETTINGS_ENV.url], 'https://esignet.example.org/v1/esignet', operationId);
    assert.equal(variablesOf(fn)[ESIGNET_SETTINGS_ENV.clientSecretArn], SECRET_ARN);
    const secretStatements = statementsOfFunction(fn).filter((statement) => actionsOf([statement]).some((action) => action.startsWith('secretsmanager:')));
    assert.deepEqual(
      secretStatements.map((statement) => [actionsOf([statement]), statement.Resource]),
      [[['secretsmanager:GetSecretValue'], SECRET_ARN]],
      operationId,
    );
  }
  for (const operationId of READING_SETTING) {
    const fn = byOperation.get(operationId)!;
    assert.deepEqual(esignetVariables(fn), withoutSecret, operationId);
    assert.equal(readsSecret(fn), false, operationId);
  }
  const job = rootFunction(pms, SETTLE_JOB);
  assert.deepEqual(esignetVariables(job), withSecret);
  assert.equal(readsSecret(job), true);
  const others = functionsOf(pms).filter((fn) => fn.logicalId !== job.logicalId && ![...REGISTERING, ...READING_SETTING].includes(operationIdOf(fn.resource)));
  for (const fn of others) {
    assert.deepEqual(esignetVariables(fn), [], String(fn.resource.Properties.Description));
    assert.equal(readsSecret(fn) && JSON.stringify(statementsOfFunction(fn)).includes(SECRET_ARN), false);
  }
});

test('a bad or missing eSignet setting fails the synth, naming it', () => {
  assert.throws(() => synthesizePms({ context: { ...CONTEXT, esignetUrl: 'http://esignet.example.org' } }), /-c esignetUrl must be/);
  assert.throws(() => synthesizePms({ context: { ...CONTEXT, esignetTokenUrl: undefined } }), /-c esignetTokenUrl must be/);
  assert.throws(() => synthesizePms({ context: { ...CONTEXT, esignetClientSecretArn: 'pms/esignet-client' } }), /-c esignetClientSecretArn must be/);
});
