import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { AUTH_POLICY_SCHEMA } from '../../functions/domain/policies/policy-json/auth-policy.js';
import { DATA_SHARE_POLICY_SCHEMA } from '../../functions/domain/policies/policy-json/data-share-policy.js';
import { validatePolicyJson } from '../../functions/domain/policies/policy-json/validate-policy-json.js';
import { openApiDocument } from '../../functions/openapi/openapi-document.js';
import { AUTH_POLICY, DATA_SHARE_POLICY } from '../../functions/openapi/request-examples.js';
import { type Route, SERVICE_PREFIXES, type Service } from '../../functions/routes/route.js';
import { ROUTES } from '../../functions/routes/route-table.js';

type Schema = Record<string, unknown>;
type Operation = {
  operationId: string;
  parameters: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: { 'application/json': { schema: Schema; example?: unknown } } };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};

function documentedOperations(): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const service of Object.keys(SERVICE_PREFIXES) as Service[]) {
    const document = openApiDocument(service) as { openapi: string; paths: Record<string, Record<string, Operation>> };
    assert.equal(document.openapi, '3.0.3');
    for (const methods of Object.values(document.paths)) for (const operation of Object.values(methods)) found.set(operation.operationId, operation);
  }
  return found;
}

/**
 * Ajv in strict mode, knowing OpenAPI 3.0's schema dialect: `nullable` (Ajv's own), the `example` annotation and our
 * `x-` extensions. An unknown keyword, a misplaced one or an unknown format fails compilation, so a broken schema in
 * the documents fails here.
 */
function openApiAjv(): Ajv {
  const ajv = new Ajv({ strict: true, strictTypes: false, allErrors: true });
  ajv.addKeyword({ keyword: 'example' });
  ajv.addKeyword({ keyword: 'x-mosip-tuple-items' });
  // OpenAPI's format for a file answer's bytes (Swagger UI's images).
  ajv.addFormat('binary', true);
  return ajv;
}

const bodyRoutes = (): Route[] => ROUTES.filter((route) => route.body !== undefined);

test('every route with a body has an example', () => {
  const missing = bodyRoutes()
    .filter((route) => route.example === undefined)
    .map((route) => route.operationId);
  assert.deepEqual(missing, []);
});

test('each example passes its zod schema and the documented JSON schema of its whole request body', () => {
  const operations = documentedOperations();
  const ajv = openApiAjv();
  for (const route of bodyRoutes()) {
    assert.ok(route.body!.safeParse(route.example).success, `${route.operationId}: zod`);
    const content = operations.get(route.operationId)!.requestBody!.content['application/json'];
    const validate = ajv.compile(content.schema);
    assert.ok(validate(content.example), `${route.operationId}: ${JSON.stringify(validate.errors)}`);
  }
});

test('every schema of every operation compiles under strict Ajv: request bodies, parameters and responses', () => {
  const ajv = openApiAjv();
  let compiled = 0;
  for (const operation of documentedOperations().values()) {
    const schemas = [
      operation.requestBody?.content['application/json'].schema,
      ...operation.parameters.map((parameter) => parameter.schema),
      ...Object.values(operation.responses).flatMap((response) => Object.values(response.content ?? {}).map((media) => media.schema)),
    ];
    for (const schema of schemas.filter((candidate) => candidate !== undefined)) {
      assert.doesNotThrow(() => ajv.compile(schema), operation.operationId);
      compiled += 1;
    }
  }
  assert.ok(compiled > ROUTES.length);
});

test("the documented schemas refuse what the operation's schema refuses: a wrong envelope id, a missing member, a wrong type", () => {
  const operations = documentedOperations();
  const ajv = openApiAjv();
  const body = (operationId: string) => operations.get(operationId)!.requestBody!.content['application/json'];
  const deactivate = body('deactivatePolicyGroup');
  assert.equal(ajv.validate(deactivate.schema, { ...(deactivate.example as object), id: 'mosip.other' }), false);
  const create = body('createPolicyGroup');
  const example = create.example as { request: { name: string } };
  assert.equal(ajv.validate(create.schema, { ...example, request: { name: example.request.name } }), false);
  assert.equal(ajv.validate(create.schema, { ...example, request: { ...example.request, name: 7 } }), false);
});

test('the policy create and update examples are a real auth and a real data-share policy, documented with their MOSIP schemas', () => {
  const create = ROUTES.find((route) => route.operationId === 'createPolicy')!;
  const update = ROUTES.find((route) => route.operationId === 'updatePolicy')!;
  assert.deepEqual((create.example as { policies: unknown }).policies, AUTH_POLICY);
  assert.deepEqual((update.example as { policies: unknown }).policies, DATA_SHARE_POLICY);
  // The operation's own check accepts them (it throws on a violation).
  validatePolicyJson('Auth', AUTH_POLICY);
  validatePolicyJson('DataShare', DATA_SHARE_POLICY);

  const operations = documentedOperations();
  for (const operationId of ['createPolicy', 'updatePolicy']) {
    const schema = operations.get(operationId)!.requestBody!.content['application/json'].schema as {
      properties: { request: { properties: { policies: { anyOf: Schema[] } } } };
    };
    const { anyOf } = schema.properties.request.properties.policies;
    assert.deepEqual(
      anyOf.map((entry) => entry.title),
      ['Auth', 'DataShare, CredentialIssuance', 'MISP'],
    );
    assert.deepEqual(anyOf[0]!.required, AUTH_POLICY_SCHEMA.type === 'object' ? AUTH_POLICY_SCHEMA.required : undefined);
    assert.deepEqual(anyOf[1]!.required, DATA_SHARE_POLICY_SCHEMA.type === 'object' ? DATA_SHARE_POLICY_SCHEMA.required : undefined);
    // A policy that is no MOSIP policy is refused by the documented schema.
    const ajv = openApiAjv();
    assert.equal(ajv.validate(schema.properties.request.properties.policies, { anything: true }), false);
    assert.equal(ajv.validate(schema.properties.request.properties.policies, AUTH_POLICY), true);
    assert.equal(ajv.validate(schema.properties.request.properties.policies, DATA_SHARE_POLICY), true);
  }
});
