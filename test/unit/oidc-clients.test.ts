import assert from 'node:assert/strict';
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import type { Caller } from '../../functions/domain/caller.js';
import type { EventModel } from '../../functions/domain/events/event-model.js';
import { claimsAndAcrs, DEFAULT_CLAIM_MAPPINGS } from '../../functions/domain/oidc-clients/claims-mapping.js';
import { createClient, updateClient } from '../../functions/domain/oidc-clients/client-commands.js';
import { getClient, listClients } from '../../functions/domain/oidc-clients/client-queries.js';
import { SETTLE_GRACE_MS, settlePendingClients } from '../../functions/domain/oidc-clients/consistency.js';
import type { EsignetApi, OidcClient } from '../../functions/domain/oidc-clients/oidc-client.js';
import {
  EsignetRefusal,
  type EsignetRegistration,
  EsignetUnavailable,
  type OidcClientChange,
  type OidcClientDeps,
} from '../../functions/domain/oidc-clients/ports.js';
import { clientIdOf, clientPublicKey } from '../../functions/domain/oidc-clients/public-key.js';
import type { Partner } from '../../functions/domain/partners/partner.js';
import type { PolicyLink } from '../../functions/domain/policy-requests/ports.js';
import { ESIGNET_ERRORS, OIDC_CLIENT_ERRORS } from '../../functions/errors/oidc-client-errors.js';
import { ConcurrentModificationError, UniqueConstraintError } from '../../functions/errors/pms-error.js';
import { partnerFixture, policyFixture } from '../support/domain-objects.js';
import { refusal, refusalOfCall } from '../support/refusals.js';

const AUTH_POLICY = {
  allowedAuthTypes: [
    { authType: 'otp', authSubType: '', mandatory: false },
    { authType: 'demo', authSubType: '', mandatory: false },
  ],
  allowedKycAttributes: [{ attributeName: 'fullName' }, { attributeName: 'email' }, { attributeName: 'addressLine1' }],
};

function rsaJwk(): Record<string, string> {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return publicKey.export({ format: 'jwk' }) as Record<string, string>;
}

/** The in-memory table: revisions and the one-client-per-id guard as the DynamoDB adapter keeps them. */
function memoryClients() {
  const items = new Map<string, OidcClient>();
  const audits: string[] = [];
  const events: EventModel[] = [];
  return {
    items,
    audits,
    events,
    async commit(change: OidcClientChange) {
      const { next, previous } = change.client;
      const stored = items.get(next.id);
      if (!previous) {
        if (stored) throw new UniqueConstraintError('oidcClientId');
        items.set(next.id, structuredClone(next));
      } else {
        if (!stored || stored.revision !== previous.revision) throw new ConcurrentModificationError(next.id);
        items.set(next.id, structuredClone({ ...next, revision: previous.revision + 1 }));
      }
      if (change.audit) audits.push(change.audit.action);
      events.push(...(change.events ?? []));
    },
    async discard(client: OidcClient) {
      if (items.get(client.id)?.revision !== client.revision) throw new ConcurrentModificationError(client.id);
      items.delete(client.id);
    },
    getClient: async (id: string) => structuredClone(items.get(id)),
    clientsOfPartner: async (partnerId: string) => [...items.values()].filter((client) => client.partnerId === partnerId),
    allClients: async () => [...items.values()],
    pendingClients: async () => [...items.values()].filter((client) => client.pending !== null),
  };
}

type Outcome = 'ok' | 'down' | 'lost-answer' | { refuse: string };

/** eSignet: what it holds, and how it answers the next calls. */
function fakeEsignet() {
  const held = new Map<string, EsignetRegistration>();
  const calls: string[] = [];
  const state = { next: 'ok' as Outcome };
  const answer = (kind: string, registration: EsignetRegistration, apply: () => void) => {
    calls.push(`${kind}:${registration.clientId.slice(0, 6)}`);
    const outcome = state.next;
    if (outcome === 'down') throw new EsignetUnavailable(OIDC_CLIENT_ERRORS.API_NOT_ACCESSIBLE, 'down');
    if (typeof outcome === 'object') throw new EsignetRefusal({ code: outcome.refuse, message: outcome.refuse });
    apply();
    if (outcome === 'lost-answer') throw new EsignetUnavailable(OIDC_CLIENT_ERRORS.API_NOT_ACCESSIBLE, 'timed out after applying');
  };
  return {
    held,
    calls,
    state,
    async create(_api: EsignetApi, registration: EsignetRegistration) {
      if (held.has(registration.clientId) && state.next !== 'down') {
        calls.push(`create:${registration.clientId.slice(0, 6)}`);
        throw new EsignetRefusal(ESIGNET_ERRORS.DUPLICATE_CLIENT_ID);
      }
      answer('create', registration, () => held.set(registration.clientId, structuredClone(registration)));
    },
    async update(_api: EsignetApi, registration: EsignetRegistration) {
      if (!held.has(registration.clientId) && state.next !== 'down') throw new EsignetRefusal(ESIGNET_ERRORS.INVALID_CLIENT_ID);
      answer('update', registration, () => held.set(registration.clientId, structuredClone(registration)));
    },
  };
}

function world(options: { link?: PolicyLink | undefined; partner?: Partial<Partner>; policies?: unknown } = {}) {
  const clients = memoryClients();
  const esignet = fakeEsignet();
  const partner = partnerFixture({ id: 'rp-1', userId: 'rp-user', partnerType: 'Auth_Partner', ...options.partner });
  const other = partnerFixture({ id: 'rp-2', userId: 'rp-other', partnerType: 'Auth_Partner' });
  const policy = policyFixture({ id: 'auth-1', policyType: 'Auth', policies: options.policies ?? AUTH_POLICY });
  const partners = new Map([partner, other].map((p) => [p.id, p]));
  let now = new Date('2026-03-01T10:00:00.000Z');
  let id = 0;
  const deps: OidcClientDeps = {
    clients,
    esignet,
    partners: {
      getPartner: async (partnerId) => partners.get(partnerId),
      partnersOfUser: async (userId) => [...partners.values()].filter((candidate) => candidate.userId === userId),
    },
    policies: { getPolicy: async (policyId) => (policyId === policy.id ? policy : undefined) },
    groups: { getGroup: async () => undefined },
    links: { openLink: async () => ('link' in options ? options.link : { mappingKey: 'm-1', status: 'approved' }) },
    mappings: DEFAULT_CLAIM_MAPPINGS,
    clock: { now: () => now },
    ids: { newId: () => `id-${++id}` },
  };
  return {
    deps,
    clients,
    esignet,
    later: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

const owner: Caller = { userId: 'rp-user', isAdmin: false };
const stranger: Caller = { userId: 'rp-other', isAdmin: false };
const admin: Caller = { userId: 'admin', isAdmin: true };

function createInput(publicKey: Record<string, unknown> = rsaJwk(), overrides: Record<string, unknown> = {}) {
  return {
    name: 'Health portal',
    policyId: 'auth-1',
    publicKey,
    authPartnerId: 'rp-1',
    logoUri: 'https://health.example.org/logo.png',
    redirectUris: ['https://health.example.org/callback'],
    grantTypes: ['authorization_code'],
    clientAuthMethods: ['private_key_jwt'],
    clientNameLangMap: { eng: 'Health portal' },
    ...overrides,
  };
}

function updateInput(overrides: Record<string, unknown> = {}) {
  return {
    logoUri: 'https://health.example.org/logo.png',
    redirectUris: ['https://health.example.org/v2/callback'],
    status: 'ACTIVE',
    grantTypes: ['authorization_code'],
    clientName: 'Health portal 2',
    clientAuthMethods: ['private_key_jwt'],
    clientNameLangMap: { eng: 'Health portal 2' },
    ...overrides,
  };
}

test("the client id is MOSIP's: base64url(SHA-256(base64(SPKI DER))), the same for the same key whatever its metadata", () => {
  const jwk = rsaJwk();
  const der = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'der' });
  const expected = createHash('sha256').update(der.toString('base64')).digest('base64url');
  assert.equal(clientIdOf(der), expected);
  const key = clientPublicKey({ ...jwk, kid: 'k1', use: 'sig', alg: 'RS256' });
  assert.ok(key.rsa);
  assert.equal(key.clientId, expected);
  assert.match(key.clientId, /^[A-Za-z0-9_-]{43}$/);
  assert.deepEqual(Object.keys(key.jwk).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
});

test('a JWK that is not one is PMS_ESI_007; an EC key is not RSA', () => {
  for (const jwk of [{}, { kty: 'RSA' }, { kty: 'RSA', n: 'not base64!', e: 'AQAB' }, { kty: 'oct', k: 'abc' }, { kty: 'XYZ' }, { ...rsaJwk(), n: 42 }]) {
    assert.equal(refusalOfCall(() => clientPublicKey(jwk)).code, 'PMS_ESI_007', JSON.stringify(jwk).slice(0, 40));
  }
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  assert.deepEqual(clientPublicKey(ec), { rsa: false });
});

test("a whole key pair sent as the JWK registers its public key: the private members are dropped, the client id is the public key's", () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pair = clientPublicKey(privateKey.export({ format: 'jwk' }) as Record<string, unknown>);
  const alone = clientPublicKey(publicKey.export({ format: 'jwk' }) as Record<string, unknown>);
  assert.ok(pair.rsa && alone.rsa);
  assert.deepEqual(Object.keys(pair.jwk).sort(), ['e', 'kty', 'n']);
  assert.deepEqual(pair, alone);
});

test("claims and ACRs come from the policy's KYC attributes and auth types, refused in MOSIP's order", () => {
  assert.deepEqual(claimsAndAcrs(AUTH_POLICY), { claims: ['name', 'email', 'address'], acrValues: ['mosip:idp:acr:generated-code'] });
  const bio = { allowedAuthTypes: [{ authType: 'BIO', mandatory: false }, { authType: 'pin' }], allowedKycAttributes: [{ attributeName: 'FULLNAME' }] };
  assert.deepEqual(claimsAndAcrs(bio).acrValues, ['mosip:idp:acr:static-code', 'mosip:idp:acr:biometrics']);
  assert.equal(refusalOfCall(() => claimsAndAcrs({ ...AUTH_POLICY, allowedKycAttributes: [{ attributeName: 'nothingMapped' }] })).code, 'PMS_ESI_005');
  assert.equal(refusalOfCall(() => claimsAndAcrs({ ...AUTH_POLICY, allowedAuthTypes: [{ authType: 'otp', mandatory: true }] })).code, 'PMS_ESI_003');
  assert.equal(refusalOfCall(() => claimsAndAcrs({ ...AUTH_POLICY, allowedAuthTypes: [{ authType: 'demo', mandatory: false }] })).code, 'PMS_ESI_006');
  // No claim is checked before a mandatory auth type, as MOSIP reads the KYC attributes first.
  assert.equal(refusalOfCall(() => claimsAndAcrs({ allowedAuthTypes: [{ authType: 'otp', mandatory: true }], allowedKycAttributes: [] })).code, 'PMS_ESI_005');
});

test('create: stored and registered with the derived claims and ACRs, confirmed with OIDC_CLIENT_CREATED; read back and listed', async () => {
  const { deps, clients, esignet } = world();
  const { clientId, status } = await createClient(deps, owner, createInput(), 'oauth');
  assert.equal(status, 'ACTIVE');
  const stored = clients.items.get(clientId)!;
  assert.equal(stored.pending, null);
  assert.deepEqual(esignet.held.get(clientId)?.claims, ['name', 'email', 'address']);
  assert.deepEqual(esignet.held.get(clientId)?.acrValues, ['mosip:idp:acr:generated-code']);
  assert.deepEqual(clients.audits, ['createOidcClient']);
  assert.deepEqual(
    clients.events.map((event) => [event.topic, Object.keys(event.event.data).sort()]),
    [['OIDC_CLIENT_CREATED', ['clientData', 'partnerData', 'policyData']]],
  );
  const read = await getClient(deps, owner, clientId);
  assert.deepEqual(
    [read.name, read.relyingPartyId, read.policyName, read.status],
    [JSON.stringify({ eng: 'Health portal', '@none': 'Health portal' }), 'rp-1', 'Card print', 'ACTIVE'],
  );
  assert.equal(typeof read.publicKey, 'string');
  assert.equal((await listClients(deps, owner, {})).totalResults, 1);
  assert.equal((await listClients(deps, admin, { status: 'INACTIVE' })).totalResults, 0);
});

test("create is refused in MOSIP's order, writing nothing and calling no eSignet", async () => {
  const jwk = rsaJwk();
  const cases: [string, ReturnType<typeof world>, Caller, Record<string, unknown>][] = [
    ['PMS_CERTIFICATE_ERROR_002', world(), { userId: 'nobody', isAdmin: false }, {}],
    ['PMS_POLICY_ERROR_009', world(), stranger, {}],
    ['PMS_PRT_058', world(), admin, { authPartnerId: 'missing' }],
    ['PMS_PRT_059', world({ partner: { partnerType: 'Device_Provider' } }), owner, {}],
    ['PMS_PMP_016', world({ partner: { isActive: false } }), owner, {}],
    ['PMS_PRT_073', world(), owner, { policyId: 'missing' }],
    ['PMS_PRT_061', world({ link: undefined }), owner, {}],
    ['PMS_ESI_002', world({ link: { mappingKey: 'm', status: 'InProgress' } }), owner, {}],
    ['PMS_ESI_003', world({ policies: { ...AUTH_POLICY, allowedAuthTypes: [{ authType: 'otp', mandatory: true }] } }), owner, {}],
    ['invalid_redirect_uri', world(), owner, { redirectUris: ['$abcdefg'] }],
    ['invalid_grant_type', world(), owner, { grantTypes: ['hghghgg'] }],
    ['invalid_client_auth', world(), owner, { clientAuthMethods: ['client_secret_basic'] }],
    ['invalid_language_code', world(), owner, { clientNameLangMap: { xyz: 'Name' } }],
    ['invalid_public_key', world(), owner, { publicKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }) }],
  ];
  for (const [code, { deps, clients, esignet }, caller, overrides] of cases) {
    assert.equal(await refusal(createClient(deps, caller, createInput(jwk, overrides), 'oauth')), code, code);
    assert.equal(clients.items.size, 0, code);
    assert.deepEqual(esignet.calls, [], code);
  }
  const policyWorld = world();
  assert.equal(
    await refusal(createClient({ ...policyWorld.deps, policies: { getPolicy: async () => policyFixture() } }, owner, createInput(jwk), 'oauth')),
    'PMS_PRT_057',
  );
});

test('a public key that has a client already is PMS_ESI_001, before anything else', async () => {
  const { deps } = world();
  const jwk = rsaJwk();
  await createClient(deps, owner, createInput(jwk), 'oauth');
  assert.equal(await refusal(createClient(deps, stranger, createInput({ ...jwk, kid: 'another' }), 'oauth')), 'PMS_ESI_001');
});

test('eSignet refusing a create: its error answers, nothing is kept in either system', async () => {
  const { deps, clients, esignet } = world();
  esignet.state.next = { refuse: 'invalid_claim' };
  assert.equal(await refusal(createClient(deps, owner, createInput(), 'oauth')), 'invalid_claim');
  assert.equal(clients.items.size, 0);
  assert.equal(esignet.held.size, 0);
  assert.deepEqual(clients.events, []);
});

test('eSignet down during a create: PMS_KKS_001, the client pending and hidden, then settled once eSignet is back', async () => {
  const { deps, clients, esignet, later } = world();
  esignet.state.next = 'down';
  assert.equal(await refusal(createClient(deps, owner, createInput(), 'oauth')), 'PMS_KKS_001');
  const [pending] = [...clients.items.values()];
  assert.equal(pending?.pending?.kind, 'create');
  assert.equal(await refusal(getClient(deps, owner, pending!.id)), 'PMS_ESI_004');
  assert.equal((await listClients(deps, owner, {})).totalResults, 0);
  assert.deepEqual(await settlePendingClients(deps), { confirmed: 0, undone: 0, waiting: 0 }, 'within the grace period the request may still finish');
  later(SETTLE_GRACE_MS + 1);
  assert.deepEqual(await settlePendingClients(deps), { confirmed: 0, undone: 0, waiting: 1 }, 'still down');
  esignet.state.next = 'ok';
  assert.deepEqual(await settlePendingClients(deps), { confirmed: 1, undone: 0, waiting: 0 });
  assert.equal(clients.items.get(pending!.id)?.pending, null);
  assert.ok(esignet.held.has(pending!.id));
  assert.deepEqual(
    clients.events.map((event) => event.topic),
    ['OIDC_CLIENT_CREATED'],
  );
  assert.equal((await getClient(deps, owner, pending!.id)).status, 'ACTIVE');
});

test('a create eSignet applied but whose answer was lost: the retry meets duplicate_client_id, updates, and confirms', async () => {
  const { deps, clients, esignet, later } = world();
  esignet.state.next = 'lost-answer';
  assert.equal(await refusal(createClient(deps, owner, createInput(), 'oauth')), 'PMS_KKS_001');
  esignet.state.next = 'ok';
  later(SETTLE_GRACE_MS + 1);
  assert.deepEqual(await settlePendingClients(deps), { confirmed: 1, undone: 0, waiting: 0 });
  const [client] = [...clients.items.values()];
  assert.equal(client?.pending, null);
  assert.deepEqual(
    esignet.calls.map((call) => call.split(':')[0]),
    ['create', 'create', 'update'],
  );
});

test('a pending create eSignet refuses on the retry is removed', async () => {
  const { deps, clients, esignet, later } = world();
  esignet.state.next = 'down';
  await refusal(createClient(deps, owner, createInput(), 'oauth'));
  esignet.state.next = { refuse: 'invalid_rp_id' };
  later(SETTLE_GRACE_MS + 1);
  assert.deepEqual(await settlePendingClients(deps), { confirmed: 0, undone: 1, waiting: 0 });
  assert.equal(clients.items.size, 0);
  assert.equal(esignet.held.size, 0);
});

test('update and deactivate: eSignet holds the same fields; INACTIVE is final (PMS_ESI_008)', async () => {
  const { deps, clients, esignet } = world();
  const { clientId } = await createClient(deps, owner, createInput(), 'oauth');
  await updateClient(deps, owner, clientId, updateInput(), 'oauth');
  assert.deepEqual(esignet.held.get(clientId)?.redirectUris, ['https://health.example.org/v2/callback']);
  assert.equal(esignet.held.get(clientId)?.name, 'Health portal 2');
  assert.equal(clients.items.get(clientId)?.name, 'Health portal 2');
  assert.deepEqual((await updateClient(deps, owner, clientId, updateInput({ status: 'inactive' }), 'oauth')).status, 'INACTIVE');
  assert.equal(esignet.held.get(clientId)?.status, 'INACTIVE');
  assert.equal(esignet.held.get(clientId)?.name, 'Health portal 2', 'a status change changes only the status');
  assert.equal(await refusal(updateClient(deps, owner, clientId, updateInput({ status: 'ACTIVE' }), 'oauth')), 'PMS_ESI_008');
  assert.deepEqual(clients.audits, ['createOidcClient', 'updateOidcClient', 'deactivateOidcClient']);
  assert.deepEqual(
    clients.events.map((event) => event.topic),
    ['OIDC_CLIENT_CREATED', 'OIDC_CLIENT_UPDATED', 'OIDC_CLIENT_UPDATED'],
  );
});

test("another partner's user is refused on update and read; a malformed id is PMS_PRT_099; a missing one PMS_ESI_004", async () => {
  const { deps, esignet } = world();
  const { clientId } = await createClient(deps, owner, createInput(), 'oauth');
  const calls = esignet.calls.length;
  assert.equal(await refusal(updateClient(deps, stranger, clientId, updateInput(), 'oauth')), 'PMS_POLICY_ERROR_010');
  assert.equal(await refusal(getClient(deps, stranger, clientId)), 'PMS_POLICY_ERROR_011');
  assert.equal((await listClients(deps, stranger, {})).totalResults, 0);
  assert.equal(await refusal(updateClient(deps, owner, ' ', updateInput(), 'oauth')), 'PMS_PRT_099');
  assert.equal(await refusal(updateClient(deps, owner, 'no-such-client', updateInput(), 'oauth')), 'PMS_ESI_004');
  assert.equal(await refusal(updateClient(deps, owner, clientId, updateInput({ grantTypes: ['implicit'] }), 'oauth')), 'invalid_grant_type');
  assert.equal(esignet.calls.length, calls, 'no refused update reached eSignet');
});

test('eSignet refusing an update: its error answers (MOSIP ignores it) and our client keeps what eSignet holds', async () => {
  const { deps, clients, esignet } = world();
  const { clientId } = await createClient(deps, owner, createInput(), 'oauth');
  esignet.state.next = { refuse: 'invalid_redirect_uri' };
  assert.equal(await refusal(updateClient(deps, owner, clientId, updateInput(), 'oauth')), 'invalid_redirect_uri');
  const stored = clients.items.get(clientId)!;
  assert.deepEqual([stored.name, stored.redirectUris, stored.pending], ['Health portal', ['https://health.example.org/callback'], null]);
  assert.equal(esignet.held.get(clientId)?.name, 'Health portal');
});

test('eSignet down during an update: PMS_KKS_001, the update pending, then sent again and confirmed (or put back if refused)', async () => {
  const { deps, clients, esignet, later } = world();
  const { clientId } = await createClient(deps, owner, createInput(), 'oauth');
  esignet.state.next = 'down';
  assert.equal(await refusal(updateClient(deps, owner, clientId, updateInput(), 'oauth')), 'PMS_KKS_001');
  assert.equal(clients.items.get(clientId)?.pending?.kind, 'update');
  later(SETTLE_GRACE_MS + 1);
  esignet.state.next = 'ok';
  assert.deepEqual(await settlePendingClients(deps), { confirmed: 1, undone: 0, waiting: 0 });
  assert.equal(esignet.held.get(clientId)?.name, 'Health portal 2');
  assert.equal(clients.items.get(clientId)?.pending, null);

  esignet.state.next = 'down';
  await refusal(updateClient(deps, owner, clientId, updateInput({ clientName: 'Third name' }), 'oauth'));
  later(SETTLE_GRACE_MS + 1);
  esignet.state.next = { refuse: 'invalid_uri' };
  assert.deepEqual(await settlePendingClients(deps), { confirmed: 0, undone: 1, waiting: 0 });
  assert.equal(clients.items.get(clientId)?.name, 'Health portal 2', 'put back to what eSignet holds');
  assert.equal(esignet.held.get(clientId)?.name, 'Health portal 2');
});
