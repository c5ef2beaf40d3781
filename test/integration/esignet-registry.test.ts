import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { httpEsignetRegistry } from '../../functions/adapters/esignet/esignet-registry.js';
import { EsignetRefusal, type EsignetRegistration, EsignetUnavailable } from '../../functions/domain/oidc-clients/ports.js';
import { clientPublicKey } from '../../functions/domain/oidc-clients/public-key.js';
import { LOCAL_ESIGNET_CLIENT_ID, type LocalEsignet, readLocalEsignetClients, startLocalEsignet } from '../../local/esignet.js';

/* The eSignet adapter against the local eSignet counterpart (its contract, its codes), and against it being down. */

const SECRET = 'a-local-client-secret-of-forty-three-chars-x';
let dataDir: string;
let esignet: LocalEsignet;
const tokenRequests: string[] = [];

function registry(secret = SECRET, target = esignet) {
  return httpEsignetRegistry({
    url: target.url,
    tokenUrl: target.tokenUrl,
    clientId: LOCAL_ESIGNET_CLIENT_ID,
    clientSecret: async () => secret,
    timeoutMs: 2_000,
    fetch: (input, init) => {
      if (String(input).endsWith('/oauth/token')) tokenRequests.push(String(input));
      return fetch(input, init);
    },
  });
}

function registration(overrides: Partial<EsignetRegistration> = {}): EsignetRegistration {
  const key = clientPublicKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }) as Record<string, unknown>);
  assert.ok(key.rsa);
  return {
    clientId: key.clientId,
    relyingPartyId: 'auth-partner-1',
    publicKey: key.jwk,
    name: 'Health portal',
    clientNameLangMap: { eng: 'Health portal' },
    logoUri: 'https://health.example.org/logo.png',
    redirectUris: ['https://health.example.org/callback'],
    grantTypes: ['authorization_code'],
    clientAuthMethods: ['private_key_jwt'],
    claims: ['name', 'email'],
    acrValues: ['mosip:idp:acr:generated-code'],
    status: 'ACTIVE',
    ...overrides,
  };
}

async function thrown(action: Promise<unknown>): Promise<unknown> {
  return action.then(
    () => assert.fail('expected a failure'),
    (error: unknown) => error,
  );
}

async function refusedWith(action: Promise<unknown>, code: string): Promise<void> {
  const error = await thrown(action);
  assert.ok(error instanceof EsignetRefusal, String(error));
  assert.equal(error.error.code, code);
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pms-esignet-'));
  esignet = await startLocalEsignet({ port: 0, dataDir, clientSecret: SECRET });
});
after(async () => {
  await esignet?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('create and update through the oauth-client API: the counterpart holds the client, with one service token for both calls', async () => {
  const adapter = registry();
  const client = registration();
  const before = tokenRequests.length;
  await adapter.create('oauth', client);
  await adapter.update('oauth', {
    ...client,
    redirectUris: ['https://health.example.org/v2/callback'],
    name: 'Health portal 2',
    clientNameLangMap: { eng: 'Health 2' },
  });
  assert.equal(tokenRequests.length - before, 1);
  const held = readLocalEsignetClients(dataDir).find((candidate) => candidate.clientId === client.clientId);
  assert.deepEqual(
    [held?.clientName, held?.redirectUris, held?.userClaims, held?.authContextRefs, held?.status, held?.relyingPartyId],
    [
      JSON.stringify({ eng: 'Health 2', '@none': 'Health portal 2' }),
      ['https://health.example.org/v2/callback'],
      ['name', 'email'],
      ['mosip:idp:acr:generated-code'],
      'ACTIVE',
      'auth-partner-1',
    ],
  );
  await refusedWith(adapter.create('oauth', client), 'duplicate_client_id');
});

test("eSignet's validation codes come back as refusals, and nothing is kept", async () => {
  const adapter = registry();
  const count = readLocalEsignetClients(dataDir).length;
  await refusedWith(adapter.create('oauth', registration({ grantTypes: ['hghghgg'] })), 'invalid_grant_type');
  await refusedWith(adapter.create('oauth', registration({ redirectUris: ['$abcdefg'] })), 'invalid_redirect_uri');
  await refusedWith(adapter.create('oidc', registration({ clientAuthMethods: ['client_secret_post'] })), 'invalid_client_auth');
  await refusedWith(adapter.create('oauth', registration({ claims: ['shoe_size'] })), 'invalid_claim');
  await refusedWith(adapter.create('oauth', registration({ acrValues: ['mosip:idp:acr:telepathy'] })), 'invalid_acr');
  await refusedWith(adapter.create('oauth', registration({ clientNameLangMap: { zzz: 'x' } })), 'invalid_language_code');
  await refusedWith(adapter.create('oauth', registration({ publicKey: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' } })), 'invalid_public_key');
  await refusedWith(adapter.update('oauth', registration()), 'invalid_client_id');
  assert.equal(readLocalEsignetClients(dataDir).length, count);
});

test('a wrong client secret, a refusing eSignet, a down eSignet and a stopped one: refused or unavailable, never the secret in the error', async () => {
  const wrong = await thrown(registry('not-the-secret').create('oauth', registration()));
  assert.ok(wrong instanceof EsignetUnavailable);
  assert.equal(wrong.error.code, 'PMS_KKS_001');
  assert.doesNotMatch(String(wrong.message), /not-the-secret/);

  const mode = (body: unknown) => fetch(`${esignet.url.replace('/v1/esignet', '')}/_local/mode`, { method: 'POST', body: JSON.stringify(body) });
  await mode({ mode: 'refusing', errorCode: 'unknown_error' });
  await refusedWith(registry().create('oauth', registration()), 'unknown_error');
  await mode({ mode: 'down' });
  const down = await thrown(registry().create('oauth', registration()));
  assert.ok(down instanceof EsignetUnavailable);
  assert.equal(down.error.code, 'PMS_KKS_001');
  await mode({ mode: 'up' });
  await registry().create('oauth', registration());

  const count = readLocalEsignetClients(dataDir).length;
  await esignet.stop();
  const stopped = await thrown(registry().create('oauth', registration()));
  assert.ok(stopped instanceof EsignetUnavailable);
  assert.equal(stopped.error.code, 'PMS_KKS_001');
  esignet = await startLocalEsignet({ port: 0, dataDir, clientSecret: SECRET });
  assert.equal(readLocalEsignetClients(dataDir).length, count, 'clients are kept in the data directory across restarts');
  await refusedWith(registry().create('oauth', readBackRegistration(dataDir)), 'duplicate_client_id');
});

/** The first client the counterpart holds, as a registration (its id is what counts). */
function readBackRegistration(dir: string): EsignetRegistration {
  const [held] = readLocalEsignetClients(dir);
  return registration({ clientId: held!.clientId, publicKey: held!.publicKey as Record<string, string> });
}
