import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApiDocument } from '../../functions/openapi/openapi-document.js';
import { SERVICE_PREFIXES, type Service } from '../../functions/routes/route.js';
import { ROUTES } from '../../functions/routes/route-table.js';

type Operation = {
  operationId: string;
  security?: unknown[];
  requestBody?: { content: { 'application/json': { schema: any } } };
  parameters: { name: string; in: string }[];
};

function operations(service: Service): Map<string, Operation & { method: string; path: string }> {
  const document = openApiDocument(service) as { paths: Record<string, Record<string, Operation>>; servers: { url: string }[] };
  assert.deepEqual(document.servers, [{ url: SERVICE_PREFIXES[service] }]);
  const found = new Map<string, Operation & { method: string; path: string }>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) found.set(operation.operationId, { ...operation, method, path });
  }
  return found;
}

test('each service document holds exactly its routes from the route table', () => {
  for (const service of Object.keys(SERVICE_PREFIXES) as Service[]) {
    const documented = operations(service);
    const expected = ROUTES.filter((route) => route.service === service);
    assert.deepEqual([...documented.keys()].sort(), expected.map((route) => route.operationId).sort());
    for (const route of expected) {
      const operation = documented.get(route.operationId)!;
      // OpenAPI paths have no greedy `{name+}`: it is documented as `{name}`.
      assert.deepEqual([operation.method, operation.path], [route.method.toLowerCase(), route.path.replace('+}', '}')]);
      assert.equal(operation.security !== undefined && operation.security.length === 0, route.access === 'PUBLIC', route.operationId);
      const pathParameters = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      assert.deepEqual(
        pathParameters,
        [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1]),
      );
    }
  }
});

test("request bodies come from the validating schemas, inside the route's envelope", () => {
  const policy = operations('policymanager');
  const create = policy.get('createPolicyGroup')!.requestBody!.content['application/json'].schema;
  assert.ok('requesttime' in create.properties);
  assert.deepEqual(create.properties.request.required.sort(), ['desc', 'name']);
  assert.equal(create.properties.request.properties.name.maxLength, 128);
  assert.equal(create.properties.request.properties.desc.maxLength, 256);
  const deactivate = policy.get('deactivatePolicyGroup')!.requestBody!.content['application/json'].schema;
  assert.deepEqual(deactivate.properties.id.enum, ['mosip.pms.deactivate.policy.group.patch']);
  assert.ok('requestTime' in deactivate.properties);
});

test('every route example is a valid request for its own schema', () => {
  const withExamples = ROUTES.filter((route) => route.example !== undefined);
  assert.ok(withExamples.length > 0);
  for (const route of withExamples) assert.ok(route.body!.safeParse(route.example).success, route.operationId);
});

test('Swagger UI rows are documented as the files they answer, not as JSON', () => {
  for (const service of Object.keys(SERVICE_PREFIXES) as Service[]) {
    const document = openApiDocument(service) as { paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>> };
    const ui = document.paths['/swagger-ui/{file}']!.get!;
    assert.deepEqual(Object.keys(ui.responses['200']!.content!).sort(), [
      'image/png',
      'text/css; charset=utf-8',
      'text/html; charset=utf-8',
      'text/javascript; charset=utf-8',
    ]);
    assert.ok(ui.responses['404']);
    const docs = document.paths['/v3/api-docs']!.get!;
    assert.deepEqual(Object.keys(docs.responses['200']!.content!), ['application/json']);
  }
});
