import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dynamoPartnerRepository } from '../../functions/adapters/dynamodb/partner-repository.js';
import { dynamoPolicyRequestRepository } from '../../functions/adapters/dynamodb/policy-request-repository.js';
import type { Role } from '../../functions/auth/roles.js';
import { auditEntry } from '../../functions/domain/audit.js';
import { listTableItems } from '../support/dynamodb.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { withoutChanges } from '../support/no-change.js';
import { DATA_SHARE_POLICY } from '../support/sample-policies.js';

const PM = '/v1/partnermanager';
const POLICIES = '/v1/policymanager/policies';
const CONSENT = `${PM}/users/user-consent`;
const ALLOWED_TYPES = 'auth,qrcode,euin,reprint,vercred,opencrvs';

let stack: LocalStack;
let admin: string;
let printerA: string;
let printerB: string;
const policyIds: Record<string, string> = {};

const now = () => new Date().toISOString();
const v1 = (request: unknown) => ({ id: 'mosip.pms.test', version: '1.0', requesttime: now(), metadata: {}, request });

async function ok(method: string, path: string, token: string, body?: unknown) {
  const result = await stack.request(method, path, { token, ...(body === undefined ? {} : { body }) });
  assert.equal(result.status, 200, `${method} ${path}: ${result.text}`);
  assert.deepEqual(result.json.errors, [], `${method} ${path}`);
  return result.json;
}

/** A refused request: HTTP 200, no response, the MOSIP code, and not one item written or event published. */
async function refused(method: string, path: string, token: string, code: string, body?: unknown) {
  const { status, json } = await withoutChanges(stack, `${method} ${path}`, () =>
    stack.request(method, path, { token, ...(body === undefined ? {} : { body }) }),
  );
  assert.equal(status, 200);
  assert.equal(json.response, null);
  assert.equal(json.errors[0]?.errorCode, code, `${method} ${path}: ${JSON.stringify(json.errors)}`);
  return json;
}

async function register(user: string, role: Role, partnerType: string, policyGroup?: string): Promise<string> {
  const token = await stack.token(user, [role]);
  await ok('POST', `${PM}/partners`, token, {
    ...v1({
      partnerId: user,
      partnerType,
      policyGroup,
      organizationName: `${user} Ltd`,
      address: '1 Main Street',
      contactNumber: '+254700000000',
      emailId: `${user}@example.org`,
    }),
  });
  return token;
}

/**
 * Test arrangement, not an API call: a partner becomes active only when its certificate is uploaded, which this
 * service cannot do yet. Until then the test flips the stored partner the way that upload will.
 */
async function activate(partnerId: string) {
  const partners = dynamoPartnerRepository(stack.table);
  const stored = (await partners.getPartner(partnerId))!;
  await partners.save(
    { ...stored, isActive: true, approvalStatus: 'approved' },
    stored,
    auditEntry('test-arrangement', 'activatePartner', 'Partner', partnerId, new Date()),
    [],
  );
}

/** Test arrangement: partner policy requests cannot be made over the API yet; the repository stores them as that API will. */
async function policyRequest(partnerId: string, policyId: string, status: 'InProgress' | 'approved') {
  await dynamoPolicyRequestRepository(stack.table).create(
    {
      mappingKey: `${partnerId}-${policyId}`,
      partnerId,
      policyId,
      status,
      requestDetail: 'print cards',
      crBy: partnerId,
      crDtimes: now(),
      updBy: null,
      updDtimes: null,
      revision: 0,
    },
    auditEntry(partnerId, 'requestPolicy', 'PolicyRequest', `${partnerId}-${policyId}`, new Date()),
  );
}

async function publishedPolicy(name: string) {
  const draft = await ok(
    'POST',
    POLICIES,
    admin,
    v1({ policyGroupName: 'Print partners', policyType: 'DataShare', name, desc: `${name} policy`, version: '1.0', policies: DATA_SHARE_POLICY }),
  );
  const id = draft.response.id;
  await ok('POST', `${POLICIES}/${id}/group/${policyIds.group}/publish`, admin);
  policyIds[name] = id;
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  policyIds.group = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name: 'Print partners', desc: 'Card printers' }))).response.id;
  await publishedPolicy('Card print');
  await publishedPolicy('Card reprint');
  printerA = await register('printer-a', 'CREDENTIAL_PARTNER', 'Credential_Partner', 'Print partners');
  printerB = await register('printer-b', 'CREDENTIAL_PARTNER', 'Credential_Partner', 'Print partners');
  await activate('printer-a');
  await activate('printer-b');
});
after(() => stack?.stop());

describe('user consent', () => {
  test('a user who owns no partner is refused (PMS_CERTIFICATE_ERROR_002) and nothing is stored', async () => {
    const newcomer = await stack.token('newcomer', ['AUTH_PARTNER']);
    const read = await refused('GET', CONSENT, newcomer, 'PMS_CERTIFICATE_ERROR_002');
    assert.deepEqual([read.id, read.version, read.errors[0].message], ['mosip.pms.user.consent.get', '1.0', 'User Id does not exists.']);
    const saved = await refused('POST', CONSENT, newcomer, 'PMS_CERTIFICATE_ERROR_002');
    assert.equal(saved.id, 'mosip.pms.user.consent.post');
  });

  test("once registered: not given, then given with a date that reads back; roles outside MOSIP's list are forbidden", async () => {
    const token = await register('consenting', 'AUTH_PARTNER', 'Auth_Partner', 'Print partners');
    const before = await ok('GET', CONSENT, token);
    assert.deepEqual(Object.keys(before), ['id', 'version', 'responseTime', 'metadata', 'response', 'errors']);
    assert.deepEqual(before.response, { userId: 'consenting', consentGiven: false, consentGivenDateTime: null });

    const given = await ok('POST', CONSENT, token);
    assert.deepEqual([given.id, given.version], ['mosip.pms.user.consent.post', '1.0']);
    assert.deepEqual([given.response.userId, given.response.consentGiven], ['consenting', true]);
    assert.match(given.response.consentGivenDateTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);

    const after = await ok('GET', CONSENT, token);
    assert.deepEqual(after.response, given.response);
    const items = await listTableItems(stack.table);
    assert.equal(items.filter((item) => item.pk === 'USER#consenting' && item.sk === 'CONSENT').length, 1);
    assert.equal(items.filter((item) => item.pk === 'AUDIT#User#consenting' && item.action === 'saveUserConsent').length, 1);

    const misp = await stack.token('consenting', ['MISP_PARTNER']);
    assert.equal((await stack.request('GET', CONSENT, { token: misp })).status, 403);
  });
});

describe('portal settings', () => {
  test("GET /roles: MOSIP's list for any signed-in user; GET /system-config: the twelve allow-listed strings", async () => {
    const anyone = await stack.token('reader', ['DEVICE_PROVIDER']);
    const roles = await ok('GET', `${PM}/roles`, anyone);
    assert.deepEqual(roles.response, {
      roles: ['AUTH_PARTNER', 'DEVICE_PROVIDER', 'CREDENTIAL_PARTNER', 'FTM_PROVIDER', 'MISP_PARTNER', 'POLICYMANAGER', 'PARTNER_ADMIN'],
    });
    assert.ok('responsetime' in roles);

    const config = await ok('GET', `${PM}/system-config`, anyone);
    assert.deepEqual([config.id, config.version], ['mosip.pms.configs.get', '1.0']);
    assert.deepEqual(Object.keys(config.response).sort(), [
      'axiosTimeout',
      'clientAuthMethods',
      'grantTypes',
      'inActivityPromptTimer',
      'inActivityTimer',
      'isCaSignedPartnerCertificateAvailable',
      'isOidcClientAvailable',
      'isRootIntermediateCertAvailable',
      'itemsPerPage',
      'maxAllowedCreatedYear',
      'maxAllowedExpiryYear',
      'refreshNotificationsTime',
    ]);
    assert.ok(Object.values(config.response).every((value) => typeof value === 'string'));
    assert.deepEqual([config.response.itemsPerPage, config.response.grantTypes, config.response.isOidcClientAvailable], ['8', 'authorization_code', 'true']);

    for (const path of [`${PM}/roles`, `${PM}/system-config`]) assert.equal((await stack.request('GET', path)).status, 401);
  });
});

describe('credential type → policy mapping', () => {
  const mapPath = (partnerId: string, type: string, policyName: string) =>
    `${PM}/partners/${partnerId}/credentialtype/${type}/policies/${encodeURIComponent(policyName)}`;
  const readPath = (partnerId: string, type: string) => `${PM}/partners/${partnerId}/credentialtype/${type}/policies`;

  test('maps once, reads back the policy, refuses a second mapping of the type (PMS_PRT_007)', async () => {
    const mapped = await ok('POST', mapPath('printer-a', 'euin', 'Card print'), printerA);
    assert.deepEqual([mapped.id, mapped.response], [null, 'Partner, policy and credentialType mapping done successfully.']);

    const read = await ok('GET', readPath('printer-a', 'euin'), printerA);
    const policy = read.response;
    assert.deepEqual(
      [policy.partnerId, policy.credentialType, policy.policyId, policy.policyName, policy.policyType],
      ['printer-a', 'euin', policyIds['Card print'], 'Card print', 'DataShare'],
    );
    assert.deepEqual([policy.status, policy.is_Active, policy.version, policy.cr_by], ['PUBLISHED', true, '1.0', 'admin1']);
    assert.deepEqual(policy.policies, DATA_SHARE_POLICY);
    assert.deepEqual((await ok('GET', readPath('printer-a', 'euin'), admin)).response, policy, 'a partner admin reads any partner');

    await refused('POST', mapPath('printer-a', 'EUIN', 'Card reprint'), printerA, 'PMS_PRT_007');
    const audits = (await listTableItems(stack.table)).filter((item) => item.pk === 'AUDIT#Partner#printer-a' && item.action === 'mapCredentialTypePolicy');
    assert.equal(audits.length, 1);
  });

  test('refusals change nothing: bad credential type, unknown policy, inactive partner, unmapped type', async () => {
    const bad = await refused('POST', mapPath('printer-a', 'passport', 'Card print'), printerA, 'PMS_PRT_072');
    assert.equal(bad.errors[0].message, `Given credential type is not allowed. Allowed credential types : ${ALLOWED_TYPES}`);
    await refused('POST', mapPath('printer-a', 'qrcode', 'No such policy'), printerA, 'PMS_PRT_073');

    const inactive = await register('printer-new', 'CREDENTIAL_PARTNER', 'Credential_Partner', 'Print partners');
    await refused('POST', mapPath('printer-new', 'qrcode', 'Card print'), inactive, 'PMS_PMP_016');

    await refused('GET', readPath('printer-a', 'reprint'), printerA, 'PMS_PRT_064');
  });

  test("partner B's token on partner A's ids is refused like a missing partner, with no data and no write", async () => {
    await ok('POST', mapPath('printer-a', 'qrcode', 'Card print'), printerA);
    // MOSIP's answers for a missing partner: no mapping (PMS_PRT_064), or PMS_PRT_005 when mapping.
    for (const [method, path, missing, code] of [
      ['GET', readPath('printer-a', 'qrcode'), readPath('nobody', 'qrcode'), 'PMS_PRT_064'],
      ['POST', mapPath('printer-a', 'reprint', 'Card reprint'), mapPath('nobody', 'reprint', 'Card reprint'), 'PMS_PRT_005'],
      ['POST', mapPath('printer-a', 'qrcode', 'Card reprint'), mapPath('nobody', 'qrcode', 'Card reprint'), 'PMS_PRT_005'],
    ] as const) {
      const json = await refused(method, path, printerB, code);
      assert.deepEqual(json.errors, (await refused(method, missing, printerB, code)).errors, `${method} ${path} is told apart from a missing partner`);
      assert.ok(!JSON.stringify(json).includes('Card'), `${method} ${path} revealed A's policy`);
    }
  });
});

describe('biometric extractors', () => {
  const path = (partnerId: string, policyName: string) => `${PM}/partners/${partnerId}/bioextractors/${policyIds[policyName]}`;
  const extractors = (...entries: [string, string][]) => ({
    extractors: entries.map(([attributeName, biometric]) => ({ attributeName, biometric, extractor: { provider: 'mock', version: '1.1' } })),
  });

  test('set under a requested policy, read back, closed once a request is approved; others are refused', async () => {
    await refused('POST', path('printer-a', 'Card print'), printerA, 'PMS_PRT_061', v1(extractors(['face', 'Face'])));

    await policyRequest('printer-a', policyIds['Card print']!, 'InProgress');
    const added = await ok('POST', path('printer-a', 'Card print'), printerA, v1(extractors(['face', 'Face'], ['finger', 'Finger[LeftThumb,RightThumb]'])));
    assert.deepEqual([added.id, added.version, added.response], ['mosip.pms.test', '1.0', 'Extractors added successfully.']);
    await ok('POST', path('printer-a', 'Card print'), printerA, v1(extractors(['face', 'Face[Full]'])));
    const read = await ok('GET', path('printer-a', 'Card print'), printerA);
    assert.deepEqual(read.response, {
      extractors: [
        { attributeName: 'face', biometric: 'Face[Full]', extractor: { provider: 'mock', version: '1.1' } },
        { attributeName: 'finger', biometric: 'Finger[LeftThumb,RightThumb]', extractor: { provider: 'mock', version: '1.1' } },
      ],
    });

    await policyRequest('printer-a', policyIds['Card reprint']!, 'approved');
    await refused('POST', path('printer-a', 'Card reprint'), printerA, 'PMS_PRT_062', v1(extractors(['face', 'Face'])));
    await refused('GET', path('printer-a', 'Card reprint'), printerA, 'PMS_PRT_064');

    // B's token on A's partner: MOSIP's answers for a partner without extractors or requests, as for a missing one.
    const leaked = await refused('GET', path('printer-a', 'Card print'), printerB, 'PMS_PRT_064');
    assert.ok(!JSON.stringify(leaked).includes('Finger'));
    await refused('POST', path('printer-a', 'Card print'), printerB, 'PMS_PRT_061', v1(extractors(['face', 'Hijacked'])));
    await refused('POST', path('nobody', 'Card print'), admin, 'PMS_PRT_061', v1(extractors(['face', 'Face'])));
  });
});
