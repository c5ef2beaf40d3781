import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { SignJWT } from 'jose';
import { finishLogin, logoutUser, startLogin } from '../../functions/domain/login/login-flow.js';
import { IdentityProviderRefusal, type LoginDeps } from '../../functions/domain/login/ports.js';
import { allowedReturnUrl } from '../../functions/domain/login/return-url.js';
import { validatedUser } from '../../functions/domain/login/validated-user.js';
import type { HttpReply } from '../../functions/http/http-reply.js';
import { refusal, refusalOf } from '../support/refusals.js';

const PORTAL = 'https://portal.example';
const b64 = (url: string) => Buffer.from(url).toString('base64');
const RETURN = b64(`${PORTAL}/#/partnermanagement/dashboard`);
const STATE = '6f1c2d3e-4a5b-4c6d-8e7f-901234567890';
const NOW = new Date('2026-12-05T10:00:00Z');
const VERIFIER = 'v'.repeat(43);

async function tokenFor(sub: string, expiresAt = NOW.getTime() / 1000 + 1800): Promise<string> {
  return new SignJWT({ preferred_username: 'bank-1', given_name: 'Ada', family_name: 'Okafor', langCode: 'fra' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode('k'.repeat(32)));
}

function world(overrides: { endSession?: string; publicUrl?: string; exchange?: () => Promise<{ accessToken: string }>; valid?: boolean } = {}) {
  const calls: string[] = [];
  const exchanged: { code: string; redirectUri: string; codeVerifier: string }[] = [];
  const deps: LoginDeps = {
    settings: { clientId: 'pms-portal', allowedUrls: [`${PORTAL}/**`, 'http://localhost:3000/#/x'], publicUrl: overrides.publicUrl, scope: 'openid profile' },
    provider: {
      async endpoints() {
        calls.push('endpoints');
        return { authorization: 'https://idp.example/auth?kc_idp_hint=x', token: 'https://idp.example/token', endSession: overrides.endSession };
      },
      async exchangeCode(request) {
        calls.push('exchange');
        exchanged.push(request);
        return overrides.exchange ? overrides.exchange() : { accessToken: await tokenFor('user-sub') };
      },
    },
    verifyToken: async () => (overrides.valid === false ? undefined : { userId: 'bank-1', subject: 'user-sub', roles: new Set() }),
    newCodeVerifier: () => VERIFIER,
  };
  return { deps, calls, exchanged };
}

const base = { cookies: {}, origin: 'http://api.local:8080', now: NOW };
const cookieNamed = (reply: HttpReply, name: string) => reply.cookies.find((cookie) => cookie.startsWith(`${name}=`));

test('start: the state is the portal’s (cookie first), a canonical UUID; the return URL is checked before the provider is asked', async () => {
  const { deps, calls } = world();
  assert.equal(await refusal(startLogin(deps, { ...base, returnUrl: RETURN, stateParam: undefined })), 'KER-ACP-010');
  assert.equal(await refusal(startLogin(deps, { ...base, returnUrl: RETURN, stateParam: 'not-a-uuid' })), 'KER-ACP-011');
  assert.equal(await refusal(startLogin(deps, { ...base, returnUrl: RETURN, stateParam: STATE.toUpperCase() })), 'KER-ACP-011');
  assert.equal(await refusal(startLogin(deps, { ...base, returnUrl: b64('https://evil.example/'), stateParam: STATE })), 'KER-ACP-009');
  assert.deepEqual(calls, []);
  const reply = await startLogin(deps, { ...base, returnUrl: RETURN, stateParam: 'ignored', cookies: { state: STATE } });
  assert.equal(reply.statusCode, 302);
  const location = new URL(reply.headers.location!);
  assert.equal(`${location.origin}${location.pathname}`, 'https://idp.example/auth');
  assert.deepEqual(Object.fromEntries(location.searchParams), {
    kc_idp_hint: 'x',
    client_id: 'pms-portal',
    redirect_uri: `http://api.local:8080/v1/partnermanager/login-redirect/${RETURN}`,
    state: STATE,
    response_type: 'code',
    scope: 'openid profile',
    code_challenge: createHash('sha256').update(VERIFIER).digest('base64url'),
    code_challenge_method: 'S256',
  });
  assert.equal(cookieNamed(reply, 'state'), `state=${STATE}; Max-Age=600; Path=/; SameSite=Lax; HttpOnly`);
  assert.equal(cookieNamed(reply, 'pkce_verifier'), `pkce_verifier=${VERIFIER}; Max-Age=600; Path=/v1/partnermanager/login-redirect; SameSite=Lax; HttpOnly`);
  const secure = await startLogin(world({ publicUrl: 'https://pms.example/' }).deps, { ...base, returnUrl: RETURN, stateParam: STATE });
  assert.match(new URL(secure.headers.location!).searchParams.get('redirect_uri')!, /^https:\/\/pms\.example\/v1\/partnermanager\/login-redirect\//);
  assert.ok(secure.cookies.every((cookie) => cookie.endsWith('; Secure')));
});

test('finish: state and verifier from this browser, the code exchanged with them, our verifier accepts the token, then the cookie', async () => {
  const cookies = { state: STATE, pkce_verifier: VERIFIER };
  const query = { state: STATE, code: 'the-code' };
  const { deps, exchanged } = world({ publicUrl: 'https://pms.example' });
  const reply = await finishLogin(deps, { ...base, returnUrl: RETURN, query, cookies });
  assert.deepEqual([reply.statusCode, reply.headers.location], [302, `${PORTAL}/#/partnermanagement/dashboard`]);
  assert.deepEqual(exchanged, [{ code: 'the-code', codeVerifier: VERIFIER, redirectUri: `https://pms.example/v1/partnermanager/login-redirect/${RETURN}` }]);
  const token = await tokenFor('user-sub');
  assert.equal(cookieNamed(reply, 'Authorization'), `Authorization=${token}; Max-Age=1800; Path=/; SameSite=Lax; HttpOnly; Secure`);
  assert.equal(cookieNamed(reply, 'state'), 'state=; Max-Age=0; Path=/; SameSite=Lax; HttpOnly; Secure');
  assert.equal(cookieNamed(reply, 'pkce_verifier'), 'pkce_verifier=; Max-Age=0; Path=/v1/partnermanager/login-redirect; SameSite=Lax; HttpOnly; Secure');
});

test('finish refusals: a foreign URL, another state, no verifier, no code, a provider refusal, a token we would not accept', async () => {
  const cookies = { state: STATE, pkce_verifier: VERIFIER };
  const query = { state: STATE, code: 'c' };
  const refused = async (w: ReturnType<typeof world>, request: Partial<Parameters<typeof finishLogin>[1]>) =>
    refusal(finishLogin(w.deps, { ...base, returnUrl: RETURN, query, cookies, ...request }));
  const quiet = world();
  assert.equal(await refused(quiet, { returnUrl: b64('https://portal.example.evil.com/') }), 'KER-ACP-009');
  assert.equal(await refused(quiet, { query: { ...query, state: '00000000-0000-4000-8000-000000000000' } }), 'KER-ACP-007');
  assert.equal(await refused(quiet, { cookies: { pkce_verifier: VERIFIER } }), 'KER-ACP-007');
  assert.equal(await refused(quiet, { cookies: { state: STATE } }), 'KER-ACP-007');
  assert.equal(await refused(quiet, { query: { state: STATE } }), 'KER-ACP-006');
  assert.deepEqual(quiet.calls, [], 'nothing reached the provider');
  const refusedByProvider = world({ exchange: async () => Promise.reject(new IdentityProviderRefusal('Code not valid')) });
  assert.deepEqual(await refusalOf(finishLogin(refusedByProvider.deps, { ...base, returnUrl: RETURN, query, cookies })), {
    code: 'KER-ACP-006',
    message: 'Error Occured while getting access token from iam Code not valid',
  });
  assert.equal(await refused(world({ valid: false }), {}), 'KER-ATH-401');
});

test("finish: the provider's error goes back to the portal without an exchange, after the URL check", async () => {
  const w = world();
  const reply = await finishLogin(w.deps, { ...base, returnUrl: RETURN, query: { error: 'access_denied', state: STATE }, cookies: {} });
  assert.equal(reply.headers.location, `${PORTAL}/#/partnermanagement/dashboard?error=access_denied`);
  assert.deepEqual(w.calls, []);
  assert.equal(await refusal(finishLogin(w.deps, { ...base, returnUrl: b64('https://evil.example/'), query: { error: 'x' }, cookies: {} })), 'KER-ACP-009');
});

test('logout: an allowed URL only; the cookies expire; the provider ends its session, or the browser goes straight back', async () => {
  assert.equal(await refusal(logoutUser(world().deps, { ...base, returnUrl: undefined })), 'KER-ACP-009');
  assert.equal(await refusal(logoutUser(world().deps, { ...base, returnUrl: b64('javascript:alert(1)') })), 'KER-ACP-009');
  const withEndSession = await logoutUser(world({ endSession: 'https://idp.example/logout' }).deps, { ...base, returnUrl: RETURN });
  const location = new URL(withEndSession.headers.location!);
  assert.deepEqual(Object.fromEntries(location.searchParams), { post_logout_redirect_uri: `${PORTAL}/#/partnermanagement/dashboard`, client_id: 'pms-portal' });
  assert.equal(cookieNamed(withEndSession, 'Authorization'), 'Authorization=; Max-Age=0; Path=/; SameSite=Lax; HttpOnly');
  const straight = await logoutUser(world().deps, { ...base, returnUrl: RETURN });
  assert.equal(straight.headers.location, `${PORTAL}/#/partnermanagement/dashboard`);
});

test('the allow-list: exact URLs ignore the fragment; `/**` allows that URL and below, never a look-alike host', () => {
  const allowed = [`${PORTAL}/**`, 'http://localhost:3000/#/x'];
  const ok = (url: string) => allowedReturnUrl(b64(url), allowed) === url;
  assert.ok(ok(PORTAL) && ok(`${PORTAL}/`) && ok(`${PORTAL}/#/a?b=c`) && ok('http://localhost:3000/#/other'));
  for (const url of [
    'https://portal.example.evil.com/',
    'https://portal.example@evil.com/',
    'http://portal.example/',
    'http://localhost:3000/y',
    'ftp://portal.example/',
  ]) {
    assert.throws(() => allowedReturnUrl(b64(url), allowed), /url not found/, url);
  }
  assert.throws(() => allowedReturnUrl('%%%', allowed), /url not found/);
  assert.throws(() => allowedReturnUrl(b64('https://user:pw@portal.example/'), [`${PORTAL}/**`, 'https://user:pw@portal.example/']), /url not found/);
});

test('validateToken answers MOSIP’s user for the cookie’s token, and only for the token the authorizer verified', async () => {
  const token = await tokenFor('user-sub');
  const principal = { userId: 'bank-1', subject: 'user-sub', email: 'ops@bank.example', roles: new Set(['AUTH_PARTNER', 'PARTNER_ADMIN'] as const) };
  assert.deepEqual(validatedUser(principal, { Authorization: token }), {
    userId: 'bank-1',
    mobile: null,
    mail: 'ops@bank.example',
    langCode: 'fra',
    userPassword: null,
    name: 'Ada Okafor',
    rId: null,
    role: 'AUTH_PARTNER,PARTNER_ADMIN',
    token,
  });
  assert.equal(await refusal((async () => validatedUser(principal, {}))()), 'KER-ACP-002');
  assert.equal(await refusal((async () => validatedUser(principal, { Authorization: await tokenFor('someone-else') }))()), 'KER-ATH-401');
});
