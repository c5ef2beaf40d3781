import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROUTES } from '../../functions/routes/route-table.js';
import { synthesizePms } from './synth.js';
import { functionBehindRoute, operationIdOf, referencedId, resourcesOfType, rootResourceBehind } from './template-queries.js';

const pms = synthesizePms();
const apiRoutes = resourcesOfType(pms, 'AWS::ApiGatewayV2::Route');
const routeKeyOf = (route: (typeof ROUTES)[number]) => `${route.method} ${route.fullPath}`;

test('every route table row has exactly one API route, with its MOSIP method and path', () => {
  const deployedKeys = apiRoutes.map((route) => route.resource.Properties.RouteKey as string).sort();
  assert.deepEqual(deployedKeys, ROUTES.map(routeKeyOf).sort());
});

test("every API route invokes its own row's function", () => {
  for (const route of ROUTES) {
    const [apiRoute] = apiRoutes.filter((candidate) => candidate.resource.Properties.RouteKey === routeKeyOf(route));
    assert.ok(apiRoute, `no route ${routeKeyOf(route)}`);
    assert.equal(operationIdOf(functionBehindRoute(apiRoute)), route.operationId, routeKeyOf(route));
  }
  const functionsBehindRoutes = new Set(apiRoutes.map((apiRoute) => functionBehindRoute(apiRoute)));
  assert.equal(functionsBehindRoutes.size, ROUTES.length, 'routes share a function');
});

test('every non-PUBLIC route goes through the token authorizer; PUBLIC routes have no authorizer', () => {
  const [authorizer, ...others] = resourcesOfType(pms, 'AWS::ApiGatewayV2::Authorizer');
  assert.ok(authorizer && others.length === 0, 'exactly one authorizer');
  for (const route of ROUTES) {
    const apiRoute = apiRoutes.find((candidate) => candidate.resource.Properties.RouteKey === routeKeyOf(route))!;
    const { AuthorizationType, AuthorizerId } = apiRoute.resource.Properties;
    if (route.access === 'PUBLIC') {
      assert.equal(AuthorizationType, 'NONE', routeKeyOf(route));
      assert.equal(AuthorizerId, undefined, routeKeyOf(route));
    } else {
      assert.equal(AuthorizationType, 'CUSTOM', routeKeyOf(route));
      assert.equal(rootResourceBehind(pms, AuthorizerId), authorizer.logicalId, routeKeyOf(route));
    }
  }
  assert.ok(ROUTES.some((route) => route.access === 'PUBLIC') && ROUTES.some((route) => route.access !== 'PUBLIC'));
});

test('the authorizer runs on every request: no identity source, no cache, simple responses', () => {
  // The token may be in the Authorization header or the Authorization cookie; an identity source would make API
  // Gateway refuse requests lacking it before the authorizer runs (docs/deploy.md).
  const [authorizer] = resourcesOfType(pms, 'AWS::ApiGatewayV2::Authorizer');
  assert.deepEqual(
    {
      type: authorizer!.resource.Properties.AuthorizerType,
      identitySource: authorizer!.resource.Properties.IdentitySource,
      ttl: authorizer!.resource.Properties.AuthorizerResultTtlInSeconds,
      simple: authorizer!.resource.Properties.EnableSimpleResponses,
      payload: authorizer!.resource.Properties.AuthorizerPayloadFormatVersion,
    },
    { type: 'REQUEST', identitySource: [], ttl: 0, simple: true, payload: '2.0' },
  );
});

test('the stage writes access logs and throttles by default', () => {
  const [stage] = resourcesOfType(pms, 'AWS::ApiGatewayV2::Stage');
  const { AccessLogSettings, DefaultRouteSettings, StageName } = stage!.resource.Properties;
  assert.equal(StageName, '$default');
  assert.equal(
    referencedId(AccessLogSettings.DestinationArn),
    resourcesOfType(pms, 'AWS::Logs::LogGroup').find((group) => group.logicalId.startsWith('ApiAccessLogs'))?.logicalId,
  );
  const format = JSON.parse(AccessLogSettings.Format) as Record<string, string>;
  assert.equal(format.requestId, '$context.requestId');
  assert.ok(!Object.values(format).includes('$context.path'), 'raw paths can carry API keys; log the route key');
  assert.ok(DefaultRouteSettings.ThrottlingRateLimit > 0 && DefaultRouteSettings.ThrottlingBurstLimit > 0);
});
