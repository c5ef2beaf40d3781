import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, test } from 'node:test';
import { readLocalEsignetClients } from '../../local/esignet.js';
import { listTableItems } from '../support/dynamodb.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { settledItems } from '../support/no-change.js';
import { activeAuthPartner, expectOk, expectRefused, v1 } from '../support/pms-calls.js';

const PM = '/v1/partnermanager';
const OAUTH = `${PM}/oauth/client`;
const OIDC = `${PM}/oidc/client`;
const POLICIES = '/v1/policymanager/policies';
const HOUR_MS = 3_600_000;

/** An auth policy a client can be made under: KYC attributes that give claims, and OTP (not mandatory) that gives an ACR. */
const LOGIN_POLICY = {
  authTokenType: 'partner',
  allowedAuthTypes: [
    { authType: 'otp', authSubType: '', mandatory: false },
    { authType: 'demo', authSubType: '', mandatory: false },
  ],
  allowedKycAttributes: [{ attributeName: 'fullName' }, { attributeName: 'email' }],
};

let stack: LocalStack;
let admin: string;
let rp1: string;
let rp2: string;
let rp3: string;
let policyId: string;
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);

const esignetClients = () => readLocalEsignetClients(stack.dataDir);
const esignetClient = (clientId: string) => esignetClients().find((client) => client.clientId === clientId);
const storedClients = async () => (await listTableItems(stack.table)).filter((item) => item.entity === 'OidcClient');

/** Refused with `code`, and nothing written anywhere: not in our table (expectRefused), not in eSignet. */
async function refusedEverywhere(method: string, path: string, token: string, body: unknown, code: string) {
  const held = esignetClients();
  const json = await expectRefused(stack, method, path, token, body, code);
  assert.deepEqual(esignetClients(), held, `${method} ${path} changed eSignet`);
  return json;
}

/**
 * An update eSignet refused with `code`: the client was stored pending, then put back, so only its revision counter
 * moved; eSignet is unchanged and nothing was published.
 */
async function updateRefusedByEsignet(clientId: string, token: string, code: string) {
  const held = esignetClients();
  const without = (item: Record<string, unknown> | undefined) => ({ ...item, revision: undefined });
  const before = (await storedClients()).find((item) => item.id === clientId);
  const eventsBefore = stack.events().length;
  const { json } = await stack.request('PUT', `${OAUTH}/${clientId}`, { token, body: updateBody() });
  assert.equal(json.errors[0]?.errorCode, code);
  assert.deepEqual(without((await storedClients()).find((item) => item.id === clientId)), without(before));
  assert.deepEqual(esignetClients(), held);
  await settledItems(stack);
  assert.equal(stack.events().length, eventsBefore);
}

function publicJwk(): Record<string, unknown> {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
}

function createBody(partnerId: string, overrides: Record<string, unknown> = {}) {
  return v1({
    name: 'Health portal',
    policyId,
    publicKey: publicJwk(),
    authPartnerId: partnerId,
    logoUri: 'https://health.example.org/logo.png',
    redirectUris: ['https://health.example.org/callback'],
    grantTypes: ['authorization_code'],
    clientAuthMethods: ['private_key_jwt'],
    clientNameLangMap: { eng: 'Health portal' },
    ...overrides,
  });
}

function updateBody(overrides: Record<string, unknown> = {}) {
  return v1({
    logoUri: 'https://health.example.org/logo.png',
    redirectUris: ['https://health.example.org/v2/callback', 'io.health.app://oauth'],
    status: 'ACTIVE',
    grantTypes: ['authorization_code'],
    clientName: 'Health portal 2',
    clientAuthMethods: ['private_key_jwt'],
    clientNameLangMap: { eng: 'Health portal 2', fra: 'Portail santé 2' },
    ...overrides,
  });
}

const authPartner = (user: string) => activeAuthPartner(stack, user);

async function requestPolicy(partnerId: string, token: string, approve: boolean) {
  const { mappingkey } = await ok('POST', `${PM}/partners/${partnerId}/policy/map`, token, v1({ policyName: 'Login for banks', useCaseDescription: 'login' }));
  if (approve) await ok('PUT', `${PM}/partners/policy/${mappingkey}`, admin, v1({ status: 'approved' }));
}

async function setEsignet(mode: Record<string, string>) {
  const response = await fetch(`${stack.esignetUrl.replace(/\/v1\/esignet$/, '')}/_local/mode`, { method: 'POST', body: JSON.stringify(mode) });
  assert.equal(response.status, 200);
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  const groupId = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name: 'Banks', desc: 'banks' }))).id;
  const draft = await ok(
    'POST',
    POLICIES,
    admin,
    v1({ policyGroupName: 'Banks', policyType: 'Auth', name: 'Login for banks', desc: 'login', version: '1.0', policies: LOGIN_POLICY }),
  );
  await ok('POST', `${POLICIES}/${draft.id}/group/${groupId}/publish`, admin);
  policyId = draft.id;
  rp1 = await authPartner('rp-1');
  rp2 = await authPartner('rp-2');
  rp3 = await authPartner('rp-3');
  await requestPolicy('rp-1', rp1, true);
  await requestPolicy('rp-2', rp2, true);
  await requestPolicy('rp-3', rp3, false);
});
after(() => stack?.stop());

test('the journey: create, read, rename with new redirect URIs, deactivate; eSignet holds the same client with the derived claims and ACRs', async () => {
  const eventsBefore = stack.events().length;
  const { clientId, status } = await ok('POST', OAUTH, rp1, createBody('rp-1'));
  assert.equal(status, 'ACTIVE');
  assert.match(clientId, /^[A-Za-z0-9_-]{43}$/);
  const registered = esignetClient(clientId);
  assert.deepEqual(
    [registered?.relyingPartyId, registered?.userClaims, registered?.authContextRefs, registered?.status, registered?.clientName],
    ['rp-1', ['name', 'email'], ['mosip:idp:acr:generated-code'], 'ACTIVE', JSON.stringify({ eng: 'Health portal', '@none': 'Health portal' })],
  );

  const read = await ok('GET', `${OAUTH}/${clientId}`, rp1);
  assert.deepEqual(
    [read.id, read.policyId, read.policyName, read.relyingPartyId, read.claims, read.acrValues, read.grantTypes, read.clientAuthMethods, read.status],
    [clientId, policyId, 'Login for banks', 'rp-1', ['name', 'email'], ['mosip:idp:acr:generated-code'], ['authorization_code'], ['private_key_jwt'], 'ACTIVE'],
  );
  assert.deepEqual(Object.keys(JSON.parse(read.publicKey)).sort(), ['e', 'kty', 'n'], 'the public members only');
  assert.deepEqual(await ok('GET', `${OIDC}/${clientId}`, rp1), read, 'the deprecated read answers the same');

  assert.deepEqual(await ok('PUT', `${OAUTH}/${clientId}`, rp1, updateBody()), { clientId, status: 'ACTIVE' });
  const renamed = esignetClient(clientId);
  assert.deepEqual(renamed?.redirectUris, ['https://health.example.org/v2/callback', 'io.health.app://oauth']);
  assert.equal(JSON.parse(renamed!.clientName)['@none'], 'Health portal 2');
  assert.deepEqual((await ok('GET', `${OAUTH}/${clientId}`, rp1)).redirectUris, renamed?.redirectUris);

  const { json: list } = await stack.request('GET', `${OAUTH}?pageNo=0&pageSize=10&sortFieldName=createdDateTime&sortType=desc`, { token: rp1 });
  assert.deepEqual([list.id, list.errors, list.response.totalResults], ['mosip.pms.oauth.partners.clients.get', [], 1]);
  const [row] = list.response.data;
  assert.deepEqual(
    [row.clientId, row.partnerId, row.orgName, row.policyName, row.policyGroupName, row.status],
    [clientId, 'rp-1', 'rp-1 Ltd', 'Login for banks', 'Banks', 'ACTIVE'],
  );

  assert.deepEqual(await ok('PUT', `${OAUTH}/${clientId}`, rp1, updateBody({ status: 'INACTIVE' })), { clientId, status: 'INACTIVE' });
  assert.equal(esignetClient(clientId)?.status, 'INACTIVE');
  await refusedEverywhere('PUT', `${OAUTH}/${clientId}`, rp1, updateBody(), 'PMS_ESI_008');

  await settledItems(stack);
  const topics = stack
    .events()
    .slice(eventsBefore)
    .filter((logged) => String(logged.topic).startsWith('OIDC_CLIENT_'))
    .map((logged) => [logged.topic, (logged.event as { data: { clientData: { clientStatus: string } } }).data.clientData.clientStatus]);
  assert.deepEqual(topics, [
    ['OIDC_CLIENT_CREATED', 'ACTIVE'],
    ['OIDC_CLIENT_UPDATED', 'ACTIVE'],
    ['OIDC_CLIENT_UPDATED', 'INACTIVE'],
  ]);
});

test("another partner is refused on every {clientId} route, and an admin sees every partner's clients", async () => {
  const { clientId } = await ok('POST', OAUTH, rp1, createBody('rp-1'));
  await refusedEverywhere('GET', `${OAUTH}/${clientId}`, rp2, undefined, 'PMS_POLICY_ERROR_011');
  await refusedEverywhere('GET', `${OIDC}/${clientId}`, rp2, undefined, 'PMS_POLICY_ERROR_011');
  await refusedEverywhere('PUT', `${OAUTH}/${clientId}`, rp2, updateBody(), 'PMS_POLICY_ERROR_010');
  const { clientNameLangMap: _, ...deprecatedUpdate } = updateBody().request as Record<string, unknown>;
  await refusedEverywhere('PUT', `${OIDC}/${clientId}`, rp2, v1(deprecatedUpdate), 'PMS_POLICY_ERROR_010');
  await refusedEverywhere('POST', OAUTH, rp2, createBody('rp-1'), 'PMS_POLICY_ERROR_009');
  const rp2List = await ok('GET', OAUTH, rp2);
  assert.equal(rp2List.data?.some((row: { clientId: string }) => row.clientId === clientId) ?? false, false);
  const adminList = await ok('GET', `${OAUTH}?partnerId=rp-1`, admin);
  assert.ok(adminList.data.some((row: { clientId: string }) => row.clientId === clientId));
  assert.equal((await ok('GET', `${OAUTH}/${clientId}`, admin)).id, clientId);
});

test("a partner without an approved policy, an invalid JWK, a duplicate key, an unsupported grant type: MOSIP's codes, nothing written anywhere", async () => {
  await refusedEverywhere('POST', OAUTH, rp3, createBody('rp-3'), 'PMS_ESI_002');
  await refusedEverywhere('POST', OAUTH, rp1, createBody('rp-1', { publicKey: { kty: 'RSA', n: 'not a modulus', e: 'AQAB' } }), 'PMS_ESI_007');
  const taken = createBody('rp-1');
  await ok('POST', OAUTH, rp1, taken);
  await refusedEverywhere('POST', OAUTH, rp1, { ...taken, requesttime: new Date().toISOString() }, 'PMS_ESI_001');
  await refusedEverywhere('POST', OIDC, rp1, createBody('rp-1', { grantTypes: ['client_credentials'], clientNameLangMap: undefined }), 'invalid_grant_type');
  await refusedEverywhere('POST', OAUTH, rp1, createBody('rp-1', { redirectUris: ['$abcdefg'] }), 'invalid_redirect_uri');
});

test("a whole key pair sent as the JWK (as MOSIP's rig sends it): registered with its public key only, in our table and in eSignet", async () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { clientId } = await ok('POST', OAUTH, rp1, createBody('rp-1', { publicKey: privateKey.export({ format: 'jwk' }) }));
  const read = await ok('GET', `${OAUTH}/${clientId}`, rp1);
  assert.deepEqual(Object.keys(JSON.parse(read.publicKey)).sort(), ['e', 'kty', 'n']);
  const stored = JSON.stringify((await storedClients()).find((item) => item.id === clientId));
  const registered = JSON.stringify(esignetClient(clientId));
  const privateExponent = String(privateKey.export({ format: 'jwk' }).d);
  assert.ok(stored.includes(String(JSON.parse(read.publicKey).n)) && !stored.includes(privateExponent), 'stored without the private key');
  assert.ok(registered.includes(String(JSON.parse(read.publicKey).n)) && !registered.includes(privateExponent), 'sent to eSignet without it');
});

test('eSignet down or refusing during create and update: once the settle job ran, a client is in both systems or in neither', async () => {
  // Refusing a create: its error, nothing kept.
  await setEsignet({ mode: 'refusing', errorCode: 'invalid_rp_id' });
  await refusedEverywhere('POST', OAUTH, rp2, createBody('rp-2'), 'invalid_rp_id');

  // Down during a create: MOSIP's PMS_KKS_001; the client waits, hidden, for the job.
  await setEsignet({ mode: 'down' });
  const { json: down } = await stack.request('POST', OAUTH, { token: rp2, body: createBody('rp-2', { name: 'Pharmacy' }) });
  assert.equal(down.errors[0].errorCode, 'PMS_KKS_001');
  const [pending] = (await storedClients()).filter((item) => item.name === 'Pharmacy');
  assert.equal((pending?.pending as { kind: string } | null)?.kind, 'create');
  const clientId = String(pending!.id);
  assert.equal(esignetClient(clientId), undefined);
  assert.equal((await stack.request('GET', `${OAUTH}/${clientId}`, { token: rp2 })).json.errors[0].errorCode, 'PMS_ESI_004');

  const settle = async () => {
    const run = await stack.runJob('settle-oidc-clients', new Date(Date.now() + HOUR_MS));
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout).report;
  };
  assert.deepEqual(await settle(), { confirmed: 0, undone: 0, waiting: 1 }, 'still down');
  await setEsignet({ mode: 'up' });
  assert.deepEqual(await settle(), { confirmed: 1, undone: 0, waiting: 0 });
  assert.equal(esignetClient(clientId)?.status, 'ACTIVE');
  assert.equal((await ok('GET', `${OAUTH}/${clientId}`, rp2)).name, JSON.stringify({ eng: 'Health portal', '@none': 'Pharmacy' }));

  // Refusing an update: its error, both keep the old fields.
  await setEsignet({ mode: 'refusing', errorCode: 'invalid_uri' });
  await updateRefusedByEsignet(clientId, rp2, 'invalid_uri');

  // Down during an update: the new fields wait for the job, which sends them again.
  await setEsignet({ mode: 'down' });
  const { json: downUpdate } = await stack.request('PUT', `${OAUTH}/${clientId}`, { token: rp2, body: updateBody() });
  assert.equal(downUpdate.errors[0].errorCode, 'PMS_KKS_001');
  assert.deepEqual(esignetClient(clientId)?.redirectUris, ['https://health.example.org/callback']);
  await setEsignet({ mode: 'up' });
  assert.deepEqual(await settle(), { confirmed: 1, undone: 0, waiting: 0 });
  assert.deepEqual(esignetClient(clientId)?.redirectUris, ['https://health.example.org/v2/callback', 'io.health.app://oauth']);
  assert.deepEqual((await ok('GET', `${OAUTH}/${clientId}`, rp2)).redirectUris, esignetClient(clientId)?.redirectUris);

  // Settled: every client we hold is in eSignet with the same status, and no change waits.
  for (const item of await storedClients()) {
    assert.equal(item.pending, null);
    assert.equal(esignetClient(String(item.id))?.status, item.status);
  }
});
