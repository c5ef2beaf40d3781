import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PMS_CA_KEY_ENV, PMS_CA_SIGNING_ALGORITHM } from '../../functions/adapters/signing/ca-keys.js';
import { PERSONAL_DATA_ACTIONS } from '../../functions/routes/personal-data-access.js';
import { synthesizePms } from './synth.js';
import { syntheticRoutes } from './synthetic-routes.js';
import {
  actionsOf,
  type LocatedResource,
  operationIdOf,
  type PolicyStatement,
  providerFrameworkOf,
  referencedId,
  resourcesOfType,
  rootFunction,
  rootResourceBehind,
  statementsOfFunction,
} from './template-queries.js';

// Two signing rows in different domains (so in different nested stacks), one that writes and one that only reads.
const SIGNING_ROWS = new Set([1, 5]);
const routes = syntheticRoutes(10, ['platform', 'policy', 'partner']).map((route, index) =>
  SIGNING_ROWS.has(index) ? { ...route, signsCertificates: true } : route,
);
const signingOperations = routes.filter((route) => route.signsCertificates).map((route) => route.operationId);
const pms = synthesizePms({ routes });
const PERSONAL_DATA_KMS_ACTIONS = new Set(Object.values(PERSONAL_DATA_ACTIONS).map(({ action }) => action));

const functions = resourcesOfType(pms, 'AWS::Lambda::Function');
const bootstrap = rootFunction(pms, 'Creates the PMS ROOT and ISSUING CA certificates');
const framework = providerFrameworkOf(pms, bootstrap);
const keyIdOf = (prefix: string) => resourcesOfType(pms, 'AWS::KMS::Key').find((key) => key.resource.Properties.Description.startsWith(prefix))!.logicalId;
const rootKey = keyIdOf('PMS root CA');
const issuingKey = keyIdOf('PMS issuing CA');
const [table] = resourcesOfType(pms, 'AWS::DynamoDB::GlobalTable');

/** The root-stack logical id a function's value points at, through a nested stack's parameter if need be. */
function rootIdOf(fn: LocatedResource, value: unknown): string {
  return fn.stackId === 'root' ? referencedId(value) : rootResourceBehind(pms, value);
}

const isBootstrap = (fn: LocatedResource) => fn.stackId === 'root' && fn.logicalId === bootstrap.logicalId;
const nameOf = (fn: LocatedResource) => (isBootstrap(fn) ? 'bootstrap' : operationIdOf(fn.resource));
const resourcesOf = (statement: PolicyStatement) => (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]);

/** The keys (root logical ids) on which a function's policy allows `action`. */
function keysAllowing(fn: LocatedResource, action: string): string[] {
  return statementsOfFunction(fn)
    .filter((statement) => actionsOf([statement]).includes(action))
    .flatMap((statement) => resourcesOf(statement).map((resource) => rootIdOf(fn, resource)));
}

const functionsAllowedOn = (key: string, action: string) =>
  functions
    .filter((fn) => keysAllowing(fn, action).includes(key))
    .map(nameOf)
    .sort();

test('the PMS CA custom resource runs after the table, served by the bootstrap function through the Provider framework', () => {
  const [resource, ...others] = resourcesOfType(pms, 'Custom::PmsCa');
  assert.ok(resource && others.length === 0 && framework);
  assert.ok((resource.resource as { DependsOn?: string[] }).DependsOn?.includes(table!.logicalId));
  assert.equal(referencedId(resource.resource.Properties.ServiceToken), framework.logicalId);
  assert.equal(referencedId(framework.resource.Properties.Environment.Variables.USER_ON_EVENT_FUNCTION_ARN), bootstrap.logicalId);

  const variables = bootstrap.resource.Properties.Environment.Variables;
  assert.equal(referencedId(variables.TABLE_NAME), table!.logicalId);
  assert.equal(referencedId(variables[PMS_CA_KEY_ENV.root]), rootKey);
  assert.equal(referencedId(variables[PMS_CA_KEY_ENV.issuing]), issuingKey);

  const outputs = (pms.root.toJSON() as { Outputs: Record<string, { Value: unknown }> }).Outputs;
  assert.deepEqual(outputs.RootCaCertificateSha256!.Value, { 'Fn::GetAtt': [resource.logicalId, 'RootCertificateSha256'] });
  assert.deepEqual(outputs.IssuingCaCertificateSha256!.Value, { 'Fn::GetAtt': [resource.logicalId, 'IssuingCertificateSha256'] });
});

test('only the signing routes and the bootstrap may sign with the issuing key; only the bootstrap with the root key', () => {
  assert.equal(new Set(routes.filter((route) => route.signsCertificates).map((route) => route.domain)).size, 2);
  assert.deepEqual(functionsAllowedOn(issuingKey, 'kms:Sign'), ['bootstrap', ...signingOperations].sort());
  assert.deepEqual(functionsAllowedOn(issuingKey, 'kms:GetPublicKey'), ['bootstrap', ...signingOperations].sort());
  assert.deepEqual(functionsAllowedOn(rootKey, 'kms:Sign'), ['bootstrap']);
  assert.deepEqual(functionsAllowedOn(rootKey, 'kms:GetPublicKey'), ['bootstrap']);
});

test('no function holds any other KMS action but its personal-data ones, and kms:Sign is only for SHA-256 digests with the CA algorithm', () => {
  for (const fn of functions) {
    for (const statement of statementsOfFunction(fn)) {
      const kmsActions = actionsOf([statement]).filter((action) => action.startsWith('kms:'));
      if (kmsActions.length === 0) continue;
      // personal-data-keys.test.ts holds those to each row's declared uses, on the personal-data keys.
      if (kmsActions.every((action) => PERSONAL_DATA_KMS_ACTIONS.has(action))) continue;
      assert.ok(
        kmsActions.every((action) => action === 'kms:Sign' || action === 'kms:GetPublicKey'),
        `${nameOf(fn)}: ${kmsActions.join(', ')}`,
      );
      if (!kmsActions.includes('kms:Sign')) continue;
      assert.deepEqual(kmsActions, ['kms:Sign'], `${nameOf(fn)}: Sign shares its statement and condition with nothing`);
      assert.deepEqual(
        (statement as PolicyStatement & { Condition?: unknown }).Condition,
        { StringEquals: { 'kms:SigningAlgorithm': PMS_CA_SIGNING_ALGORITHM, 'kms:MessageType': 'DIGEST' } },
        nameOf(fn),
      );
    }
  }
});

test('signing routes are told the issuing key and no root key; no other route is told either', () => {
  const routeFunctions = functions.filter((fn) => fn.stackId !== 'root');
  assert.equal(routeFunctions.length, routes.length);
  for (const fn of routeFunctions) {
    const variables = fn.resource.Properties.Environment.Variables;
    assert.equal(variables[PMS_CA_KEY_ENV.root], undefined, nameOf(fn));
    if (signingOperations.includes(nameOf(fn))) assert.equal(rootIdOf(fn, variables[PMS_CA_KEY_ENV.issuing]), issuingKey, nameOf(fn));
    else assert.equal(variables[PMS_CA_KEY_ENV.issuing], undefined, nameOf(fn));
  }
  for (const fn of functions.filter((candidate) => candidate.stackId === 'root' && !isBootstrap(candidate))) {
    const variables = fn.resource.Properties.Environment?.Variables ?? {};
    assert.equal(variables[PMS_CA_KEY_ENV.root] ?? variables[PMS_CA_KEY_ENV.issuing], undefined, fn.logicalId);
  }
});

test('the bootstrap gets and puts items of the table only; the framework function may only invoke it and write its logs', () => {
  const tableStatements = statementsOfFunction(bootstrap).filter((statement) => actionsOf([statement]).some((action) => action.startsWith('dynamodb:')));
  assert.deepEqual(actionsOf(tableStatements).sort(), ['dynamodb:GetItem', 'dynamodb:PutItem']);
  assert.deepEqual(tableStatements.flatMap(resourcesOf).map(referencedId), [table!.logicalId]);

  const frameworkStatements = statementsOfFunction(framework!);
  assert.deepEqual(actionsOf(frameworkStatements).sort(), ['lambda:GetFunction', 'lambda:InvokeFunction', 'logs:CreateLogStream', 'logs:PutLogEvents']);
  const lambdaStatements = frameworkStatements.filter((statement) => actionsOf([statement]).some((action) => action.startsWith('lambda:')));
  assert.deepEqual(lambdaStatements.flatMap(resourcesOf).map(referencedId), [bootstrap.logicalId]);
  assert.equal(
    referencedId(frameworkStatements.find((statement) => actionsOf([statement]).includes('logs:PutLogEvents'))!.Resource),
    referencedId(framework!.resource.Properties.LoggingConfig.LogGroup),
  );
});
