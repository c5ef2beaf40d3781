import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb/table-schema.js';
import { leadingKeysOf, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS, tableActionsOf } from '../../functions/routes/table-access.js';
import { synthesizePms } from './synth.js';
import { syntheticRoutes } from './synthetic-routes.js';
import {
  actionsOf,
  BASE_ACTIONS,
  type CfnResource,
  isProviderFramework,
  operationIdOf,
  resourcesOfType,
  rootFunction,
  statementsOfFunction,
  XRAY_ACTIONS,
  XRAY_STATEMENT,
} from './template-queries.js';

// Every HTTP method with every table access, so a writing GET and a reading POST are present whatever the route table holds today.
const routes = syntheticRoutes(30, ['platform', 'policy', 'partner']);
const pms = synthesizePms({ routes });
const functions = resourcesOfType(pms, 'AWS::Lambda::Function');
const routeFunctions = functions.filter((fn) => fn.stackId !== 'root');
const routeOf = (fn: { resource: CfnResource }) => routes.find((route) => route.operationId === operationIdOf(fn.resource))!;
const dataFunctions = routeFunctions.filter((fn) => routeOf(fn).tableAccess !== 'none');

test('each route function gets exactly the table actions its row declares, whatever its method (no Scan, no event publishing)', () => {
  const seen = new Set<string>();
  for (const fn of routeFunctions) {
    const route = routeOf(fn);
    seen.add(`${route.method} ${route.tableAccess}`);
    assert.deepEqual(
      new Set(actionsOf(statementsOfFunction(fn))),
      new Set([...BASE_ACTIONS, ...tableActionsOf(route.tableAccess)]),
      operationIdOf(fn.resource),
    );
  }
  for (const pair of ['GET read-write', 'POST read', 'PUT none']) assert.ok(seen.has(pair), pair);
});

test('a read-write grant covers transactions: TransactWriteItems is authorized per item (Put/Update/Delete, ConditionCheckItem)', () => {
  for (const action of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem']) {
    assert.ok(TABLE_WRITE_ACTIONS.includes(action), action);
  }
  assert.deepEqual(tableActionsOf('read'), TABLE_READ_ACTIONS);
});

test('functions whose row declares no table access (OpenAPI documents, …) write their logs and traces and do not even know the table', () => {
  const dataless = routeFunctions.filter((fn) => routeOf(fn).tableAccess === 'none');
  assert.ok(dataless.some((fn) => routeOf(fn).access === 'PUBLIC') && dataless.some((fn) => routeOf(fn).access !== 'PUBLIC'));
  for (const fn of dataless) {
    assert.deepEqual(actionsOf(statementsOfFunction(fn)).sort(), [...BASE_ACTIONS].sort(), operationIdOf(fn.resource));
    assert.equal(fn.resource.Properties.Environment.Variables.TABLE_NAME, undefined);
  }
});

test('table grants name the table and its indexes exactly', () => {
  for (const fn of dataFunctions.filter((candidate) => leadingKeysOf(routeOf(candidate).tableAccess) === undefined)) {
    const tableStatement = statementsOfFunction(fn).find((statement) => actionsOf([statement]).includes('dynamodb:Query'))!;
    const suffixes = (tableStatement.Resource as unknown[]).map((arn) => {
      const join = (arn as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
      return join ? String(join[1][1]) : '';
    });
    assert.deepEqual(suffixes.sort(), ['', ...TABLE_SCHEMA.indexes.map((index) => `/index/${index.name}`)].sort());
  }
});

test('a probe (the public health checks) may GetItem on the table alone, in the probe partition alone: no index, no data', () => {
  const probes = dataFunctions.filter((fn) => routeOf(fn).tableAccess === 'probe');
  assert.ok(probes.length > 0 && probes.every((fn) => routeOf(fn).access === 'PUBLIC'));
  for (const fn of probes) {
    const [tableStatement, ...others] = statementsOfFunction(fn).filter((statement) => actionsOf([statement]).some((action) => action.startsWith('dynamodb:')));
    assert.equal(others.length, 0, operationIdOf(fn.resource));
    assert.deepEqual(actionsOf([tableStatement!]), ['dynamodb:GetItem']);
    assert.equal(JSON.stringify(tableStatement!.Resource).includes('/index/'), false, JSON.stringify(tableStatement!.Resource));
    assert.deepEqual(tableStatement!.Condition, { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [keys.healthProbe.pk] } });
  }
});

test('the authorizer can write its logs and traces and nothing else', () => {
  const authorizer = rootFunction(pms, 'Verifies');
  assert.deepEqual(actionsOf(statementsOfFunction(authorizer)).sort(), [...BASE_ACTIONS].sort());
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

test('every PMS function is traced (X-Ray active) and its role holds the X-Ray grant exactly once, exactly as written', () => {
  const pmsFunctions = functions.filter((fn) => !isProviderFramework(fn));
  assert.ok(pmsFunctions.length > routes.length, 'route functions and the others');
  for (const fn of pmsFunctions) {
    const name = `${fn.logicalId}: ${String(fn.resource.Properties.Description).slice(0, 40)}`;
    assert.deepEqual(fn.resource.Properties.TracingConfig, { Mode: 'Active' }, name);
    const xray = statementsOfFunction(fn).filter((statement) => actionsOf([statement]).some((action) => action.startsWith('xray:')));
    assert.deepEqual(xray, [XRAY_STATEMENT], name);
  }
});

test('no policy grants a wildcard action, nor a wildcard resource except the X-Ray grant; no role uses a managed policy', () => {
  let xrayGrants = 0;
  for (const policy of resourcesOfType(pms, 'AWS::IAM::Policy')) {
    for (const statement of policy.resource.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) {
      for (const action of actionsOf([statement as never])) assert.ok(!action.includes('*'), `${policy.logicalId}: ${action}`);
      if (JSON.stringify(statement) === JSON.stringify(XRAY_STATEMENT)) {
        xrayGrants += 1;
        continue;
      }
      // X-Ray's actions on `*` only, never on a named resource nor beside other actions.
      assert.ok(!actionsOf([statement as never]).some((action) => XRAY_ACTIONS.includes(action)), `${policy.logicalId}: ${JSON.stringify(statement)}`);
      assert.ok(!JSON.stringify(statement.Resource).includes('*'), `${policy.logicalId}: ${JSON.stringify(statement.Resource)}`);
    }
  }
  assert.equal(xrayGrants, functions.filter((fn) => !isProviderFramework(fn)).length);
  for (const role of resourcesOfType(pms, 'AWS::IAM::Role')) assert.equal(role.resource.Properties.ManagedPolicyArns, undefined, role.logicalId);
});
