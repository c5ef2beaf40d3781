import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb/table-schema.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { tableActionsOf } from '../../functions/routes/table-access.js';
import { LOG_RETENTION } from '../../lib/pms-function.js';
import { synthesizePms } from './synth.js';
import {
  actionsOf,
  isProviderFramework,
  operationIdOf,
  PROVIDER_FRAMEWORKS,
  referencedId,
  resourcesOfType,
  rootResourceBehind,
  statementsOfFunction,
} from './template-queries.js';

const pms = synthesizePms();
const functions = resourcesOfType(pms, 'AWS::Lambda::Function');
const [layer] = resourcesOfType(pms, 'AWS::Lambda::LayerVersion');

test('every function runs Node 22 on arm64 with the runtime layer and source maps (but the CDK provider framework)', () => {
  assert.ok(layer);
  assert.equal(functions.filter(isProviderFramework).length, PROVIDER_FRAMEWORKS);
  for (const fn of functions.filter((candidate) => !isProviderFramework(candidate))) {
    const { Runtime, Architectures, Layers, Environment, Handler } = fn.resource.Properties;
    assert.deepEqual({ Runtime, Architectures, Handler }, { Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler' }, fn.logicalId);
    const [layerRef] = Layers as unknown[];
    assert.equal(fn.stackId === 'root' ? referencedId(layerRef) : rootResourceBehind(pms, layerRef), layer.logicalId, fn.logicalId);
    assert.match(Environment.Variables.NODE_OPTIONS, /--enable-source-maps/, fn.logicalId);
  }
});

test("each route's function has exactly the table actions its row's tableAccess declares (KMS aside, for the certificate signers)", () => {
  const routeFunctions = functions.filter((fn) => fn.stackId !== 'root');
  assert.equal(routeFunctions.length, ROUTES.length);
  for (const fn of routeFunctions) {
    const route = ROUTES.find((candidate) => candidate.operationId === operationIdOf(fn.resource))!;
    const tableActions = actionsOf(statementsOfFunction(fn)).filter((action) => action.startsWith('dynamodb:'));
    assert.deepEqual(new Set(tableActions), new Set(tableActionsOf(route.tableAccess)), route.operationId);
  }
});

test('every function logs to its own log group with retention', () => {
  const logGroupIds = functions.map((fn) => {
    const logGroupId = referencedId(fn.resource.Properties.LoggingConfig.LogGroup);
    const logGroup = fn.template.toJSON().Resources[logGroupId];
    assert.equal(logGroup.Properties.RetentionInDays, LOG_RETENTION, fn.logicalId);
    return `${fn.stackId}/${logGroupId}`;
  });
  assert.equal(new Set(logGroupIds).size, functions.length);
});

test('route functions with data access know the table by name, and no route function knows the bus; rows without table access know neither', () => {
  const [table] = resourcesOfType(pms, 'AWS::DynamoDB::GlobalTable');
  const withoutTable = new Set(ROUTES.filter((route) => route.tableAccess === 'none').map((route) => route.operationId));
  assert.ok(
    ROUTES.filter((route) => route.access === 'PUBLIC').every((route) => route.tableAccess === 'none' || route.tableAccess === 'probe'),
    'public routes have no table access, or only the probe',
  );
  const routeFunctions = functions.filter((candidate) => candidate.stackId !== 'root');
  for (const fn of routeFunctions.filter((candidate) => withoutTable.has(operationIdOf(candidate.resource)))) {
    assert.equal(fn.resource.Properties.Environment.Variables.TABLE_NAME, undefined, fn.logicalId);
  }
  for (const fn of routeFunctions) assert.equal(fn.resource.Properties.Environment.Variables.EVENT_BUS_NAME, undefined, fn.logicalId);
  for (const fn of routeFunctions.filter((candidate) => !withoutTable.has(operationIdOf(candidate.resource)))) {
    assert.equal(rootResourceBehind(pms, fn.resource.Properties.Environment.Variables.TABLE_NAME), table!.logicalId);
  }
});

test('the table: on-demand, point-in-time recovery, deletion protection, encrypted, retained, keyed as TABLE_SCHEMA', () => {
  const [table, ...others] = resourcesOfType(pms, 'AWS::DynamoDB::GlobalTable');
  assert.ok(table && others.length === 0);
  const { BillingMode, SSESpecification, Replicas, KeySchema, GlobalSecondaryIndexes, TimeToLiveSpecification } = table.resource.Properties;
  assert.equal(BillingMode, 'PAY_PER_REQUEST');
  assert.equal(SSESpecification.SSEEnabled, true);
  assert.equal(Replicas[0].PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled, true);
  assert.equal(Replicas[0].DeletionProtectionEnabled, true);
  assert.equal(table.resource.DeletionPolicy, 'Retain');
  assert.deepEqual(
    KeySchema.map((key: { AttributeName: string }) => key.AttributeName),
    [TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey],
  );
  assert.deepEqual(TimeToLiveSpecification, { AttributeName: TABLE_SCHEMA.timeToLive, Enabled: true });
  assert.deepEqual(
    GlobalSecondaryIndexes.map((index: { IndexName: string; KeySchema: { AttributeName: string }[]; Projection: { ProjectionType: string } }) => [
      index.IndexName,
      ...index.KeySchema.map((key) => key.AttributeName),
      index.Projection.ProjectionType,
    ]),
    TABLE_SCHEMA.indexes.map((index) => [index.name, index.partitionKey, index.sortKey, 'ALL']),
  );
});

test('the partner event bus is named for MOSIP consumers and archived', () => {
  const [bus] = resourcesOfType(pms, 'AWS::Events::EventBus');
  const [archive] = resourcesOfType(pms, 'AWS::Events::Archive');
  assert.equal(bus!.resource.Properties.Name, 'pms-partner-events');
  assert.equal(referencedId(archive!.resource.Properties.SourceArn), bus!.logicalId);
  assert.ok(archive!.resource.Properties.RetentionDays > 0);
});

test("two retained RSA-2048 signing keys for the PMS root and issuing CAs, beside the two personal-data keys and the alarm topic's key", () => {
  const keys = resourcesOfType(pms, 'AWS::KMS::Key');
  assert.equal(keys.length, 5);
  const signingKeys = keys.filter((key) => key.resource.Properties.KeyUsage === 'SIGN_VERIFY');
  assert.equal(signingKeys.length, 2);
  for (const key of signingKeys) {
    assert.deepEqual([key.resource.Properties.KeySpec, key.resource.Properties.KeyUsage, key.resource.DeletionPolicy], ['RSA_2048', 'SIGN_VERIFY', 'Retain']);
  }
});
