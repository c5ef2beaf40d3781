import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, test } from 'node:test';
import { type ForgedCertificate, forgeCertificate, type forgeTrustChain } from '../../local/certificate-forge.js';
import { activeProvider } from '../support/device-calls.js';
import { listTableItems } from '../support/dynamodb.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { settledItems } from '../support/no-change.js';
import { openssl } from '../support/openssl.js';
import { expectOk, expectRefused, v1, v2 } from '../support/pms-calls.js';

const PM = '/v1/partnermanager';
const CHIPS = `${PM}/ftpchipdetail`;
const UPLOAD = `${CHIPS}/uploadcertificate`;
const DEACTIVATE = 'mosip.pms.deactivate.ftm.patch';
const DAY_MS = 86_400_000;

let stack: LocalStack;
let admin: string;
let ftm1: string;
let ftm2: string;
let ftm1Chain: ReturnType<typeof forgeTrustChain>;
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
const refused = (method: string, path: string, token: string, body: unknown, code: string) => expectRefused(stack, method, path, token, body, code);

/** A chip certificate "CN=<name>,O=<organisation>" issued by `issuer`, valid from yesterday for a year unless told otherwise. */
function chipCertificate(issuer: ForgedCertificate, organisation: string, options: { notBefore?: Date; notAfter?: Date } = {}) {
  return forgeCertificate({
    subject: `CN=Chip of ${organisation},O=${organisation},C=IN`,
    issuer,
    keySlot: 'ftm-chip',
    notBefore: options.notBefore ?? new Date(Date.now() - DAY_MS),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY_MS),
    ca: false,
    keyUsage: ['digitalSignature'],
  });
}

function uploadBody(providerId: string, chipId: string, certificateData: string, partnerDomain = 'FTM') {
  return v1({
    ftpProviderId: providerId,
    ftpChipDeatilId: chipId,
    isItForRegistrationDevice: true,
    certificateData,
    organizationName: 'ignored',
    partnerDomain,
  });
}

async function createChip(token: string, providerId: string, make: string, model: string): Promise<string> {
  return (await ok('POST', CHIPS, token, v1({ ftpProviderId: providerId, make, model }))).id;
}

async function auditActions(objectId: string): Promise<string[]> {
  const items = await listTableItems(stack.table);
  return items.filter((item) => item.entity === 'Audit' && item.objectId === objectId).map((item) => String(item.action));
}

const pendingChips = async () => (await ok('GET', `${PM}/admin-dashboard/counts`, admin)).pendingFtmChips;

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  ({ token: ftm1, chain: ftm1Chain } = await activeProvider(stack, admin, 'ftm-1', 'ftm'));
  ({ token: ftm2 } = await activeProvider(stack, admin, 'ftm-2', 'ftm'));
});
after(() => stack?.stop());

const state: { chipId?: string } = {};

test('the journey: a chip, its certificate validated and re-signed (openssl verifies it against pms-ca-certificates), approved, deactivated', async () => {
  const chipId = await createChip(ftm1, 'ftm-1', ' Acme ', 'Secure   Element');
  state.chipId = chipId;
  assert.match(chipId, /^[1-9][0-9]{17}$/);
  const [listed] = await ok('GET', CHIPS, ftm1);
  assert.deepEqual(
    [listed.ftmId, listed.partnerId, listed.partnerStatus, listed.make, listed.model, listed.status, listed.isActive, listed.isCertificateAvailable],
    [chipId, 'ftm-1', 'approved', 'Acme', 'Secure Element', 'pending_cert_upload', false, false],
  );
  await refused('GET', `${CHIPS}/${chipId}/certificate-data`, ftm1, undefined, 'PMS_FTM_ERROR_011');
  await refused('PATCH', `${CHIPS}/${chipId}`, ftm1, v2(DEACTIVATE, { status: 'De-Activate' }), 'PMS_FTM_ERROR_010');
  await refused('PATCH', CHIPS, admin, v1({ ftpChipDetailId: chipId, approvalStatus: true }), 'PMP_AUT_033');

  const eventsBefore = stack.events().length;
  const leaf = chipCertificate(ftm1Chain.intermediate, 'ftm-1 Chips');
  const uploaded = await ok('POST', UPLOAD, ftm1, uploadBody('ftm-1', chipId, leaf.pem));
  assert.match(uploaded.certificateId, /^[0-9a-f-]{36}$/);
  // For the FTM domain keymanager answers the chip's own trust path, as a P7B: the chip, the intermediate, the root.
  const printed = openssl(['pkcs7', '-inform', 'DER', '-print_certs', '-noout', '-in', 'chain.p7b'], {
    'chain.p7b': Buffer.from(uploaded.signedCertificateData, 'base64url'),
  });
  assert.equal(printed.status, 0, printed.stderr);
  assert.deepEqual(
    [...printed.stdout.matchAll(/subject=(.*)/g)].map((match) => /CN ?= ?([^,]+)/.exec(match[1]!)?.[1]),
    ['Chip of ftm-1 Chips', 'ftm-1 Chips Intermediate CA', 'ftm-1 Chips Root CA'],
  );
  assert.equal(await pendingChips(), 1);

  const data = await ok('GET', `${CHIPS}/${chipId}/certificate-data`, ftm1);
  assert.equal(data.caSignedCertificateData.trim(), leaf.pem.trim());
  assert.deepEqual([data.isCaSignedCertificateExpired, data.isMosipSignedCertificateExpired], [false, false]);
  const signed = new X509Certificate(data.mosipSignedCertificateData);
  assert.ok(signed.publicKey.equals(new X509Certificate(leaf.pem).publicKey), 'the chip key is kept');
  assert.equal(data.mosipSignedCertExpiryDateTime, new Date(signed.validTo).toISOString().replace(/Z$/, ''));
  const { certificateChain } = await ok('GET', `${PM}/pms-ca-certificates`, ftm1);
  const verified = openssl(['verify', '-x509_strict', '-CAfile', 'chain.pem', 'chip.pem'], {
    'chain.pem': certificateChain,
    'chip.pem': data.mosipSignedCertificateData,
  });
  assert.equal(verified.status, 0, verified.stderr);
  assert.match(verified.stdout, /chip.pem: OK/);

  await settledItems(stack);
  const published = stack
    .events()
    .slice(eventsBefore)
    .map((logged) => JSON.stringify(logged));
  assert.equal(published.length, 1);
  assert.ok(published[0]!.includes('CA_CERTIFICATE_UPLOADED') && published[0]!.includes('"partnerDomain":"FTM"'), published[0]);
  assert.ok(published[0]!.includes(uploaded.signedCertificateData), 'the event carries the chain the upload answered');

  assert.equal(await ok('PATCH', CHIPS, admin, v1({ ftpChipDetailId: chipId, approvalStatus: true })), 'Status updated successfully.');
  await refused('PATCH', CHIPS, admin, v1({ ftpChipDetailId: chipId, approvalStatus: false }), 'PMS_FTM_ERROR_101');
  assert.equal(await pendingChips(), 0);
  const [approved] = await ok('GET', CHIPS, ftm1);
  assert.deepEqual([approved.status, approved.isActive, approved.isCertificateAvailable, approved.isCertificateExpired], ['approved', true, true, false]);
  assert.equal(approved.certificateExpiryDateTime, new Date(new X509Certificate(leaf.pem).validTo).toISOString().replace(/Z$/, ''));
  assert.equal((await ok('GET', `${CHIPS}/getPartnerCertificate/${chipId}`, ftm1)).certificateData, data.mosipSignedCertificateData);

  assert.deepEqual(await ok('PATCH', `${CHIPS}/${chipId}`, ftm1, v2(DEACTIVATE, { status: 'De-Activate' })), {
    ftmId: chipId,
    status: 'approved',
    isActive: false,
  });
  await refused('PATCH', `${CHIPS}/${chipId}`, ftm1, v2(DEACTIVATE, { status: 'De-Activate' }), 'PMS_FTM_ERROR_007');
  await refused('PATCH', CHIPS, admin, v1({ ftpChipDetailId: chipId, approvalStatus: true }), 'PMS_FTM_ERROR_007');
  await refused('GET', `${CHIPS}/${chipId}/certificate-data`, ftm1, undefined, 'PMS_FTM_ERROR_009');
  await refused('POST', UPLOAD, ftm1, uploadBody('ftm-1', chipId, leaf.pem), 'PMP_AUT_039');

  const page = await ok('GET', `${CHIPS}/v2?status=deactivated&orgName=FTM-1&pageNo=0&pageSize=8`, admin);
  assert.deepEqual(
    page.data.map((row: Record<string, unknown>) => [row.ftmId, row.partnerId, row.orgName, row.status, row.isActive, row.isCertificateAvailable]),
    [[chipId, 'ftm-1', 'ftm-1 Chips', 'deactivated', false, true]],
  );
  assert.equal(page.totalResults, 1);
  assert.deepEqual(await auditActions(chipId), ['createFtmChip', 'uploadFtmChipCertificate', 'approveFtmChip', 'deactivateFtmChip']);
});

test('bad chips and bad certificates get MOSIP codes and write nothing', async () => {
  const chipId = await createChip(ftm1, 'ftm-1', 'Globex', 'G1');
  await refused('POST', CHIPS, ftm1, v1({ ftpProviderId: 'ftm-1', make: 'globex ', model: ' g1' }), 'PMP_AUT_032');
  await refused('POST', CHIPS, ftm1, v1({ ftpProviderId: 'nobody', make: 'Globex', model: 'G2' }), 'PMP_AUT_030');
  const tooLong = await stack.request('POST', CHIPS, { token: ftm1, body: v1({ ftpProviderId: 'ftm-1', make: 'm'.repeat(37), model: 'x' }) });
  assert.deepEqual([tooLong.status, tooLong.json.errors[0].errorCode], [400, 'PMS_COR_001']);
  assert.match(tooLong.json.errors[0].message, /request\.make$/);

  // A CA of another domain: trusted for AUTH, not for FTM.
  const foreignRoot = forgeCertificate({
    subject: 'CN=Foreign Root CA,O=Foreign,C=IN',
    keySlot: 'foreign-root',
    ca: true,
    notAfter: new Date(Date.now() + 5 * 365 * DAY_MS),
  });
  await ok('POST', `${PM}/partners/certificate/ca/upload`, admin, v1({ certificateData: foreignRoot.pem, partnerDomain: 'AUTH' }));
  await refused('POST', UPLOAD, ftm1, uploadBody('ftm-1', chipId, chipCertificate(foreignRoot, 'ftm-1 Chips').pem), 'KER-PCM-006');
  const expired = chipCertificate(ftm1Chain.intermediate, 'ftm-1 Chips', {
    notBefore: new Date(Date.now() - 40 * DAY_MS),
    notAfter: new Date(Date.now() - DAY_MS),
  });
  await refused('POST', UPLOAD, ftm1, uploadBody('ftm-1', chipId, expired.pem), 'KER-PCM-004');
  await refused('POST', UPLOAD, ftm1, uploadBody('ftm-1', chipId, chipCertificate(ftm1Chain.intermediate, 'Other Org').pem), 'KER-PCM-008');
  await refused('POST', UPLOAD, ftm1, uploadBody('ftm-1', chipId, chipCertificate(ftm1Chain.intermediate, 'ftm-1 Chips').pem, 'AUTH'), 'KER-PCM-011');
  await refused('POST', UPLOAD, ftm1, uploadBody('ftm-1', '999999', chipCertificate(ftm1Chain.intermediate, 'ftm-1 Chips').pem), 'PMP_AUT_031');

  await refused('GET', `${CHIPS}/abc/certificate-data`, ftm1, undefined, 'PMS_PRT_099');
  await refused('GET', `${CHIPS}/0191230330/certificate-data`, ftm1, undefined, 'PMS_FTM_ERROR_005');
  await refused('PATCH', `${CHIPS}/${chipId}`, ftm1, v2(DEACTIVATE, { status: 'Deactivate' }), 'PMS_DEVICE_ERROR_026');

  // A chip waiting for its certificate may be rejected; that frees its make and model, and it is final.
  assert.equal(await ok('PATCH', CHIPS, admin, v1({ ftpChipDetailId: chipId, approvalStatus: false })), 'Status updated successfully.');
  await refused('PATCH', CHIPS, admin, v1({ ftpChipDetailId: chipId, approvalStatus: true }), 'PMS_FTM_ERROR_102');
  await refused('GET', `${CHIPS}/${chipId}/certificate-data`, ftm1, undefined, 'PMS_FTM_ERROR_008');
  await refused('PUT', CHIPS, ftm1, v1({ ftpChipDetailId: chipId, make: 'Globex', model: 'G9' }), 'PMS_FTM_ERROR_103');
  await refused('POST', UPLOAD, ftm1, uploadBody('ftm-1', chipId, chipCertificate(ftm1Chain.intermediate, 'ftm-1 Chips').pem), 'PMP_AUT_038');
  assert.notEqual(await createChip(ftm1, 'ftm-1', 'Globex', 'G1'), chipId);
});

test('another provider is refused on every route that names a chip or a provider', async () => {
  const chipId = await createChip(ftm1, 'ftm-1', 'Initech', 'I1');
  const ownChip = await createChip(ftm2, 'ftm-2', 'Initech', 'I1');
  const foreignLeaf = chipCertificate(ftm1Chain.intermediate, 'ftm-1 Chips').pem;
  await refused('POST', CHIPS, ftm2, v1({ ftpProviderId: 'ftm-1', make: 'Initech', model: 'I2' }), 'PMP_AUT_030');
  await refused('POST', UPLOAD, ftm2, uploadBody('ftm-1', chipId, foreignLeaf), 'PMP_AUT_030');
  await refused('POST', UPLOAD, ftm2, uploadBody('ftm-2', chipId, foreignLeaf), 'PMP_AUT_034');
  await refused('PUT', CHIPS, ftm2, v1({ ftpChipDetailId: chipId, make: 'Hijacked', model: 'H1' }), 'PMP_AUT_031');
  await refused('PATCH', `${CHIPS}/${chipId}`, ftm2, v2(DEACTIVATE, { status: 'De-Activate' }), 'PMS_FTM_ERROR_006');
  await refused('GET', `${CHIPS}/${chipId}/certificate-data`, ftm2, undefined, 'PMS_FTM_ERROR_006');
  await refused('GET', `${CHIPS}/getPartnerCertificate/${chipId}`, ftm2, undefined, 'PMP_AUT_031');
  assert.deepEqual(
    (await ok('GET', CHIPS, ftm2)).map((chip: Record<string, unknown>) => chip.ftmId),
    [ownChip],
  );
  const search = await ok('POST', `${CHIPS}/search`, ftm2, v1({ filters: [], sort: [], pagination: { pageStart: 0, pageFetch: 10 }, purpose: 'REGISTRATION' }));
  assert.deepEqual(
    search.data.map((row: Record<string, unknown>) => row.ftpChipDetailId),
    [ownChip],
  );
  assert.equal((await ok('PUT', CHIPS, ftm1, v1({ ftpChipDetailId: chipId, make: 'Initech', model: 'I3' }))).id, chipId);
});

test("ten days before an approved chip's certificate stops serving, its provider is told (notificationType=ftm-chip), of no other chip", async () => {
  const chipId = await createChip(ftm1, 'ftm-1', 'Stark', 'S1');
  const leaf = chipCertificate(ftm1Chain.intermediate, 'ftm-1 Chips', { notAfter: new Date(Date.now() + 2 * 365 * DAY_MS) });
  await ok('POST', UPLOAD, ftm1, uploadBody('ftm-1', chipId, leaf.pem));
  await ok('PATCH', CHIPS, admin, v1({ ftpChipDetailId: chipId, approvalStatus: true }));
  // The PMS-signed copy (a year) expires before the chip's own certificate (two years): that is when it stops serving.
  const { mosipSignedCertExpiryDateTime: expiry } = await ok('GET', `${CHIPS}/${chipId}/certificate-data`, ftm1);
  const tenDaysBefore = new Date(Date.parse(`${expiry.slice(0, 10)}T06:00:00.000Z`) - 10 * DAY_MS);
  const { code, stderr } = await stack.runJob('expiry-notifications', tenDaysBefore);
  assert.equal(code, 0, stderr);
  await settledItems(stack);
  const listed = await ok('GET', `${PM}/notifications?notificationType=ftm-chip&pageSize=10`, ftm1);
  assert.deepEqual(
    listed.data.map((row: { notificationType: string; notificationDetails: { ftmDetails: Record<string, string>[] } }) => [
      row.notificationType,
      row.notificationDetails.ftmDetails.map((detail) => [detail.ftmId, detail.make, detail.model, detail.partnerId, detail.expiryPeriod]),
    ]),
    [['FTM_CHIP_CERT_EXPIRY', [[chipId, 'Stark', 'S1', 'ftm-1', '10']]]],
  );
  assert.equal((await ok('GET', `${PM}/notifications?notificationType=ftm-chip&pageSize=10`, ftm2)).totalResults, 0);
});

test('twenty parallel decisions on one chip: one outcome, one audit record', async () => {
  const chipId = await createChip(ftm1, 'ftm-1', 'Umbrella', 'U1');
  await ok('POST', UPLOAD, ftm1, uploadBody('ftm-1', chipId, chipCertificate(ftm1Chain.intermediate, 'ftm-1 Chips').pem));
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, index) =>
      stack.request('PATCH', CHIPS, { token: admin, body: v1({ ftpChipDetailId: chipId, approvalStatus: index % 2 === 0 }) }),
    ),
  );
  assert.equal(answers.filter(({ json }) => json.errors.length === 0).length, 1);
  const decisions = (await auditActions(chipId)).filter((action) => action === 'approveFtmChip' || action === 'rejectFtmChip');
  assert.equal(decisions.length, 1);
  const [row] = (await ok('GET', `${CHIPS}/v2?ftmId=${chipId}`, admin)).data;
  assert.equal(row.status, decisions[0] === 'approveFtmChip' ? 'approved' : 'rejected');
});
