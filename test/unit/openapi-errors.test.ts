import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openApiDocument } from '../../functions/openapi/openapi-document.js';
import { SERVICE_PREFIXES, type Service } from '../../functions/routes/route.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { OPERATION_ERRORS_FILE, type OperationErrors, operationErrors } from '../../scripts/operation-errors.js';

const committed = (): OperationErrors => JSON.parse(readFileSync(OPERATION_ERRORS_FILE, 'utf8')) as OperationErrors;

test('the committed operation-errors.json is what the generator makes of the code today (else: npx tsx scripts/operation-errors.ts)', async () => {
  assert.deepEqual(committed(), await operationErrors());
});

test('each operation of the documents lists its codes with their messages, from the generated file', () => {
  const { operations, messages } = committed();
  assert.deepEqual(Object.keys(operations).sort(), ROUTES.map((route) => route.operationId).sort());
  for (const service of Object.keys(SERVICE_PREFIXES) as Service[]) {
    const document = openApiDocument(service) as {
      paths: Record<
        string,
        Record<string, { operationId: string; 'x-mosip-errors': { errorCode: string; message: string }[]; responses: { '200': { description: string } } }>
      >;
    };
    for (const methods of Object.values(document.paths)) {
      for (const operation of Object.values(methods)) {
        const listed = operation['x-mosip-errors'];
        assert.deepEqual([...new Set(listed.map((error) => error.errorCode))], operations[operation.operationId], operation.operationId);
        for (const { errorCode, message } of listed) assert.ok(messages[errorCode]!.includes(message));
      }
    }
  }
});

test("the lists follow each operation's own code, not every code for every route", () => {
  const { operations, messages } = committed();
  const all = Object.keys(messages).length;
  for (const [operationId, codes] of Object.entries(operations)) assert.ok(codes.length < all / 4, `${operationId} lists ${codes.length} of ${all}`);
  const has = (operationId: string, code: string) => operations[operationId]!.includes(code);
  // Policy JSON validation (PMS_PV_*) and the policy type check (PMS_POL_023) belong to creating a policy only.
  assert.ok(has('createPolicy', 'PMS_PV_006') && has('createPolicy', 'PMS_POL_023'));
  assert.ok(!has('createPolicyGroup', 'PMS_PV_006') && !has('verifyPartnerKeys', 'PMS_POL_023'));
  // The pipeline's: V1 endpoints that need today's requesttime, V2 envelopes, roles, writes.
  assert.ok(has('registerPartner', 'PMS_REQUEST_ERROR_006') && !has('updatePartner', 'PMS_REQUEST_ERROR_006'));
  assert.ok(has('deactivatePolicyGroup', 'PMS_REQUEST_ERROR_002') && !has('createPolicyGroup', 'PMS_REQUEST_ERROR_002'));
  assert.ok(has('createPolicyGroup', 'KER-ATH-403') && has('registerPartner', 'KER-ATH-401') && !has('registerPartner', 'KER-ATH-403'));
  assert.ok(has('createPolicyGroup', 'PMS_COR_101') && !has('getPolicy', 'PMS_COR_101'));
  // A row's own fallback error is listed in place of PMS_COR_003 (which its modules may still refer to).
  for (const route of ROUTES.filter((candidate) => candidate.fallbackError !== undefined)) assert.ok(has(route.operationId, route.fallbackError!.code));
  assert.ok(has('listPolicies', 'PMS_POL_061') && !has('getPolicies', 'PMS_POL_061'));
  // Per declaration, not per module: creating a group does not list the deactivation's code from the same module,
  // nor reading a policy the search codes of the queries beside it.
  assert.ok(has('deactivatePolicyGroup', 'PMS_POL_073') && !has('createPolicyGroup', 'PMS_POL_073'));
  assert.ok(has('searchPolicyGroups', 'PMS-MSD-310') && !has('getPolicy', 'PMS-MSD-310'));
  // Verification answers its own codes.
  assert.ok(has('verifyPartnerKeys', 'PMS_PMP_025'));
});
