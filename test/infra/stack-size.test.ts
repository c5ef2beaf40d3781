import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROUTES } from '../../functions/routes/route-table.js';
import { planRouteStacks, routeStackIdOf } from '../../lib/route-stacks.js';
import { synthesizePms } from './synth.js';
import { syntheticRoutes } from './synthetic-routes.js';
import { FUNCTIONS_BESIDE_ROUTES, resourceCount, resourcesOfType, templatesOf } from './template-queries.js';

/** CloudFormation allows 500 resources per stack; 400 leaves room for what later issues add. */
const RESOURCE_BUDGET = 400;

function assertWithinBudget(routes: ReturnType<typeof syntheticRoutes>) {
  const pms = synthesizePms({ routes });
  const counts = Object.fromEntries(templatesOf(pms).map(([stackId, template]) => [stackId, resourceCount(template)]));
  for (const [stackId, count] of Object.entries(counts)) assert.ok(count < RESOURCE_BUDGET, `${stackId} has ${count} resources: ${JSON.stringify(counts)}`);
  // One function per route plus the authorizer and relays, and one API route per row: nothing was dropped to fit.
  assert.equal(resourcesOfType(pms, 'AWS::Lambda::Function').length, routes.length + FUNCTIONS_BESIDE_ROUTES);
  assert.equal(resourcesOfType(pms, 'AWS::ApiGatewayV2::Route').length, routes.length);
}

test('120 routes over three domains: every stack stays under 400 resources', () => {
  assertWithinBudget(syntheticRoutes(120, ['platform', 'policy', 'partner']));
});

test('120 routes nearly all in the partner domain (as in MOSIP): every stack stays under 400 resources', () => {
  assertWithinBudget([
    ...syntheticRoutes(110, ['partner']),
    ...syntheticRoutes(10, ['policy']).map((route) => ({ ...route, operationId: `${route.operationId}Policy`, fullPath: `${route.fullPath}/policy` })),
  ]);
});

test('the route table as it is: every stack stays under 400 resources', () => {
  assertWithinBudget([...ROUTES]);
});

test('adding routes never moves an existing route to another nested stack', () => {
  // A moved route would be created in its new stack while its old copy still holds the route key: deploy fails.
  const before = new Map(planRouteStacks(ROUTES).flatMap((plan) => plan.routes.map((route) => [route.operationId, plan.id])));
  const after = planRouteStacks([...syntheticRoutes(60, ['platform', 'policy', 'partner']), ...ROUTES]);
  for (const plan of after) {
    for (const route of plan.routes) if (before.has(route.operationId)) assert.equal(plan.id, before.get(route.operationId), route.operationId);
  }
});

test('a domain’s routes stay in that domain’s stacks', () => {
  for (const route of syntheticRoutes(30, ['platform', 'policy', 'partner'])) {
    assert.match(routeStackIdOf(route), new RegExp(`^${route.domain}Routes\\d+$`, 'i'));
  }
});
