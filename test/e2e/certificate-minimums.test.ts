import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forgeCertificate } from '../../local/certificate-forge.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { expectOk, expectRefused, v1 } from '../support/pms-calls.js';

const PM = '/v1/partnermanager';
const DAY_MS = 24 * 60 * 60 * 1000;
let stack: LocalStack;
let admin: string;
let partner: string;

// npm start hands its own environment to the functions: the minimums set here reach the upload handlers.
before(async () => {
  // Also MOSIP's activation on upload, so that this file covers that setting of npm start's environment too.
  stack = await startLocalStack({
    env: { CA_CERT_MIN_VALIDITY_MONTHS: '1', PARTNER_CERT_MIN_VALIDITY_DAYS: '0', SELF_REGISTERED_PARTNER_ACTIVATION: 'on-certificate-upload' },
  });
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  partner = await stack.token('bank-9', ['AUTH_PARTNER']);
  await expectOk(stack, 'POST', '/v1/policymanager/policies/group/new', admin, v1({ name: 'Banks', desc: 'banks' }));
  await expectOk(
    stack,
    'POST',
    `${PM}/partners`,
    partner,
    v1({
      partnerId: 'bank-9',
      organizationName: 'bank-9 Ltd',
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: 'bank-9@example.org',
      partnerType: 'Auth_Partner',
      policyGroup: 'Banks',
    }),
  );
});
after(() => stack?.stop());

test('the minimums from the environment of npm start: 1 month for CA certificates, 0 days for partner certificates', async () => {
  const now = Date.now();
  const rootExpiringIn = (days: number, slot: string) =>
    forgeCertificate({
      subject: `CN=${slot},O=bank-9 Ltd,C=IN`,
      keySlot: slot,
      ca: true,
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + days * DAY_MS),
    });
  const uploadCa = (pem: string) => v1({ certificateData: pem, partnerDomain: 'AUTH' });

  await expectRefused(stack, 'POST', `${PM}/partners/certificate/ca/upload`, admin, uploadCa(rootExpiringIn(20, 'minimums-short-root').pem), 'KER-PCM-017');
  const root = rootExpiringIn(40, 'minimums-root');
  assert.equal((await expectOk(stack, 'POST', `${PM}/partners/certificate/ca/upload`, admin, uploadCa(root.pem))).status, 'Upload Success.');

  const leaf = forgeCertificate({
    subject: 'CN=bank-9 signing,O=bank-9 Ltd,C=IN',
    issuer: root,
    keySlot: 'minimums-leaf',
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 2 * DAY_MS),
  });
  const answer = await expectOk(
    stack,
    'POST',
    `${PM}/partners/certificate/upload`,
    partner,
    v1({ partnerId: 'bank-9', certificateData: leaf.pem, partnerDomain: 'AUTH' }),
  );
  assert.match(answer.certificateId, /^[0-9a-f-]{36}$/);
  assert.equal((await expectOk(stack, 'GET', `${PM}/partners/bank-9`, partner)).isActive, true);
});
