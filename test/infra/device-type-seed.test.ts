import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { deviceTypeKeys } from '../../functions/adapters/dynamodb/keys.js';
import { DEVICE_TYPE_MASTER_DATA } from '../../functions/device-type-seed/master-data.js';
import { synthesizePms } from './synth.js';
import {
  actionsOf,
  BASE_ACTIONS,
  type PolicyStatement,
  providerFrameworkOf,
  referencedId,
  resourcesOfType,
  rootFunction,
  statementsOfFunction,
} from './template-queries.js';

const pms = synthesizePms();
const seed = rootFunction(pms, 'Stores the shipped device type master data');
const framework = providerFrameworkOf(pms, seed);
const [table] = resourcesOfType(pms, 'AWS::DynamoDB::GlobalTable');
const resourcesOf = (statement: PolicyStatement) => (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]);

test('the device type custom resource runs after the table, through its own Provider framework, and re-runs when the shipped rows change', () => {
  const [resource, ...others] = resourcesOfType(pms, 'Custom::DeviceTypes');
  assert.ok(resource && others.length === 0);
  assert.ok((resource.resource as { DependsOn?: string[] }).DependsOn?.includes(table!.logicalId));
  assert.equal(referencedId(resource.resource.Properties.ServiceToken), framework.logicalId);
  assert.equal(resource.resource.Properties.MasterDataSha256, createHash('sha256').update(JSON.stringify(DEVICE_TYPE_MASTER_DATA)).digest('hex'));
  assert.equal(referencedId(seed.resource.Properties.Environment.Variables.TABLE_NAME), table!.logicalId);
});

test('the seed function may only put items, on the table, in the master data partition; besides that only its logs and traces', () => {
  const statements = statementsOfFunction(seed);
  assert.deepEqual(actionsOf(statements).sort(), ['dynamodb:PutItem', ...BASE_ACTIONS].sort());
  const [put, ...otherPuts] = statements.filter((statement) => actionsOf([statement]).includes('dynamodb:PutItem'));
  assert.ok(put && otherPuts.length === 0);
  assert.deepEqual(resourcesOf(put).map(referencedId), [table!.logicalId]);
  assert.deepEqual((put as PolicyStatement & { Condition?: unknown }).Condition, {
    'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [deviceTypeKeys.partition] },
  });
  assert.equal(
    referencedId(statements.find((statement) => actionsOf([statement]).includes('logs:PutLogEvents'))!.Resource),
    referencedId(seed.resource.Properties.LoggingConfig.LogGroup),
  );
});

test('its Provider framework may only invoke the seed function and write its own logs', () => {
  const statements = statementsOfFunction(framework);
  assert.deepEqual(actionsOf(statements).sort(), ['lambda:GetFunction', 'lambda:InvokeFunction', 'logs:CreateLogStream', 'logs:PutLogEvents']);
  const lambdaStatements = statements.filter((statement) => actionsOf([statement]).some((action) => action.startsWith('lambda:')));
  assert.deepEqual(lambdaStatements.flatMap(resourcesOf).map(referencedId), [seed.logicalId]);
  assert.equal(
    referencedId(statements.find((statement) => actionsOf([statement]).includes('logs:PutLogEvents'))!.Resource),
    referencedId(framework.resource.Properties.LoggingConfig.LogGroup),
  );
});
