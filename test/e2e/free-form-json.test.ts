import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MAX_BODY_BYTES } from '../../functions/http/request-parser.js';
import { jsonBoundViolation, MAX_JSON_DEPTH } from '../../functions/schemas/bounded-json.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { withoutChanges } from '../support/no-change.js';
import { DATA_SHARE_POLICY } from '../support/sample-policies.js';

/*
 * Issue #13, finding 6: free-form JSON (a partner's additionalInfo, a policy's policies) is bounded before
 * anything recurses over it or writes it. The attacks that gave a stack overflow or PMS_COR_003 are refused as
 * validation errors that change nothing; values at the bounds are stored and read back exactly.
 */

const PARTNERS = '/v1/partnermanager/partners';
const POLICIES = '/v1/policymanager/policies';
let stack: LocalStack;
let admin: string;
let groupName: string;

const now = () => new Date().toISOString();
const envelope = (request: object) => ({ id: 'mosip.pms', version: '1.0', requesttime: now(), metadata: {}, request });

/** The body as a client writes it, `member` being the given JSON text (1e400 and `__proto__` survive only as text). */
function rawBody(request: object, member: string, json: string): string {
  return JSON.stringify(envelope({ ...request, [member]: '§' })).replace('"§"', json);
}

const registration = (user: string) => ({
  partnerId: user,
  partnerType: 'Device_Provider',
  organizationName: `${user} Ltd`,
  address: '1 Main Street',
  contactNumber: '+254700000000',
  emailId: `${user}@example.org`,
  langCode: 'eng',
});
const policyContent = (name: string) => ({ policyGroupName: groupName, name, desc: `${name} policy`, version: '1.0' });

async function refusedAsInvalid(what: string, method: string, path: string, body: string, token: string, fieldPath: string) {
  assert.ok(Buffer.byteLength(body) <= MAX_BODY_BYTES, `${what} fits the body limit`);
  const { status, json } = await withoutChanges(stack, what, () =>
    stack.request(method, path, { token, body, headers: { 'content-type': 'application/json' } }),
  );
  assert.equal(status, 400, `${what}: ${JSON.stringify(json)}`);
  assert.equal(json.response, null);
  assert.equal(json.errors.length, 1);
  assert.equal(json.errors[0].errorCode, 'PMS_COR_001', `${what}: ${JSON.stringify(json.errors)}`);
  assert.ok(json.errors[0].message.startsWith('Invalid request parameter - '), json.errors[0].message);
  assert.ok(json.errors[0].message.endsWith(` :${fieldPath}`), `${what}: ${json.errors[0].message}`);
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  groupName = 'Free-form partners';
  const group = await stack.request('POST', `${POLICIES}/group/new`, { token: admin, body: envelope({ name: groupName, desc: 'bounded JSON' }) });
  assert.deepEqual(group.json.errors, []);
});
after(() => stack?.stop());

test("the finding's attacks: deep additionalInfo, a __proto__ member and 1e400 in a policy are PMS_COR_001 and write nothing", async () => {
  const levels = Math.floor((MAX_BODY_BYTES - 600) / 2);
  const deep = `${'['.repeat(levels)}${']'.repeat(levels)}`;
  const deepPath = `request.additionalInfo${'[0]'.repeat(MAX_JSON_DEPTH)}`;
  const partner = await stack.token('deep1', ['DEVICE_PROVIDER']);
  await refusedAsInvalid('a deep additionalInfo', 'POST', `${PARTNERS}/v2`, rawBody(registration('deep1'), 'additionalInfo', deep), partner, deepPath);

  // DataShare policies accept extra members in dataSharePolicies, so only the bounds stand between these and the table.
  const dataShare = (extra: string) => JSON.stringify(DATA_SHARE_POLICY).replace('"dataSharePolicies":{', `"dataSharePolicies":{${extra},`);
  const create = (name: string) => ({ ...policyContent(name), policyType: 'DataShare' });
  await refusedAsInvalid(
    'a __proto__ policy member',
    'POST',
    POLICIES,
    rawBody(create('proto'), 'policies', dataShare('"__proto__":{"isAdmin":true}')),
    admin,
    'request.policies.dataSharePolicies.__proto__',
  );
  await refusedAsInvalid(
    '1e400 in a policy',
    'POST',
    POLICIES,
    rawBody(create('huge'), 'policies', dataShare('"limit":1e400')),
    admin,
    'request.policies.dataSharePolicies.limit',
  );

  // the same on the updates, over existing objects
  const draft = await stack.request('POST', POLICIES, { token: admin, body: envelope({ ...create('draft'), policies: DATA_SHARE_POLICY }) });
  assert.deepEqual(draft.json.errors, []);
  await refusedAsInvalid(
    '1e-200 in a policy update',
    'PUT',
    `${POLICIES}/${draft.json.response.id}`,
    rawBody(policyContent('draft'), 'policies', dataShare('"tiny":1e-200')),
    admin,
    'request.policies.dataSharePolicies.tiny',
  );
  const registered = await stack.request('POST', `${PARTNERS}/v2`, { token: partner, body: envelope(registration('deep1')) });
  assert.deepEqual(registered.json.errors, []);
  await refusedAsInvalid(
    'a deep additionalInfo update',
    'PUT',
    `${PARTNERS}/v2/deep1`,
    rawBody({ address: '2 High Street', contactNumber: '+254711111111' }, 'additionalInfo', deep),
    partner,
    deepPath,
  );
});

test('JSON at the bounds is stored and read back exactly (DynamoDB keeps every number and level the bounds allow)', async () => {
  const extremes = { tiny: 1e-130, negativeTiny: -1e-130, largest: Number.MAX_SAFE_INTEGER, smallest: Number.MIN_SAFE_INTEGER, fraction: 0.1 };
  let additionalInfo: unknown = extremes;
  for (let level = 1; level < MAX_JSON_DEPTH; level++) additionalInfo = [additionalInfo];
  assert.deepEqual([jsonBoundViolation(additionalInfo), jsonBoundViolation([additionalInfo])?.path.length], [undefined, MAX_JSON_DEPTH]);
  const partner = await stack.token('bounds1', ['DEVICE_PROVIDER']);
  const registered = await stack.request('POST', `${PARTNERS}/v2`, { token: partner, body: envelope({ ...registration('bounds1'), additionalInfo }) });
  assert.deepEqual(registered.json.errors, []);
  const listed = await stack.request('GET', `${PARTNERS}/v2?partnerType=Device_Provider`, { token: admin });
  const stored = listed.json.response.partners.find((p: { partnerID: string }) => p.partnerID === 'bounds1');
  assert.deepEqual(stored?.additionalInfo, additionalInfo);

  // policies → dataSharePolicies → bounded: MAX_JSON_DEPTH levels in all
  let nested: unknown = extremes;
  for (let level = 3; level < MAX_JSON_DEPTH; level++) nested = { nested };
  const policies = { ...DATA_SHARE_POLICY, dataSharePolicies: { ...DATA_SHARE_POLICY.dataSharePolicies, nested } };
  assert.deepEqual([jsonBoundViolation(policies), jsonBoundViolation([policies])?.path.length], [undefined, MAX_JSON_DEPTH]);
  const created = await stack.request('POST', POLICIES, { token: admin, body: envelope({ ...policyContent('bounds'), policyType: 'DataShare', policies }) });
  assert.deepEqual(created.json.errors, []);
  const read = await stack.request('GET', `${POLICIES}/${created.json.response.id}`, { token: admin });
  assert.deepEqual(read.json.response.policies, policies);
});
