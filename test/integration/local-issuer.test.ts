import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { base64url, decodeJwt, decodeProtectedHeader, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { createTokenVerifier, type TokenVerifier } from '../../functions/auth/token-verifier.js';
import { createLocalIssuer, LOCAL_AUDIENCE, LOCAL_CLIENT_ID, type LocalIssuer } from '../../local/issuer.js';
import { startIssuerServer } from '../../local/issuer-server.js';
import { loadOrCreateSigningKey } from '../../local/signing-key.js';
import { freePorts } from '../support/free-ports.js';

describe('local token issuer', () => {
  let dataDir: string;
  let issuer: LocalIssuer;
  let verify: TokenVerifier;
  let stopServer: () => Promise<void>;
  let port: number;

  /** The claims of a valid token, changed and signed again with the issuer's own key. */
  async function resigned(token: string, changes: JWTPayload, remove: string[] = []): Promise<string> {
    const key = await loadOrCreateSigningKey(dataDir);
    const payload: JWTPayload = { ...decodeJwt(token), ...changes };
    for (const claim of remove) delete payload[claim];
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pms-issuer-'));
    [port] = (await freePorts(1)) as [number];
    issuer = await createLocalIssuer({ dataDir, port });
    stopServer = (await startIssuerServer(issuer, port)).stop;
    verify = createTokenVerifier(issuer.configs);
  });

  after(async () => {
    await stopServer();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('issues Keycloak-shaped tokens that the verifier accepts with their user, roles and email', async () => {
    const token = await issuer.mintToken({ user: 'admin1', roles: ['PARTNER_ADMIN', 'POLICYMANAGER'], email: 'admin1@example.org' });
    const claims = decodeJwt(token);
    assert.equal(claims.aud, LOCAL_AUDIENCE);
    assert.equal(claims.azp, LOCAL_CLIENT_ID);
    assert.deepEqual(claims.realm_access, { roles: ['PARTNER_ADMIN', 'POLICYMANAGER'] });
    assert.equal(decodeProtectedHeader(token).alg, 'RS256');

    const principal = await verify(token);
    assert.equal(principal?.userId, 'admin1');
    assert.equal(principal?.email, 'admin1@example.org');
    assert.deepEqual([...(principal?.roles ?? [])].sort(), ['PARTNER_ADMIN', 'POLICYMANAGER']);
  });

  it('issues Cognito-shaped access tokens, without aud, that the verifier accepts', async () => {
    const token = await issuer.mintToken({ user: 'partner1', roles: ['AUTH_PARTNER'], flavor: 'cognito' });
    const claims = decodeJwt(token);
    assert.equal(claims.aud, undefined);
    assert.equal(claims.client_id, LOCAL_CLIENT_ID);
    assert.equal(claims.token_use, 'access');
    assert.deepEqual(claims['cognito:groups'], ['AUTH_PARTNER']);

    const principal = await verify(token);
    assert.equal(principal?.userId, 'partner1');
    assert.deepEqual([...(principal?.roles ?? [])], ['AUTH_PARTNER']);
  });

  it('gives the same user the same subject in every token', async () => {
    const first = decodeJwt(await issuer.mintToken({ user: 'same', roles: [] })).sub;
    const second = decodeJwt(await issuer.mintToken({ user: 'same', roles: [], flavor: 'cognito' })).sub;
    const other = decodeJwt(await issuer.mintToken({ user: 'other', roles: [] })).sub;
    assert.equal(first, second);
    assert.notEqual(first, other);
  });

  it("reads a Cognito machine token's roles from its pms/<ROLE> scopes, ignoring other scopes", async () => {
    const token = await issuer.mintToken({ user: 'ida', roles: [], flavor: 'cognito' });
    const machine = await resigned(token, { scope: 'pms/ID_AUTHENTICATION other/PARTNER_ADMIN pms/NOT_A_ROLE' }, ['cognito:groups']);
    assert.deepEqual([...((await verify(machine))?.roles ?? [])], ['ID_AUTHENTICATION']);
  });

  it('gives a scope only machine roles: pms/PARTNER_ADMIN or pms/AUTH_PARTNER on a machine token confers nothing', async () => {
    const token = await issuer.mintToken({ user: 'ida', roles: [], flavor: 'cognito' });
    const escalating = await resigned(token, { scope: 'pms/PARTNER_ADMIN pms/POLICYMANAGER pms/AUTH_PARTNER' }, ['cognito:groups']);
    const principal = await verify(escalating);
    assert.equal(principal?.userId, 'ida');
    assert.deepEqual([...(principal?.roles ?? [])], []);
  });

  it('rejects a Keycloak ID or refresh token (typ other than Bearer) and a token without typ', async () => {
    const valid = await issuer.mintToken({ user: 'admin1', roles: ['PARTNER_ADMIN'] });
    assert.equal(decodeJwt(valid).typ, 'Bearer');
    for (const typ of ['ID', 'Refresh', 'Offline', 'bearer']) assert.equal(await verify(await resigned(valid, { typ })), undefined, typ);
    assert.equal(await verify(await resigned(valid, {}, ['typ'])), undefined);
  });

  it('rejects a token issued in the future, or without iat; accepts one a few seconds ahead (clock skew)', async () => {
    const valid = await issuer.mintToken({ user: 'admin1', roles: ['PARTNER_ADMIN'] });
    const now = Math.floor(Date.now() / 1000);
    for (const flavor of ['keycloak', 'cognito'] as const) {
      const token = flavor === 'keycloak' ? valid : await issuer.mintToken({ user: 'partner1', roles: ['AUTH_PARTNER'], flavor });
      assert.equal(await verify(await resigned(token, { iat: now + 3600 })), undefined, flavor);
      assert.equal(await verify(await resigned(token, {}, ['iat'])), undefined, flavor);
      assert.notEqual(await verify(await resigned(token, { iat: now + 2 })), undefined, flavor);
    }
  });

  it('keeps its key in the data directory: an issuer restarted there signs tokens the running JWKS vouches for', async () => {
    const restarted = await createLocalIssuer({ dataDir, port });
    assert.deepEqual(restarted.jwks, issuer.jwks);
    assert.equal((await verify(await restarted.mintToken({ user: 'restarted', roles: ['PARTNER'] })))?.userId, 'restarted');
  });

  it('rejects a token with the right issuer and claims but signed with another key', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'pms-issuer-other-'));
    try {
      const impostor = await createLocalIssuer({ dataDir: otherDir, port });
      assert.notDeepEqual(impostor.jwks, issuer.jwks);
      assert.equal(await verify(await impostor.mintToken({ user: 'admin1', roles: ['PARTNER_ADMIN'] })), undefined);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('rejects an expired token', async () => {
    const token = await issuer.mintToken({ user: 'late', roles: ['PARTNER_ADMIN'], expiresInSeconds: -60 });
    assert.equal(await verify(token), undefined);
  });

  it('rejects a token from an issuer it does not trust, even when signed with the right key', async () => {
    const valid = await issuer.mintToken({ user: 'admin1', roles: ['PARTNER_ADMIN'] });
    const foreignIssuer = decodeJwt(valid).iss!.replace('/realms/mosip', '/realms/other');
    assert.notEqual(await verify(valid), undefined);
    assert.equal(await verify(await resigned(valid, { iss: foreignIssuer })), undefined);
  });

  it('rejects a Keycloak token meant for another audience, such as the default "account"', async () => {
    const valid = await issuer.mintToken({ user: 'admin1', roles: ['PARTNER_ADMIN'] });
    assert.equal(await verify(await resigned(valid, { aud: 'account' })), undefined);
    assert.equal(await verify(await resigned(valid, {}, ['aud'])), undefined);
  });

  it('rejects a Cognito token for another app client, or one that is not an access token', async () => {
    const valid = await issuer.mintToken({ user: 'partner1', roles: ['AUTH_PARTNER'], flavor: 'cognito' });
    assert.equal(await verify(await resigned(valid, { client_id: 'another-client' })), undefined);
    assert.equal(await verify(await resigned(valid, { token_use: 'id' })), undefined);
  });

  it('rejects an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const valid = await issuer.mintToken({ user: 'admin1', roles: ['PARTNER_ADMIN'] });
    const publicKeyAsSecret = new TextEncoder().encode(JSON.stringify(issuer.jwks.keys[0]));
    const forged = await new SignJWT(decodeJwt(valid)).setProtectedHeader({ alg: 'HS256', kid: issuer.jwks.keys[0]!.kid! }).sign(publicKeyAsSecret);
    assert.equal(await verify(forged), undefined);
  });

  it('rejects an unsigned token (alg "none")', async () => {
    const valid = await issuer.mintToken({ user: 'admin1', roles: ['PARTNER_ADMIN'] });
    const encode = (value: object) => base64url.encode(JSON.stringify(value));
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(decodeJwt(valid))}.`;
    assert.equal(await verify(unsigned), undefined);
  });

  it('rejects an RS256 token from another key that claims our key id', async () => {
    const valid = await issuer.mintToken({ user: 'admin1', roles: ['PARTNER_ADMIN'] });
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(valid)).setProtectedHeader({ alg: 'RS256', kid: issuer.jwks.keys[0]!.kid! }).sign(privateKey);
    assert.equal(await verify(forged), undefined);
  });
});
