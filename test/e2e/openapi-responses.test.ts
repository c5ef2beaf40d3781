import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Ajv } from 'ajv';
import { openApiDocument } from '../../functions/openapi/openapi-document.js';
import type { Service } from '../../functions/routes/route.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { forgeTrustChain } from '../../local/certificate-forge.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { activateAsAdmin, v1 } from '../support/pms-calls.js';
import { AUTH_POLICY } from '../support/sample-policies.js';

const PM = '/v1/partnermanager';
const POLICIES = '/v1/policymanager/policies';
let stack: LocalStack;
/** Each journey operation's whole answers (envelopes), by operationId. */
const answers = new Map<string, { response: unknown }[]>();

/** A call of the seed journey that must succeed; its answer is kept under the route's operationId. */
async function call(operationId: string, method: string, path: string, token: string, body?: unknown) {
  const { json } = await stack.request(method, path, { token, ...(body === undefined ? {} : { body }) });
  assert.deepEqual(json.errors ?? [], [], `${operationId}: ${JSON.stringify(json.errors)}`);
  answers.set(operationId, [...(answers.get(operationId) ?? []), json]);
  return json.response;
}

before(async () => {
  stack = await startLocalStack();
  const admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  const ida = await stack.token('ida-client', ['ID_AUTHENTICATION']);
  const bank = await stack.token('first-bank', ['AUTH_PARTNER']);
  const misp = await stack.token('telco-misp', ['MISP_PARTNER']);
  const bankChain = forgeTrustChain({ organization: 'First Bank Ltd', commonName: 'first-bank auth' });
  const mispChain = forgeTrustChain({ organization: 'Telco MISP Ltd', commonName: 'telco-misp' });

  const groupId = (await call('createPolicyGroup', 'POST', `${POLICIES}/group/new`, admin, v1({ name: 'Banks', desc: 'Banks' }))).id;
  const policy = v1({ policyGroupName: 'Banks', policyType: 'Auth', name: 'eKYC', desc: 'eKYC for banks', version: '1.0', policies: AUTH_POLICY });
  const policyId = (await call('createPolicy', 'POST', POLICIES, admin, policy)).id;
  await call('publishPolicy', 'POST', `${POLICIES}/${policyId}/group/${groupId}/publish`, admin);
  const registration = { organizationName: 'First Bank Ltd', address: 'Nairobi', contactNumber: '+254700000000', emailId: 'ops@first-bank.example' };
  await call(
    'registerPartner',
    'POST',
    `${PM}/partners`,
    bank,
    v1({ ...registration, partnerId: 'first-bank', partnerType: 'Auth_Partner', policyGroup: 'Banks' }),
  );
  for (const chain of [bankChain, mispChain]) {
    const ca = { certificateData: chain.root.pem + chain.intermediate.pem, partnerDomain: 'AUTH' };
    await call('uploadCaCertificate', 'POST', `${PM}/partners/certificate/ca/upload`, admin, v1(ca));
  }
  const bankCertificate = { partnerId: 'first-bank', certificateData: bankChain.leaf.pem, partnerDomain: 'AUTH' };
  await call('uploadPartnerCertificate', 'POST', `${PM}/partners/certificate/upload`, bank, v1(bankCertificate));
  await activateAsAdmin(stack, admin, 'first-bank');
  const request = v1({ policyName: 'eKYC', useCaseDescription: 'eKYC at branches' });
  const { mappingkey } = await call('requestPolicy', 'POST', `${PM}/partners/first-bank/policy/map`, bank, request);
  await call('decidePolicyRequest', 'PUT', `${PM}/partners/policy/${mappingkey}`, admin, v1({ status: 'approved' }));
  const { apiKey } = await call('generateApiKey', 'PATCH', `${PM}/partners/first-bank/generate/apikey`, bank, v1({ policyName: 'eKYC', label: 'Branch App' }));
  const mispRegistration = {
    ...registration,
    partnerId: 'telco-misp',
    organizationName: 'Telco MISP Ltd',
    emailId: 'misp@telco.example',
    partnerType: 'MISP_Partner',
  };
  await call('registerPartner', 'POST', `${PM}/partners`, admin, v1(mispRegistration));
  const mispCertificate = { partnerId: 'telco-misp', certificateData: mispChain.leaf.pem, partnerDomain: 'AUTH' };
  await call('uploadPartnerCertificate', 'POST', `${PM}/partners/certificate/upload`, misp, v1(mispCertificate));
  const { licenseKey } = await call('generateMispLicense', 'POST', `${PM}/misps`, misp, v1({ providerId: 'telco-misp' }));
  const keys = { partnerId: 'first-bank', apiKey, mispLicenseKey: licenseKey };
  await call('verifyPartnerKeys', 'POST', `${PM}/partners/authenticate/verify`, ida, v1(keys));
});
after(() => stack?.stop());

/** The operations of the seed journey (seed-journey.test.ts), which must each document their `response`. */
const JOURNEY = [
  'createPolicyGroup',
  'createPolicy',
  'publishPolicy',
  'registerPartner',
  'uploadCaCertificate',
  'uploadPartnerCertificate',
  'requestPolicy',
  'decidePolicyRequest',
  'generateApiKey',
  'generateMispLicense',
  'verifyPartnerKeys',
];

function documentedResponse(operationId: string) {
  const route = ROUTES.find((candidate) => candidate.operationId === operationId)!;
  const document = openApiDocument(route.service as Service) as {
    paths: Record<string, Record<string, { responses: { '200': { content: { 'application/json': { schema: Record<string, unknown> } } } } }>>;
  };
  return { route, envelope: document.paths[route.path]![route.method.toLowerCase()]!.responses['200'].content['application/json'].schema };
}

test('every operation of the seed journey documents its response, and the journey called each', () => {
  assert.deepEqual([...answers.keys()].sort(), [...JOURNEY].sort());
  for (const operationId of JOURNEY) assert.ok(documentedResponse(operationId).route.response, operationId);
});

test("each real answer of the journey matches the route's response schema and the documented JSON schema of its envelope", () => {
  // OpenAPI 3.0's dialect, as test/unit/openapi-examples.test.ts compiles it.
  const ajv = new Ajv({ strict: true, strictTypes: false, allErrors: true });
  ajv.addKeyword({ keyword: 'example' });
  ajv.addKeyword({ keyword: 'x-mosip-tuple-items' });
  for (const operationId of JOURNEY) {
    const { route, envelope } = documentedResponse(operationId);
    const validate = ajv.compile(envelope);
    for (const answer of answers.get(operationId)!) {
      const parsed = route.response!.safeParse(answer.response);
      assert.ok(parsed.success, `${operationId}: ${JSON.stringify(parsed.error?.issues)}`);
      assert.ok(validate(answer), `${operationId}: ${JSON.stringify(validate.errors)}`);
    }
  }
});

test('the documented response schemas refuse an answer of another shape', () => {
  const { route, envelope } = documentedResponse('generateApiKey');
  const [answer] = answers.get('generateApiKey')!;
  const changed = { ...answer, response: { ...(answer!.response as object), apiKey: undefined, secret: 'x' } };
  assert.equal(route.response!.safeParse(changed.response).success, false);
  assert.equal(new Ajv({ strict: false }).validate(envelope, JSON.parse(JSON.stringify(changed))), false);
});
