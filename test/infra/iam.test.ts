import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb/table-schema.js';
import { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from '../../lib/data.js';
import { synthesizePms } from './synth.js';
import { syntheticRoutes } from './synthetic-routes.js';
import { actionsOf, type CfnResource, operationIdOf, resourcesOfType, rootFunction, statementsOfFunction } from './template-queries.js';

// Every HTTP method, so both readers and writers are present whatever the route table holds today.
const routes = syntheticRoutes(10, ['platform', 'policy', 'partner']);
const pms = synthesizePms({ routes });
const functions = resourcesOfType(pms, 'AWS::Lambda::Function');
const routeFunctions = functions.filter((fn) => fn.stackId !== 'root');
const routeOf = (fn: { resource: CfnResource }) => routes.find((route) => route.operationId === operationIdOf(fn.resource))!;
const methodOf = (fn: { resource: CfnResource }) => routeOf(fn).method;
const publicFunctions = routeFunctions.filter((fn) => routeOf(fn).access === 'PUBLIC');
const dataFunctions = routeFunctions.filter((fn) => routeOf(fn).access !== 'PUBLIC');
const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

test('GET functions only read the table: no write action, no event publishing, no Scan', () => {
  const readers = dataFunctions.filter((fn) => methodOf(fn) === 'GET');
  assert.ok(readers.length > 0);
  for (const fn of readers) {
    assert.deepEqual(new Set(actionsOf(statementsOfFunction(fn))), new Set([...LOG_ACTIONS, ...TABLE_READ_ACTIONS]), operationIdOf(fn.resource));
  }
});

test('other functions read and write items (transactions included), and publish only through the outbox', () => {
  const writers = dataFunctions.filter((fn) => methodOf(fn) !== 'GET');
  assert.ok(writers.length > 0);
  for (const fn of writers) {
    const actions = new Set(actionsOf(statementsOfFunction(fn)));
    assert.deepEqual(actions, new Set([...LOG_ACTIONS, ...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS]), operationIdOf(fn.resource));
    // TransactWriteItems is authorized per item: Put/Update/Delete plus ConditionCheckItem for its checks.
    for (const action of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'])
      assert.ok(actions.has(action), action);
  }
});

test('public functions (health, OpenAPI) write their logs and touch no data', () => {
  assert.ok(publicFunctions.length > 0);
  for (const fn of publicFunctions) {
    assert.deepEqual(actionsOf(statementsOfFunction(fn)).sort(), [...LOG_ACTIONS].sort(), operationIdOf(fn.resource));
    assert.equal(fn.resource.Properties.Environment.Variables.TABLE_NAME, undefined);
  }
});

test('table grants name the table and its indexes exactly', () => {
  for (const fn of dataFunctions) {
    const tableStatement = statementsOfFunction(fn).find((statement) => actionsOf([statement]).includes('dynamodb:Query'))!;
    const suffixes = (tableStatement.Resource as unknown[]).map((arn) => {
      const join = (arn as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
      return join ? String(join[1][1]) : '';
    });
    assert.deepEqual(suffixes.sort(), ['', ...TABLE_SCHEMA.indexes.map((index) => `/index/${index.name}`)].sort());
  }
});

test('the authorizer can write its logs and nothing else', () => {
  const authorizer = rootFunction(pms, 'Verifies');
  assert.deepEqual(actionsOf(statementsOfFunction(authorizer)).sort(), [...LOG_ACTIONS].sort());
  assert.equal(authorizer.resource.Properties.Environment.Variables.TABLE_NAME, undefined);
});

test('the outbox relays publish to the bus and may only remove and find outbox items', () => {
  for (const prefix of ['Relays outbox events', 'Re-sends outbox events']) {
    const actions = new Set(actionsOf(statementsOfFunction(rootFunction(pms, prefix))));
    for (const needed of ['events:PutEvents', 'dynamodb:DeleteItem', 'dynamodb:Query']) assert.ok(actions.has(needed), `${prefix}: ${needed}`);
    for (const write of ['dynamodb:PutItem', 'dynamodb:UpdateItem']) assert.ok(!actions.has(write), `${prefix}: ${write}`);
  }
  const [mapping] = resourcesOfType(pms, 'AWS::Lambda::EventSourceMapping');
  assert.deepEqual(JSON.parse(mapping!.resource.Properties.FilterCriteria.Filters[0].Pattern), {
    eventName: ['INSERT'],
    dynamodb: { NewImage: { entity: { S: ['OutboxEvent'] } } },
  });
});

test('no policy anywhere grants a wildcard action or resource, and no role uses a managed policy', () => {
  for (const policy of resourcesOfType(pms, 'AWS::IAM::Policy')) {
    for (const statement of policy.resource.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) {
      for (const action of actionsOf([statement as never])) assert.ok(!action.includes('*'), `${policy.logicalId}: ${action}`);
      assert.ok(!JSON.stringify(statement.Resource).includes('*'), `${policy.logicalId}: ${JSON.stringify(statement.Resource)}`);
    }
  }
  for (const role of resourcesOfType(pms, 'AWS::IAM::Role')) assert.equal(role.resource.Properties.ManagedPolicyArns, undefined, role.logicalId);
});
