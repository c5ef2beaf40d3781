import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { after, before, test } from 'node:test';
import { VERIFICATION_ERRORS as E } from '../../functions/errors/verification-errors.js';
import { forgeTrustChain } from '../../local/certificate-forge.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { activateAsAdmin, expectOk, expectRefused, v1 } from '../support/pms-calls.js';
import { AUTH_POLICY } from '../support/sample-policies.js';

/**
 * The journey of seed 001 (partner onboarding for authentication), through the API only: an authentication partner
 * registers in a policy group, the admin uploads the CA, the partner uploads its certificate (and so becomes
 * active), requests a policy, the admin approves, the partner generates an API key; a MISP, onboarded the same way,
 * gets a license key; IDA's verification says allow, then deny with the right code after each deactivation.
 */
const PM = '/v1/partnermanager';
const POLICIES = '/v1/policymanager/policies';
let stack: LocalStack;
let admin: string;
let ida: string;
let bank: string;
let misp: string;
let policyId: string;
let apiKey: string;
let licenseKey: string;
let signedThumbprint: string;
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
const bankChain = forgeTrustChain({ organization: 'First Bank Ltd', commonName: 'first-bank auth' });
const mispChain = forgeTrustChain({ organization: 'Telco MISP Ltd', commonName: 'telco-misp' });

const verify = (overrides: Record<string, unknown> = {}) =>
  stack.request('POST', `${PM}/partners/authenticate/verify`, {
    token: ida,
    body: v1({ partnerId: 'first-bank', apiKey, mispLicenseKey: licenseKey, ...overrides }),
  });

async function allowed() {
  const { json } = await verify({ certificateThumbprint: signedThumbprint });
  assert.deepEqual(json.errors ?? [], [], JSON.stringify(json.errors));
  return json.response;
}

async function denied(error: { code: string; message: string }) {
  const { json } = await verify();
  assert.deepEqual(json.errors, [{ errorCode: error.code, message: error.message }]);
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  ida = await stack.token('ida-client', ['ID_AUTHENTICATION']);
  bank = await stack.token('first-bank', ['AUTH_PARTNER']);
  misp = await stack.token('telco-misp', ['MISP_PARTNER']);
});
after(() => stack?.stop());

test('seed 001: onboarding to an allowed verification', async () => {
  const groupId = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name: 'Banks', desc: 'Authentication partners that are banks' }))).id;
  policyId = (
    await ok(
      'POST',
      POLICIES,
      admin,
      v1({ policyGroupName: 'Banks', policyType: 'Auth', name: 'eKYC', desc: 'eKYC for banks', version: '1.0', policies: AUTH_POLICY }),
    )
  ).id;
  await ok('POST', `${POLICIES}/${policyId}/group/${groupId}/publish`, admin);

  // The partner registers in the group; it is not active yet.
  await ok(
    'POST',
    `${PM}/partners`,
    bank,
    v1({
      partnerId: 'first-bank',
      organizationName: 'First Bank Ltd',
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: 'ops@first-bank.example',
      partnerType: 'Auth_Partner',
      policyGroup: 'Banks',
    }),
  );
  assert.equal((await ok('GET', `${PM}/partners/first-bank`, bank)).isActive, false);

  // The admin uploads the CA chains; the self-registered partner uploads its certificate, and a partner admin, who
  // knows the bank, approves and activates it (a certificate is public, so its upload alone proves nothing).
  for (const chain of [bankChain, mispChain]) {
    await ok('POST', `${PM}/partners/certificate/ca/upload`, admin, v1({ certificateData: chain.root.pem + chain.intermediate.pem, partnerDomain: 'AUTH' }));
  }
  const uploaded = await ok(
    'POST',
    `${PM}/partners/certificate/upload`,
    bank,
    v1({ partnerId: 'first-bank', certificateData: bankChain.leaf.pem, partnerDomain: 'AUTH' }),
  );
  signedThumbprint = createHash('sha256').update(new X509Certificate(uploaded.signedCertificateData).raw).digest('hex');
  assert.equal((await ok('GET', `${PM}/partners/first-bank`, bank)).isActive, false);
  await activateAsAdmin(stack, admin, 'first-bank');
  assert.equal((await ok('GET', `${PM}/partners/first-bank`, bank)).isActive, true);

  // Policy request, approval, API key with a label.
  const { mappingkey } = await ok('POST', `${PM}/partners/first-bank/policy/map`, bank, v1({ policyName: 'eKYC', useCaseDescription: 'eKYC at branches' }));
  await ok('PUT', `${PM}/partners/policy/${mappingkey}`, admin, v1({ status: 'approved' }));
  apiKey = (await ok('PATCH', `${PM}/partners/first-bank/generate/apikey`, bank, v1({ policyName: 'eKYC', label: 'Branch App' }))).apiKey;

  // The MISP: onboarded by the admin for its user, active through its certificate, then its license key.
  await ok(
    'POST',
    `${PM}/partners`,
    admin,
    v1({
      partnerId: 'telco-misp',
      organizationName: 'Telco MISP Ltd',
      address: 'Mombasa',
      contactNumber: '+254711000000',
      emailId: 'misp@telco.example',
      partnerType: 'MISP_Partner',
      langCode: 'eng',
    }),
  );
  await ok('POST', `${PM}/partners/certificate/upload`, misp, v1({ partnerId: 'telco-misp', certificateData: mispChain.leaf.pem, partnerDomain: 'AUTH' }));
  licenseKey = (await ok('POST', `${PM}/misps`, misp, v1({ providerId: 'telco-misp' }))).licenseKey;

  const answer = await allowed();
  assert.deepEqual(
    [answer.partnerId, answer.partnerStatus, answer.policyId, answer.policyName, answer.policyStatus],
    ['first-bank', 'ACTIVE', policyId, 'eKYC', 'ACTIVE'],
  );
  assert.equal(answer.certificateData, uploaded.signedCertificateData, 'IDA gets the MOSIP-signed certificate');
  // A thumbprint that is not the partner's certificate is not accepted.
  const wrongThumbprint = await verify({ certificateThumbprint: 'ab'.repeat(32) });
  assert.equal(wrongThumbprint.json.errors[0].errorCode, E.NOT_MAPPED.code);
});

test('each deactivation makes verification deny with its code', async () => {
  const keyStatus = (status: string) => ok('PATCH', `${PM}/partners/first-bank/policy/${policyId}/apiKey/status`, bank, v1({ label: 'Branch App', status }));
  await keyStatus('De-Active');
  await denied(E.KEY_NOT_ACTIVE);
  await keyStatus('Active');
  await allowed();

  const licenseStatus = (licenseKeyStatus: string) => ok('PUT', `${PM}/misps`, misp, v1({ providerId: 'telco-misp', licenseKey, licenseKeyStatus }));
  await licenseStatus('De-Active');
  await denied(E.LICENSE_BLOCKED);
  await licenseStatus('Active');
  await allowed();

  // A policy with an approved link cannot be deactivated (so its keys keep verifying).
  const deactivatePolicy = {
    id: 'mosip.pms.deactivate.policy.patch',
    version: '1.0',
    requestTime: new Date().toISOString(),
    metadata: {},
    request: { status: 'De-Activate' },
  };
  await expectRefused(stack, 'PATCH', `${POLICIES}/${policyId}`, admin, deactivatePolicy, 'PMS_POL_063');
  await allowed();

  await ok('PATCH', `${PM}/partners/first-bank`, admin, v1({ status: 'De-Active' }));
  await denied(E.PARTNER_NOT_ACTIVE);
});
