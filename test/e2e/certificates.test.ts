import assert from 'node:assert/strict';
import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import { after, before, test } from 'node:test';
import { forgeCertificate, forgeTrustChain } from '../../local/certificate-forge.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { settledItems } from '../support/no-change.js';
import { openssl } from '../support/openssl.js';
import { activateAsAdmin, expectOk, expectRefused, v1 } from '../support/pms-calls.js';

const PM = '/v1/partnermanager';
const CA_UPLOAD = `${PM}/partners/certificate/ca/upload`;
const UPLOAD = `${PM}/partners/certificate/upload`;
const POLICIES = '/v1/policymanager/policies';
let stack: LocalStack;
let admin: string;
let bank1: string;
let bank2: string;
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
const refused = (method: string, path: string, token: string, body: unknown, code: string) => expectRefused(stack, method, path, token, body, code);

const bankChain = forgeTrustChain({ organization: 'bank-1 Ltd', commonName: 'bank-1 signing' });
const otherChain = forgeTrustChain({ organization: 'bank-2 Ltd' });

async function registered(user: string, token: string) {
  await ok(
    'POST',
    `${PM}/partners`,
    token,
    v1({
      partnerId: user,
      organizationName: `${user} Ltd`,
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: `${user}@example.org`,
      partnerType: 'Auth_Partner',
      policyGroup: 'Banks',
    }),
  );
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  bank1 = await stack.token('bank-1', ['AUTH_PARTNER']);
  bank2 = await stack.token('bank-2', ['AUTH_PARTNER']);
  await ok('POST', `${POLICIES}/group/new`, admin, v1({ name: 'Banks', desc: 'banks' }));
  await registered('bank-1', bank1);
  await registered('bank-2', bank2);
});
after(() => stack?.stop());

test('the journey: admin uploads root and intermediate for AUTH, the self-registered partner uploads its certificate, a partner admin activates it, and openssl accepts the MOSIP-signed one', async () => {
  const root = await ok('POST', CA_UPLOAD, admin, v1({ certificateData: bankChain.root.pem, partnerDomain: 'auth' }));
  assert.equal(root.status, 'Upload Success.');
  assert.match(root.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
  assert.equal((await ok('POST', CA_UPLOAD, admin, v1({ certificateData: bankChain.intermediate.pem, partnerDomain: 'AUTH' }))).status, 'Upload Success.');
  const eventsBefore = stack.events().length;
  const answer = await ok('POST', UPLOAD, bank1, v1({ partnerId: 'bank-1', certificateData: bankChain.leaf.pem, partnerDomain: 'AUTH' }));
  assert.match(answer.certificateId, /^[0-9a-f-]{36}$/);
  const signed = new X509Certificate(answer.signedCertificateData);
  const original = new X509Certificate(bankChain.leaf.pem);
  assert.equal(signed.subject, original.subject, 'subject kept');
  assert.ok(signed.publicKey.equals(original.publicKey), 'the partner key is kept');
  assert.match(signed.issuer, /CN=PMS ISSUING CA/);

  // A certificate is public: uploading one does not make a self-registered partner active, a partner admin does.
  const pending = await ok('GET', `${PM}/partners/bank-1`, bank1);
  assert.equal(pending.isActive, false);
  await refused('POST', `${PM}/partners/bank-1/policy/map`, bank1, v1({ policyName: 'any', useCaseDescription: 'x' }), 'PMS_PMP_016');
  await activateAsAdmin(stack, admin, 'bank-1');
  const partner = await ok('GET', `${PM}/partners/bank-1`, bank1);
  assert.deepEqual([partner.isActive, partner.status], [true, 'active']);

  const { certificateChain } = await ok('GET', `${PM}/pms-ca-certificates`, bank2);
  const verified = openssl(['verify', '-x509_strict', '-CAfile', 'chain.pem', 'partner.pem'], {
    'chain.pem': certificateChain,
    'partner.pem': answer.signedCertificateData,
  });
  assert.equal(verified.status, 0, verified.stderr);
  assert.match(verified.stdout, /partner.pem: OK/);

  const download = await ok('GET', `${PM}/partners/bank-1/certificate`, bank1);
  assert.equal(download.certificateData, answer.signedCertificateData);

  await settledItems(stack);
  const published = stack
    .events()
    .slice(eventsBefore)
    .map((logged) => JSON.stringify(logged));
  const updates = published.filter((text) => text.includes('PARTNER_UPDATED'));
  // The upload announces the certificate of a partner still pending; the admin's activation, the partner active.
  assert.deepEqual(
    updates.map((text) => /"partnerStatus":"(\w+)"/.exec(text)?.[1]),
    ['DEACTIVE', 'ACTIVE'],
  );
  const updated = updates[1];
  const chainEvent = published.find((text) => text.includes('CA_CERTIFICATE_UPLOADED'));
  assert.ok(updated?.includes('"partnerStatus":"ACTIVE"') && updated.includes(JSON.stringify(answer.signedCertificateData).slice(1, 60)), updated);
  assert.ok(chainEvent?.includes('"partnerDomain":"AUTH"') && chainEvent.includes('certChainData'), chainEvent);
});

test('uploading the same certificate again answers as before and writes nothing new', async () => {
  const first = await ok('GET', `${PM}/partners/bank-1/certificate`, bank1);
  const items = (await settledItems(stack)).length;
  const again = await ok('POST', UPLOAD, bank1, v1({ partnerId: 'bank-1', certificateData: bankChain.leaf.pem, partnerDomain: 'AUTH' }));
  assert.equal(again.signedCertificateData, first.certificateData);
  assert.equal((await settledItems(stack)).length, items);
});

test("certificate-data gives both certificates with their expiry flags; details list the caller's partners", async () => {
  const data = await ok('GET', `${PM}/partners/bank-1/certificate-data`, bank1);
  assert.equal(new X509Certificate(data.caSignedCertificateData).fingerprint256, new X509Certificate(bankChain.leaf.pem).fingerprint256);
  assert.match(data.mosipSignedCertificateData, /BEGIN CERTIFICATE/);
  assert.deepEqual([data.isCaSignedCertificateExpired, data.isMosipSignedCertificateExpired], [false, false]);

  const details = await ok('GET', `${PM}/partners/partner-certificates-details`, bank1);
  assert.equal(details.length, 1);
  assert.deepEqual(
    [details[0].partnerId, details[0].certificateIssuedTo, details[0].isCertificateAvailable, details[0].isPartnerActive],
    ['bank-1', 'bank-1 signing', true, true],
  );
  // Expiring within 30 days: the two-year certificate is not.
  assert.deepEqual(await ok('GET', `${PM}/partners/partner-certificates-details?expiryPeriod=30`, bank1), []);
  const { status } = await stack.request('GET', `${PM}/partners/partner-certificates-details?expiryPeriod=31`, { token: bank1 });
  assert.equal(status, 400);
});

test('partner A can neither upload for nor download partner B; a partner cannot upload CA certificates', async () => {
  // Another user's partner is answered exactly as a missing one (MOSIP's PMS_PRT_005).
  await refused('POST', UPLOAD, bank1, v1({ partnerId: 'bank-2', certificateData: otherChain.leaf.pem, partnerDomain: 'AUTH' }), 'PMS_PRT_005');
  await refused('GET', `${PM}/partners/bank-2/certificate`, bank1, undefined, 'PMS_PRT_005');
  await refused('GET', `${PM}/partners/bank-2/certificate-data`, bank1, undefined, 'PMS_CERTIFICATE_ERROR_007');
  const { status } = await stack.request('POST', CA_UPLOAD, { token: bank1, body: v1({ certificateData: otherChain.root.pem, partnerDomain: 'AUTH' }) });
  assert.equal(status, 403);
});

test('upload refusals carry their codes and write nothing', async () => {
  const upload = (certificateData: string, partnerDomain = 'AUTH') => v1({ partnerId: 'bank-2', certificateData, partnerDomain });
  // bank-2's issuers are not in the AUTH trust store yet.
  await refused('POST', UPLOAD, bank2, upload(otherChain.leaf.pem), 'KER-PCM-006');
  await refused('POST', UPLOAD, bank2, upload(otherChain.leaf.pem, 'DEVICE'), 'KER-PCM-011');
  await refused('POST', UPLOAD, bank2, upload(otherChain.leaf.pem + otherChain.intermediate.pem), 'KER-PCM-116');
  await refused('POST', UPLOAD, bank2, upload('not a certificate'), 'KER-KMS-013');
  // bank-1's certificate, chaining fine, names another organisation.
  await refused('POST', UPLOAD, bank2, upload(bankChain.leaf.pem), 'KER-PCM-008');
  const selfSigned = forgeCertificate({ subject: 'CN=bank-2,O=bank-2 Ltd,C=IN', notAfter: new Date(Date.now() + 400 * 86400000) });
  await refused('POST', UPLOAD, bank2, upload(selfSigned.pem), 'KER-PCM-015');
  await refused('POST', CA_UPLOAD, admin, v1({ certificateData: bankChain.root.pem, partnerDomain: 'AUTH' }), 'KER-PCM-003');
  await refused('POST', CA_UPLOAD, admin, v1({ certificateData: otherChain.intermediate.pem, partnerDomain: 'AUTH' }), 'KER-PCM-005');
  await refused('POST', CA_UPLOAD, admin, v1({ certificateData: otherChain.root.pem, partnerDomain: 'SPACE' }), 'KER-PCM-011');
  await refused('POST', CA_UPLOAD, admin, v1({ certificateData: 'not a certificate', partnerDomain: 'AUTH' }), 'KER-CRY-003');
});

test('a chain in one upload (intermediate before root) is stored issuers first; lists and trust-path downloads see it', async () => {
  const answer = await ok('POST', CA_UPLOAD, admin, v1({ certificateData: otherChain.intermediate.pem + otherChain.root.pem, partnerDomain: 'AUTH' }));
  assert.equal(answer.status, 'Upload Success.');
  const page = await ok('GET', `${PM}/trust-chain-certificates?partnerDomain=AUTH&issuedTo=bank-2&sortFieldName=caCertificateType&sortType=desc`, admin);
  assert.equal(page.totalResults, 2);
  assert.deepEqual(
    page.data.map((row: { caCertificateType: string }) => row.caCertificateType),
    ['ROOT', 'INTERMEDIATE'],
  );
  const intermediate = page.data[1];
  assert.equal(intermediate.certThumbprint, createHash('sha1').update(new X509Certificate(otherChain.intermediate.pem).raw).digest('hex'));
  assert.equal(intermediate.status, true);

  const { p7bFile } = await ok('GET', `${PM}/trust-chain-certificates/${intermediate.certId}/certificateFile`, admin);
  const printed = openssl(['pkcs7', '-print_certs', '-noout', '-in', 'path.p7b'], { 'path.p7b': p7bFile });
  assert.equal(printed.status, 0, printed.stderr);
  assert.equal(printed.stdout.match(/subject=/g)?.length, 2, printed.stdout);
  await refused('GET', `${PM}/trust-chain-certificates/${'0'.repeat(36)}/certificateFile`, admin, undefined, 'KER-PMS-019');
  await refused('GET', `${PM}/trust-chain-certificates/bad_id!/certificateFile`, admin, undefined, 'PMS_PRT_099');

  // Now bank-2 chains, and a partner admin activates it.
  await ok('POST', UPLOAD, bank2, v1({ partnerId: 'bank-2', certificateData: otherChain.leaf.pem, partnerDomain: 'AUTH' }));
  await activateAsAdmin(stack, admin, 'bank-2');
  assert.equal((await ok('GET', `${PM}/partners/bank-2`, bank2)).isActive, true);
  // Nothing in the trust store expires within 30 days.
  assert.equal((await ok('GET', `${PM}/trust-chain-certificates?expiryPeriod=30`, admin)).totalResults, 0);
});

test("an admin's deactivation of a partner not yet approved holds: its certificate upload is refused (PMS_PMP_016) and it stays inactive", async () => {
  const lateChain = forgeTrustChain({ organization: 'bank-3 Ltd' });
  await ok('POST', CA_UPLOAD, admin, v1({ certificateData: lateChain.root.pem + lateChain.intermediate.pem, partnerDomain: 'AUTH' }));
  const bank3 = await stack.token('bank-3', ['AUTH_PARTNER']);
  await registered('bank-3', bank3);

  const deactivated = await ok('PATCH', `${PM}/partners/bank-3`, admin, v1({ status: 'De-Active' }));
  assert.deepEqual(deactivated, { message: 'Partner de-activated successfully' });

  // The same upload that stored bank-1's and bank-2's certificates above.
  await refused('POST', UPLOAD, bank3, v1({ partnerId: 'bank-3', certificateData: lateChain.leaf.pem, partnerDomain: 'AUTH' }), 'PMS_PMP_016');
  const partner = await ok('GET', `${PM}/partners/bank-3`, bank3);
  assert.deepEqual([partner.isActive, partner.status], [false, 'De-active']);
  const [row] = (await ok('GET', `${PM}/admin-partners?partnerId=bank-3`, admin)).data;
  assert.deepEqual([row.status, row.isActive, row.certificateUploadStatus], ['InProgress', false, 'not_uploaded']);
  // What a deactivated partner is refused stays refused, and the deactivation is as final as MOSIP's.
  await refused('POST', `${PM}/partners/bank-3/policy/map`, bank3, v1({ policyName: 'any', useCaseDescription: 'authentication' }), 'PMS_PMP_016');
  await refused('PATCH', `${PM}/partners/bank-3`, admin, v1({ status: 'Active' }), 'PMS_PM_063');
  await refused('PATCH', `${PM}/partners/bank-3`, admin, v1({ status: 'De-Active' }), 'PMS_PM_063');
});

test("impersonation: a user who registers another organisation's name and uploads its public certificate stays pending and can do nothing", async () => {
  const heidiChain = forgeTrustChain({ organization: 'Heidi Bank', commonName: 'Heidi Bank signing' });
  await ok('POST', CA_UPLOAD, admin, v1({ certificateData: heidiChain.root.pem + heidiChain.intermediate.pem, partnerDomain: 'AUTH' }));
  const impostor = await stack.token('impostor', ['AUTH_PARTNER']);
  await ok(
    'POST',
    `${PM}/partners`,
    impostor,
    v1({
      partnerId: 'impostor',
      organizationName: 'Heidi Bank',
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: 'impostor@example.org',
      partnerType: 'Auth_Partner',
      policyGroup: 'Banks',
    }),
  );
  // Heidi Bank's certificate is public: the upload passes every certificate rule.
  await ok('POST', UPLOAD, impostor, v1({ partnerId: 'impostor', certificateData: heidiChain.leaf.pem, partnerDomain: 'AUTH' }));
  const partner = await ok('GET', `${PM}/partners/impostor`, impostor);
  assert.equal(partner.isActive, false);
  await refused('POST', `${PM}/partners/impostor/policy/map`, impostor, v1({ policyName: 'any', useCaseDescription: 'authentication' }), 'PMS_PMP_016');
  const [row] = (await ok('GET', `${PM}/admin-partners?partnerId=impostor`, admin)).data;
  assert.deepEqual([row.status, row.isActive], ['InProgress', false]);
});

test("a partner an admin registered is bound to its owner's subject at the owner's first upload: the same username under another sub then owns nothing", async () => {
  const chain = forgeTrustChain({ organization: 'bank-4 Ltd' });
  await ok('POST', CA_UPLOAD, admin, v1({ certificateData: chain.root.pem + chain.intermediate.pem, partnerDomain: 'AUTH' }));
  await registered('bank-4', admin);
  const owner = await stack.token('bank-4', ['AUTH_PARTNER']);
  const namesake = await stack.token('bank-4', ['AUTH_PARTNER'], { subject: randomUUID() });
  // Unbound until the owner acts: MOSIP's username is all an admin's registration knows of the owner.
  assert.equal((await ok('GET', `${PM}/partners/bank-4`, namesake)).partnerID, 'bank-4');
  await ok('POST', UPLOAD, owner, v1({ partnerId: 'bank-4', certificateData: chain.leaf.pem, partnerDomain: 'AUTH' }));
  await refused('GET', `${PM}/partners/bank-4`, namesake, undefined, 'PMS_PRT_005');
  await refused('POST', UPLOAD, namesake, v1({ partnerId: 'bank-4', certificateData: chain.leaf.pem, partnerDomain: 'AUTH' }), 'PMS_PRT_005');
  assert.equal((await ok('GET', `${PM}/partners/bank-4`, owner)).partnerID, 'bank-4');
});
