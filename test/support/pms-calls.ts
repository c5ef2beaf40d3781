import assert from 'node:assert/strict';
import type { TableContext } from '../../functions/adapters/dynamodb/client.js';
import { dynamoPartnerRepository } from '../../functions/adapters/dynamodb/partner-repository.js';
import { auditEntry } from '../../functions/domain/audit.js';
import type { LocalStack } from './local-stack.js';
import { withoutChanges } from './no-change.js';

/** A V1 request envelope with today's `requesttime`. */
export function v1(request: unknown) {
  return { id: 'mosip.pms.test', version: '1.0', requesttime: new Date().toISOString(), metadata: {}, request };
}

/** A V2 (revamp) request envelope with the operation's API id and today's `requestTime`. */
export function v2(id: string, request: unknown) {
  return { id, version: '1.0', requestTime: new Date().toISOString(), metadata: {}, request };
}

/** A call that must succeed; gives the envelope's `response`. */
export async function expectOk(stack: LocalStack, method: string, path: string, token: string, body?: unknown) {
  const { json } = await stack.request(method, path, { token, ...(body === undefined ? {} : { body }) });
  assert.deepEqual(json.errors ?? [], [], `${method} ${path}: ${JSON.stringify(json.errors)}`);
  return json.response;
}

/** A call that must be refused with `code` (HTTP 200, MOSIP envelope) and change nothing; gives the envelope. */
export async function expectRefused(stack: LocalStack, method: string, path: string, token: string, body: unknown, code: string) {
  const { json } = await withoutChanges(stack, `${method} ${path}`, () => stack.request(method, path, { token, ...(body === undefined ? {} : { body }) }));
  assert.equal(json.response, null);
  assert.equal(json.errors[0]?.errorCode, code, `${method} ${path}: ${JSON.stringify(json.errors)}`);
  return json;
}

/**
 * A partner admin's "Active" on a partner (PATCH /partners/{partnerId}): what approves a self-registered partner whose
 * certificate upload left it pending (SELF_REGISTERED_PARTNER_ACTIVATION's default).
 */
export async function activateAsAdmin(stack: LocalStack, adminToken: string, partnerId: string): Promise<void> {
  assert.deepEqual(await expectOk(stack, 'PATCH', `/v1/partnermanager/partners/${partnerId}`, adminToken, v1({ status: 'Active' })), {
    message: 'Partner activated successfully',
  });
}

/** A MISP partner a partner admin onboards for its user `partnerId`, arranged active; gives the MISP user's token. */
export async function activeMispPartner(stack: LocalStack, adminToken: string, partnerId: string, organizationName: string): Promise<string> {
  await expectOk(
    stack,
    'POST',
    '/v1/partnermanager/partners',
    adminToken,
    v1({
      partnerId,
      partnerType: 'MISP_Partner',
      organizationName,
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: `${partnerId}@example.org`,
      langCode: 'eng',
    }),
  );
  await activateStoredPartner(stack.table, partnerId);
  return stack.token(partnerId, ['MISP_PARTNER']);
}

/**
 * An authentication partner that registers itself in the `Banks` group for its user `partnerId`, arranged active as its
 * certificate upload would make it; gives its user's token.
 */
export async function activeAuthPartner(stack: LocalStack, partnerId: string): Promise<string> {
  const token = await stack.token(partnerId, ['AUTH_PARTNER']);
  await expectOk(
    stack,
    'POST',
    '/v1/partnermanager/partners',
    token,
    v1({
      partnerId,
      partnerType: 'Auth_Partner',
      policyGroup: 'Banks',
      organizationName: `${partnerId} Ltd`,
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: `${partnerId}@example.org`,
    }),
  );
  await activateStoredPartner(stack.table, partnerId);
  return token;
}

/** Arranges a registered partner as approved and active, as its certificate upload (a later issue) will. */
export async function activateStoredPartner(table: TableContext, partnerId: string): Promise<void> {
  const partners = dynamoPartnerRepository(table);
  const stored = await partners.getPartner(partnerId);
  assert.ok(stored, `partner ${partnerId} is registered`);
  await partners.save({ ...stored, isActive: true, approvalStatus: 'approved' }, stored, auditEntry('test', 'arrange', 'Partner', partnerId, new Date()), []);
}
