import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { dynamoPartnerRepository } from '../../functions/adapters/dynamodb/partner-repository.js';
import { auditEntry } from '../../functions/domain/audit.js';
import type { Partner } from '../../functions/domain/partners/partner.js';
import { forgeTrustChain } from '../../local/certificate-forge.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { activateAsAdmin, activateStoredPartner, expectOk, expectRefused, v1 } from '../support/pms-calls.js';

const PM = '/v1/partnermanager';
const V3 = `${PM}/partners/v3`;
const POLICIES = '/v1/policymanager/policies';
let stack: LocalStack;
let admin: string;
let dana: string;
let omar: string;
const groupIds: Record<string, string> = {};
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
const refused = (method: string, path: string, token: string, code: string) => expectRefused(stack, method, path, token, undefined, code);

interface PartnerV3 {
  partnerId: string;
  partnerType: string;
  policyGroupId: string | null;
  policyGroupName: string | null;
  policyGroupDescription: string | null;
}

/** GET /partners/v3 that must succeed, its partners in id order (MOSIP's query has no ORDER BY). */
async function partnersV3(query: string, token = dana): Promise<PartnerV3[]> {
  const partners: PartnerV3[] = await ok('GET', `${V3}?${query}`, token);
  return [...partners].sort((a, b) => a.partnerId.localeCompare(b.partnerId));
}

const withoutGroup = (partnerId: string, partnerType: string): PartnerV3 => ({
  partnerId,
  partnerType,
  policyGroupId: null,
  policyGroupName: null,
  policyGroupDescription: null,
});
const withGroup = (partnerId: string, partnerType: string, group: 'Banks' | 'Printers'): PartnerV3 => ({
  partnerId,
  partnerType,
  policyGroupId: groupIds[group]!,
  policyGroupName: group,
  policyGroupDescription: `${group} group`,
});

async function register(token: string, partnerId: string, partnerType: string, policyGroup?: string) {
  await ok(
    'POST',
    `${PM}/partners`,
    token,
    v1({
      partnerId,
      partnerType,
      policyGroup,
      organizationName: `${partnerId} Ltd`,
      address: 'Nairobi',
      contactNumber: '+254700000000',
      emailId: `${partnerId}@example.org`,
      langCode: 'eng',
    }),
  );
}

const subjectOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')).sub;

/**
 * A partner an admin registered, handed to dana as MOSIP's user_id column lets one user own several partners:
 * its user and bound subject become dana's, and dana's ownership link replaces its own.
 */
async function giveToDana(partnerId: string, state: Pick<Partner, 'approvalStatus' | 'isActive'>) {
  const partners = dynamoPartnerRepository(stack.table);
  const stored = await partners.getPartner(partnerId);
  assert.ok(stored, `partner ${partnerId} is registered`);
  const owned = { ...stored, ...state, userId: 'dana', ownerSubject: subjectOf(dana) };
  await partners.save(owned, stored, auditEntry('test', 'arrange', 'Partner', partnerId, new Date()), []);
  await stack.table.client.send(new DeleteCommand({ TableName: stack.tableName, Key: keys.userPartner(partnerId, partnerId) }));
  await stack.table.client.send(
    new PutCommand({ TableName: stack.tableName, Item: { ...keys.userPartner('dana', partnerId), entity: 'UserPartner', partnerId } }),
  );
}

/*
 * dana owns four partners:        omar owns one:
 *   dana          Auth_Partner                 Banks     approved     omar  Auth_Partner  Banks  approved
 *   dana-devices  Device_Provider              –         approved
 *   dana-verify   Online_Verification_Partner  Banks     approved
 *   dana-print    Credential_Partner           Printers  InProgress
 */
before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  for (const name of ['Banks', 'Printers']) groupIds[name] = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name, desc: `${name} group` }))).id;
  dana = await stack.token('dana', ['AUTH_PARTNER', 'DEVICE_PROVIDER']);
  omar = await stack.token('omar', ['AUTH_PARTNER']);
  await register(dana, 'dana', 'Auth_Partner', 'Banks');
  await activateStoredPartner(stack.table, 'dana');
  await register(omar, 'omar', 'Auth_Partner', 'Banks');
  await activateStoredPartner(stack.table, 'omar');
  await register(admin, 'dana-devices', 'Device_Provider');
  await register(admin, 'dana-verify', 'Online_Verification_Partner', 'Banks');
  await register(admin, 'dana-print', 'Credential_Partner', 'Printers');
  await giveToDana('dana-devices', { approvalStatus: 'approved', isActive: true });
  await giveToDana('dana-verify', { approvalStatus: 'approved', isActive: true });
  await giveToDana('dana-print', { approvalStatus: 'InProgress', isActive: false });
});
after(() => stack?.stop());

test("GET /partners/v3 answers MOSIP's V2 envelope with the caller's partners in the approval status asked for", async () => {
  const { status, json } = await stack.request('GET', `${V3}?status=approved`, { token: dana });
  assert.equal(status, 200);
  // The v3 answer, not GET /partners/{partnerId} taking "v3" for a partner id.
  assert.deepEqual([json.id, json.version, json.errors], ['mosip.pms.partners.v3.get', '1.0', []]);
  assert.ok(!Number.isNaN(Date.parse(json.responseTime)), json.responseTime);

  const approved = [
    withoutGroup('dana', 'Auth_Partner'),
    withoutGroup('dana-devices', 'Device_Provider'),
    withoutGroup('dana-verify', 'Online_Verification_Partner'),
  ];
  assert.deepEqual(await partnersV3('status=approved'), approved);
  assert.deepEqual(await partnersV3('status=InProgress'), [withoutGroup('dana-print', 'Credential_Partner')]);
  // Exact matches, as MOSIP's SQL compares them: another case, an empty status or a status nobody has match nothing.
  for (const query of ['status=APPROVED', 'status=', 'status=rejected', 'status=approved&partnerType=device_provider']) {
    assert.deepEqual(await partnersV3(query), [], query);
  }
});

test('partnerType narrows to one type; policyGroupAvailable=true keeps partners with a group and names it, false those without', async () => {
  assert.deepEqual(await partnersV3('status=approved&partnerType=Device_Provider'), [withoutGroup('dana-devices', 'Device_Provider')]);
  assert.deepEqual(await partnersV3('status=approved&policyGroupAvailable=true'), [
    withGroup('dana', 'Auth_Partner', 'Banks'),
    withGroup('dana-verify', 'Online_Verification_Partner', 'Banks'),
  ]);
  assert.deepEqual(await partnersV3('status=approved&policyGroupAvailable=false'), [withoutGroup('dana-devices', 'Device_Provider')]);
  // The portal's Request Policy call: all three filters together.
  assert.deepEqual(await partnersV3('status=approved&policyGroupAvailable=true&partnerType=Online_Verification_Partner'), [
    withGroup('dana-verify', 'Online_Verification_Partner', 'Banks'),
  ]);
  assert.deepEqual(await partnersV3('status=InProgress&policyGroupAvailable=true'), [withGroup('dana-print', 'Credential_Partner', 'Printers')]);
  // The portal's Add SBI call: a device provider has no group, so asking for one finds nothing.
  assert.deepEqual(await partnersV3('status=approved&policyGroupAvailable=true&partnerType=Device_Provider'), []);

  // Spring's Boolean binding: case-insensitive true/false, yes/no, on/off, 1/0; an empty value is no filter.
  assert.deepEqual(await partnersV3('status=approved&policyGroupAvailable=YES'), await partnersV3('status=approved&policyGroupAvailable=true'));
  assert.deepEqual(await partnersV3('status=approved&policyGroupAvailable=0'), await partnersV3('status=approved&policyGroupAvailable=false'));
  assert.deepEqual(await partnersV3('status=approved&policyGroupAvailable='), await partnersV3('status=approved'));
});

test("only the caller's own partners: never another user's, none for an admin without partners or a namesake account", async () => {
  assert.deepEqual(await partnersV3('status=approved', omar), [withoutGroup('omar', 'Auth_Partner')]);
  assert.deepEqual(await partnersV3('status=approved&policyGroupAvailable=true', omar), [withGroup('omar', 'Auth_Partner', 'Banks')]);
  assert.ok(!(await partnersV3('status=approved')).some((partner) => partner.partnerId === 'omar'), "omar's partner is not dana's");

  // A partner admin lists its own partners here, not everyone's: owning none, it gets MOSIP's "no such user".
  await refused('GET', `${V3}?status=approved`, admin, 'PMS_CERTIFICATE_ERROR_002');
  const newcomer = await stack.token('newcomer', ['AUTH_PARTNER']);
  await refused('GET', `${V3}?status=approved`, newcomer, 'PMS_CERTIFICATE_ERROR_002');

  // The same usernames under another sub (a re-created account) own nothing, though their partners are still there.
  for (const user of ['dana', 'omar']) {
    const namesake = await stack.token(user, ['AUTH_PARTNER'], { subject: randomUUID() });
    const json = await refused('GET', `${V3}?status=approved`, namesake, 'PMS_CERTIFICATE_ERROR_002');
    assert.ok(!JSON.stringify(json).includes(`"${user}`), JSON.stringify(json));
  }
  assert.equal((await partnersV3('status=approved')).length, 3);
});

test('a partner whose policy group no longer exists fails the group lookup with PMS_POLICY_ERROR_001', async () => {
  const gil = await stack.token('gil', ['AUTH_PARTNER']);
  await register(gil, 'gil', 'Auth_Partner', 'Banks');
  await activateStoredPartner(stack.table, 'gil');
  await stack.table.client.send(
    new UpdateCommand({
      TableName: stack.tableName,
      Key: keys.partner('gil'),
      UpdateExpression: 'SET policyGroupId = :missing',
      ExpressionAttributeValues: { ':missing': randomUUID() },
    }),
  );
  await refused('GET', `${V3}?status=approved&policyGroupAvailable=true`, gil, 'PMS_POLICY_ERROR_001');
  // Without asking for the group, the partner is listed as MOSIP lists it.
  assert.deepEqual(await partnersV3('status=approved', gil), [withoutGroup('gil', 'Auth_Partner')]);
});

test('bad query values are refused with HTTP 400 and PMS_COR_001 before anything is read', async () => {
  const cases = [
    ['', 'status'],
    ['partnerType=Auth_Partner&policyGroupAvailable=true', 'status'],
    ['status=approved&policyGroupAvailable=maybe', 'policyGroupAvailable'],
    ['status=approved&policyGroupAvailable=tru', 'policyGroupAvailable'],
  ] as const;
  const newcomer = await stack.token('newcomer', ['AUTH_PARTNER']);
  for (const [query, parameter] of cases) {
    for (const token of [dana, newcomer]) {
      const { status, json } = await stack.request('GET', `${V3}?${query}`, { token });
      assert.deepEqual([status, json.response, json.errors.length], [400, null, 1], query);
      assert.equal(json.errors[0].errorCode, 'PMS_COR_001', query);
      assert.match(json.errors[0].message, new RegExp(parameter), `${query}: ${json.errors[0].message}`);
    }
  }
});

test('GET /system-config flags exactly the features whose endpoints this service serves', async () => {
  const anyone = await stack.token('reader', ['DEVICE_PROVIDER']);
  const config = await ok('GET', `${PM}/system-config`, anyone);
  assert.deepEqual(
    [config.isCaSignedPartnerCertificateAvailable, config.isRootIntermediateCertAvailable, config.isOidcClientAvailable],
    ['true', 'true', 'true'],
  );

  // isRootIntermediateCertAvailable: a partner admin uploads a root and an intermediate; the portal's trust lists,
  // its dashboard's expiry count and the certificate download answer.
  const chain = forgeTrustChain({ organization: 'certified Ltd' });
  await ok('POST', `${PM}/partners/certificate/ca/upload`, admin, v1({ certificateData: chain.root.pem, partnerDomain: 'AUTH' }));
  await ok('POST', `${PM}/partners/certificate/ca/upload`, admin, v1({ certificateData: chain.intermediate.pem, partnerDomain: 'AUTH' }));
  const roots = await ok(
    'GET',
    `${PM}/trust-chain-certificates?caCertificateType=ROOT&sortFieldName=uploadedDateTime&sortType=desc&pageNo=0&pageSize=8`,
    admin,
  );
  assert.deepEqual(
    roots.data.map((row: { caCertificateType: string; issuedTo: string }) => [row.caCertificateType, row.issuedTo]),
    [['ROOT', 'CN=certified Ltd Root CA,O=certified Ltd,C=IN']],
  );
  assert.equal((await ok('GET', `${PM}/trust-chain-certificates?expiryPeriod=30&caCertificateType=INTERMEDIATE&pageSize=100&pageNo=0`, admin)).totalResults, 0);
  const { p7bFile } = await ok('GET', `${PM}/trust-chain-certificates/${roots.data[0].certId}/certificateFile`, admin);
  assert.match(p7bFile, /^-----BEGIN PKCS7-----/);

  // isCaSignedPartnerCertificateAvailable: the partner downloads the certificate it uploaded beside the MOSIP-signed one.
  const certified = await stack.token('certified', ['AUTH_PARTNER']);
  await register(certified, 'certified', 'Auth_Partner', 'Banks');
  const upload = await ok(
    'POST',
    `${PM}/partners/certificate/upload`,
    certified,
    v1({ partnerId: 'certified', certificateData: chain.leaf.pem, partnerDomain: 'AUTH' }),
  );
  await activateAsAdmin(stack, admin, 'certified');
  const { json } = await stack.request('GET', `${PM}/partners/certified/certificate-data`, { token: certified });
  assert.deepEqual([json.id, json.errors], ['mosip.pms.original.partner.certificate.get', []]);
  assert.equal(json.response.caSignedCertificateData.trim(), chain.leaf.pem.trim());
  assert.equal(json.response.mosipSignedCertificateData, upload.signedCertificateData);

  // isOidcClientAvailable: the local stack always runs the eSignet counterpart, so the OIDC client endpoints answer
  // (test/e2e/oidc-clients.test.ts goes through them).
  const clients = await stack.request('GET', `${PM}/oauth/client`, { token: certified });
  assert.deepEqual([clients.status, clients.json.id, clients.json.errors], [200, 'mosip.pms.oauth.partners.clients.get', []]);
});
