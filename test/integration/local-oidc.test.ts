import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { LOGIN_SETTINGS_ENV } from '../../functions/auth/login-settings.js';
import { PMS_ROLES, type Role } from '../../functions/auth/roles.js';
import { createTokenVerifier, type TokenVerifier } from '../../functions/auth/token-verifier.js';
import { readLocalConfig } from '../../local/config.js';
import { handlerEnvironment } from '../../local/handler-env.js';
import { createLocalIssuer, LOCAL_CLIENT_ID, localIssuerConfigs } from '../../local/issuer.js';
import { startIssuerServer } from '../../local/issuer-server.js';
import { loadOrCreateLoginClientSecret, loginClientSecretPath } from '../../local/oidc-client-secret.js';
import { localUsersPath } from '../../local/oidc-users.js';
import { freePorts } from '../support/free-ports.js';

interface Person {
  username: string;
  roles?: Role[];
  email?: string;
  first_name?: string;
  last_name?: string;
  organization?: string;
  address?: string;
  phone?: string;
  partner_type?: string;
  language?: string;
}

interface Pkce {
  verifier: string;
  challenge: string;
}

function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

function attributesOf(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map((match) => [match[1]!, unescapeHtml(match[2] ?? '')]));
}

/** The form's inputs, by their attributes, as a browser test would find them. */
function inputsOf(html: string): Array<Record<string, string>> {
  return [...html.matchAll(/<input\b([^>]*)>/g)].map((match) => attributesOf(match[1]!));
}

function hiddenFieldsOf(html: string): Record<string, string> {
  return Object.fromEntries(inputsOf(html).flatMap((input) => (input.type === 'hidden' ? [[input.name!, input.value!]] : [])));
}

function fieldValue(html: string, name: string): string | undefined {
  return inputsOf(html).find((input) => input.name === name)?.value;
}

function checkedRoles(html: string): string[] {
  return inputsOf(html).flatMap((input) => (input.name === 'roles' && 'checked' in input ? [input.value!] : []));
}

function selectedOption(html: string, name: string): string | undefined {
  const select = html.match(new RegExp(`<select[^>]*name="${name}"[^>]*>(.*?)</select>`, 's'))?.[1] ?? '';
  return [...select.matchAll(/<option([^>]*)>/g)].map((match) => attributesOf(match[1]!)).find((option) => 'selected' in option)?.value;
}

function labelled(html: string, id: string): boolean {
  return html.includes(`<label for="${id}">`) && html.includes(`id="${id}"`);
}

describe('local OpenID provider: login form and authorization-code flow with PKCE (Keycloak-shaped issuer)', () => {
  let dataDir: string;
  let issuerPort: number;
  let apiPort: number;
  let issuerUrl: string;
  let redirectUri: string;
  let clientSecret: string;
  let verify: TokenVerifier;
  let stopServer: () => Promise<void>;
  /** The provider's clock: codes and forms expire by it, so a test moves it instead of waiting. */
  let clockSkewMs = 0;

  const endpoint = (name: 'auth' | 'token' | 'logout') => `${issuerUrl}/protocol/openid-connect/${name}`;

  function authorizationParameters(challenge: string, changes: Record<string, string | undefined> = {}): URLSearchParams {
    const parameters: Record<string, string | undefined> = {
      response_type: 'code',
      client_id: LOCAL_CLIENT_ID,
      redirect_uri: redirectUri,
      state: randomUUID(),
      scope: 'openid profile email',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...changes,
    };
    return new URLSearchParams(Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined));
  }

  async function openForm(parameters: URLSearchParams): Promise<{ status: number; html: string; location: string | null }> {
    const response = await fetch(`${endpoint('auth')}?${parameters}`, { redirect: 'manual' });
    return { status: response.status, html: await response.text(), location: response.headers.get('location') };
  }

  async function postForm(fields: Record<string, string>, person: Person): Promise<Response> {
    const body = new URLSearchParams(fields);
    for (const [name, value] of Object.entries(person)) {
      if (name === 'roles') for (const role of value as Role[]) body.append('roles', role);
      else body.set(name, value as string);
    }
    return fetch(endpoint('auth'), { method: 'POST', body, redirect: 'manual' });
  }

  /** Opens the form, fills it in and sends it: the redirect back to the API. */
  async function signIn(person: Person, proof: Pkce, changes: Record<string, string | undefined> = {}): Promise<{ location: URL; state: string }> {
    const parameters = authorizationParameters(proof.challenge, changes);
    const form = await openForm(parameters);
    assert.equal(form.status, 200, form.html);
    const response = await postForm(hiddenFieldsOf(form.html), person);
    assert.equal(response.status, 302, await response.text());
    return { location: new URL(response.headers.get('location')!), state: parameters.get('state')! };
  }

  async function codeFor(person: Person, proof: Pkce): Promise<string> {
    return (await signIn(person, proof)).location.searchParams.get('code')!;
  }

  async function exchange(
    fields: Record<string, string>,
    auth: { basic?: [string, string] } = { basic: [LOCAL_CLIENT_ID, clientSecret] },
  ): Promise<{ status: number; json: any; headers: Headers }> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (auth.basic) headers.authorization = `Basic ${Buffer.from(auth.basic.map(encodeURIComponent).join(':')).toString('base64')}`;
    const response = await fetch(endpoint('token'), { method: 'POST', headers, body: new URLSearchParams(fields) });
    return { status: response.status, json: await response.json(), headers: response.headers };
  }

  const grant = (code: string, verifier: string, changes: Record<string, string> = {}) => ({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
    ...changes,
  });

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pms-oidc-'));
    [issuerPort, apiPort] = (await freePorts(2)) as [number, number];
    const issuer = await createLocalIssuer({ dataDir, port: issuerPort });
    issuerUrl = issuer.configs.find((config) => config.flavor === 'keycloak')!.issuer;
    redirectUri = `http://127.0.0.1:${apiPort}/v1/partnermanager/login-redirect/${Buffer.from(`http://127.0.0.1:${apiPort}/`).toString('base64url')}`;
    clientSecret = await loadOrCreateLoginClientSecret(dataDir);
    const clock = { now: () => new Date(Date.now() + clockSkewMs) };
    stopServer = (await startIssuerServer(issuer, issuerPort, { apiPort, clientSecret, dataDir, clock })).stop;
    verify = createTokenVerifier(localIssuerConfigs(issuerPort));
  });

  after(async () => {
    await stopServer();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes a discovery document naming the code flow with PKCE S256 and its endpoints under the issuer', async () => {
    const response = await fetch(`${issuerUrl}/.well-known/openid-configuration`);
    assert.equal(response.status, 200);
    const discovery: any = await response.json();
    assert.equal(discovery.issuer, `http://127.0.0.1:${issuerPort}/realms/mosip`);
    assert.equal(discovery.authorization_endpoint, endpoint('auth'));
    assert.equal(discovery.token_endpoint, endpoint('token'));
    assert.equal(discovery.end_session_endpoint, endpoint('logout'));
    assert.equal(discovery.jwks_uri, `${issuerUrl}/protocol/openid-connect/certs`);
    assert.deepEqual(discovery.response_types_supported, ['code']);
    assert.deepEqual(discovery.grant_types_supported, ['authorization_code']);
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(discovery.token_endpoint_auth_methods_supported, ['client_secret_post', 'client_secret_basic']);
    assert.deepEqual(discovery.id_token_signing_alg_values_supported, ['RS256']);
    const jwks: any = await (await fetch(discovery.jwks_uri)).json();
    assert.equal(jwks.keys[0].kty, 'RSA');
  });

  it('shows a plain, labelled login form that carries the request in hidden fields and an anti-forgery value', async () => {
    const proof = pkce();
    const parameters = authorizationParameters(proof.challenge, { nonce: 'n-0S6_WzA2Mj' });
    const form = await openForm(parameters);
    assert.equal(form.status, 200);
    for (const id of ['username', 'email', 'first_name', 'last_name', 'organization', 'address', 'phone', 'partner_type', 'language']) {
      assert.ok(labelled(form.html, id), `${id} has a label`);
    }
    assert.deepEqual(
      inputsOf(form.html)
        .filter((input) => input.name === 'roles')
        .map((input) => input.value),
      [...PMS_ROLES],
    );
    assert.match(form.html, /<option value="" selected>\(none\)<\/option><option value="Auth_Partner">/);
    assert.doesNotMatch(form.html, /<script|<link|src=|https?:\/\/(?!127\.0\.0\.1)/, 'no script and no external asset');
    const hidden = hiddenFieldsOf(form.html);
    const { form_token: formToken, ...carried } = hidden;
    assert.deepEqual(carried, Object.fromEntries(parameters));
    assert.match(formToken!, /^[\w-]{43}$/);
    assert.notEqual(hiddenFieldsOf((await openForm(parameters)).html).form_token, formToken, 'each form has its own value');
  });

  it('runs the whole code flow: the token is one the API accepts, with the claims MOSIP’s portal reads, and an ID token for the client', async () => {
    const proof = pkce();
    const person: Person = {
      username: 'flow.admin',
      roles: ['PARTNER_ADMIN', 'POLICYMANAGER'],
      email: 'flow.admin@example.org',
      first_name: 'Amina',
      last_name: 'Diallo',
      organization: 'Heidi Bank',
      address: '12 Rue de la Paix, Dakar',
      phone: '+221 33 123 4567',
      partner_type: 'Auth_Partner',
      language: 'fra',
    };
    const { location, state } = await signIn(person, proof, { nonce: 'nonce-1' });
    assert.equal(`${location.origin}${location.pathname}`, redirectUri);
    assert.equal(location.searchParams.get('state'), state);
    const code = location.searchParams.get('code')!;
    assert.ok(Buffer.from(code, 'base64url').length >= 16, 'at least 128 random bits');

    const tokens = await exchange(grant(code, proof.verifier));
    assert.equal(tokens.status, 200, JSON.stringify(tokens.json));
    assert.equal(tokens.headers.get('cache-control'), 'no-store');
    assert.equal(tokens.json.token_type, 'Bearer');
    assert.equal(tokens.json.expires_in, 3600);
    assert.equal(tokens.json.scope, 'openid profile email');

    const principal = await verify(tokens.json.access_token);
    assert.equal(principal?.userId, 'flow.admin');
    assert.equal(principal?.email, 'flow.admin@example.org');
    assert.deepEqual([...(principal?.roles ?? [])].sort(), ['PARTNER_ADMIN', 'POLICYMANAGER']);
    const access = decodeJwt(tokens.json.access_token);
    assert.equal(access.typ, 'Bearer');
    assert.equal(access.azp, LOCAL_CLIENT_ID);
    assert.deepEqual(
      {
        preferred_username: access.preferred_username,
        email: access.email,
        given_name: access.given_name,
        family_name: access.family_name,
        organizationName: access.organizationName,
        addressTest: access.addressTest,
        phoneNumber: access.phoneNumber,
        partnerType: access.partnerType,
        langCode: access.langCode,
        locale: access.locale,
      },
      {
        preferred_username: 'flow.admin',
        email: 'flow.admin@example.org',
        given_name: 'Amina',
        family_name: 'Diallo',
        organizationName: 'Heidi Bank',
        addressTest: '12 Rue de la Paix, Dakar',
        phoneNumber: '+221 33 123 4567',
        partnerType: 'Auth_Partner',
        langCode: 'fra',
        locale: 'fra',
      },
    );

    const jwks = createRemoteJWKSet(new URL(`${issuerUrl}/protocol/openid-connect/certs`));
    const { payload: id } = await jwtVerify(tokens.json.id_token, jwks, { issuer: issuerUrl, audience: LOCAL_CLIENT_ID });
    assert.equal(id.typ, 'ID');
    assert.equal(id.sub, access.sub);
    assert.equal(id.nonce, 'nonce-1');
    assert.equal(await verify(tokens.json.id_token), undefined, 'the ID token is no key to the API');
  });

  it('accepts client_secret_post as well, and gives the same user the same subject in every sign-in', async () => {
    const subjects = [];
    for (const username of ['same.user', 'same.user', 'other.user']) {
      const proof = pkce();
      const code = await codeFor({ username, roles: ['AUTH_PARTNER'], language: 'eng' }, proof);
      const tokens = await exchange({ ...grant(code, proof.verifier), client_id: LOCAL_CLIENT_ID, client_secret: clientSecret }, {});
      assert.equal(tokens.status, 200, JSON.stringify(tokens.json));
      subjects.push(decodeJwt(tokens.json.access_token).sub);
    }
    assert.equal(subjects[0], subjects[1]);
    assert.notEqual(subjects[0], subjects[2]);
  });

  it('remembers each user in the data directory (0600) and pre-fills the form with what they entered before', async () => {
    const person: Person = {
      username: 'remembered.partner',
      roles: ['AUTH_PARTNER', 'PARTNER'],
      email: 'partner@example.org',
      first_name: 'Ravi',
      last_name: 'Kumar',
      organization: 'Kumar & Sons <Ltd>',
      address: '1 "Main" Street',
      phone: '0801234567',
      partner_type: 'Credential_Partner',
      language: 'ara',
    };
    await signIn(person, pkce());
    assert.equal(statSync(localUsersPath(dataDir)).mode & 0o777, 0o600);
    assert.ok(JSON.parse(readFileSync(localUsersPath(dataDir), 'utf8')).users.some((user: { user: string }) => user.user === 'remembered.partner'));

    await signIn({ username: 'someone.else', language: 'eng' }, pkce());
    const hinted = await openForm(authorizationParameters(pkce().challenge, { login_hint: 'remembered.partner' }));
    assert.equal(hinted.status, 200);
    assert.equal(fieldValue(hinted.html, 'username'), 'remembered.partner');
    assert.deepEqual(checkedRoles(hinted.html), ['AUTH_PARTNER', 'PARTNER']);
    assert.equal(fieldValue(hinted.html, 'email'), 'partner@example.org');
    assert.equal(fieldValue(hinted.html, 'first_name'), 'Ravi');
    assert.equal(fieldValue(hinted.html, 'last_name'), 'Kumar');
    assert.equal(fieldValue(hinted.html, 'organization'), 'Kumar & Sons <Ltd>');
    assert.equal(fieldValue(hinted.html, 'address'), '1 "Main" Street');
    assert.equal(fieldValue(hinted.html, 'phone'), '0801234567');
    assert.equal(selectedOption(hinted.html, 'partner_type'), 'Credential_Partner');
    assert.equal(selectedOption(hinted.html, 'language'), 'ara');
    assert.doesNotMatch(hinted.html, /Kumar & Sons <Ltd>/, 'entered text is escaped');

    const plain = await openForm(authorizationParameters(pkce().challenge));
    assert.equal(fieldValue(plain.html, 'username'), undefined, 'without a hint nobody is pre-filled, so nobody’s roles are handed on');
    assert.deepEqual(checkedRoles(plain.html), []);
    const links = [...plain.html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((match) => [match[2], new URL(unescapeHtml(match[1]!))]);
    assert.deepEqual(
      links.slice(0, 2).map(([user]) => user),
      ['someone.else', 'remembered.partner'],
      'remembered users are offered, the latest first',
    );
    const link = links[1]![1] as URL;
    assert.equal(link.searchParams.get('login_hint'), 'remembered.partner');
    assert.equal(fieldValue((await openForm(link.searchParams)).html, 'first_name'), 'Ravi');
  });

  it('shows an error page, and never redirects, for an unknown client or a redirect_uri off the local API’s login redirect', async () => {
    const { challenge } = pkce();
    const foreign = [
      `http://evil.example/v1/partnermanager/login-redirect/x`,
      `http://127.0.0.1:${apiPort + 1}/v1/partnermanager/login-redirect/x`,
      `https://127.0.0.1:${apiPort}/v1/partnermanager/login-redirect/x`,
      `http://127.0.0.1:${apiPort}/v1/partnermanager/login`,
      `http://127.0.0.1:${apiPort}/v1/partnermanager/login-redirect/`,
      `http://127.0.0.1:${apiPort}/v1/partnermanager/login-redirect/../../../evil`,
      `http://user@127.0.0.1:${apiPort}/v1/partnermanager/login-redirect/x`,
      `${redirectUri}#fragment`,
      'not a url',
    ];
    const refusals = [
      ...foreign.map((uri) => authorizationParameters(challenge, { redirect_uri: uri })),
      authorizationParameters(challenge, { redirect_uri: undefined }),
      authorizationParameters(challenge, { client_id: 'another-client' }),
      authorizationParameters(challenge, { client_id: undefined }),
    ];
    const twice = authorizationParameters(challenge);
    twice.append('redirect_uri', redirectUri);
    refusals.push(twice);
    for (const parameters of refusals) {
      const response = await openForm(parameters);
      assert.equal(response.status, 400, parameters.toString());
      assert.equal(response.location, null, parameters.toString());
      assert.match(response.html, /Sign-in refused/);
      assert.equal(hiddenFieldsOf(response.html).form_token, undefined, 'no form');
    }

    const form = await openForm(authorizationParameters(challenge));
    const tampered = await postForm({ ...hiddenFieldsOf(form.html), redirect_uri: foreign[0]! }, { username: 'victim', language: 'eng' });
    assert.equal(tampered.status, 400);
    assert.equal(tampered.headers.get('location'), null);
  });

  it('sends other faults back to the client as RFC 6749 errors with the state: missing or plain PKCE, another response type, no openid', async () => {
    const { challenge } = pkce();
    const cases: Array<[Record<string, string | undefined>, string]> = [
      [{ code_challenge_method: undefined }, 'invalid_request'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ code_challenge: undefined }, 'invalid_request'],
      [{ code_challenge: 'too-short' }, 'invalid_request'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ response_type: undefined }, 'invalid_request'],
      [{ scope: 'profile email' }, 'invalid_scope'],
      [{ scope: 'openid admin' }, 'invalid_scope'],
    ];
    for (const [changes, error] of cases) {
      const parameters = authorizationParameters(challenge, changes);
      const response = await openForm(parameters);
      assert.equal(response.status, 302, JSON.stringify(changes));
      const location = new URL(response.location!);
      assert.equal(`${location.origin}${location.pathname}`, redirectUri);
      assert.equal(location.searchParams.get('error'), error, JSON.stringify(changes));
      assert.equal(location.searchParams.get('state'), parameters.get('state'));
      assert.equal(location.searchParams.get('code'), null);
    }
    const withoutState = await openForm(authorizationParameters(challenge, { state: undefined }));
    assert.equal(new URL(withoutState.location!).searchParams.get('error'), 'invalid_request');
  });

  it('takes a form once: a second post of it, or one without its anti-forgery value, gets the form again and no code', async () => {
    const form = await openForm(authorizationParameters(pkce().challenge));
    const fields = hiddenFieldsOf(form.html);
    const person: Person = { username: 'form.once', language: 'eng' };
    assert.equal((await postForm(fields, person)).status, 302);
    for (const replay of [fields, { ...fields, form_token: undefined as unknown as string }]) {
      const response = await postForm(Object.fromEntries(Object.entries(replay).filter(([, value]) => value !== undefined)), person);
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('location'), null);
      const html = await response.text();
      assert.match(html, /expired or was sent already/);
      assert.match(hiddenFieldsOf(html).form_token!, /^[\w-]{43}$/, 'with a fresh value to sign in with');
    }
  });

  it('refuses a bad user name, an unknown role or partner type, and remembers nothing of it', async () => {
    const before = readFileSync(localUsersPath(dataDir), 'utf8');
    const invalid: Person[] = [
      { username: '', language: 'eng' },
      { username: 'bad name', language: 'eng' },
      { username: 'x'.repeat(65), language: 'eng' },
      { username: 'role.faker', roles: ['SUPERUSER' as Role], language: 'eng' },
      { username: 'type.faker', partner_type: 'Admin_Partner', language: 'eng' },
      { username: 'lang.faker', language: 'deu' },
      { username: 'mail.faker', email: 'not-an-address', language: 'eng' },
    ];
    for (const person of invalid) {
      const form = await openForm(authorizationParameters(pkce().challenge));
      const response = await postForm(hiddenFieldsOf(form.html), person);
      assert.equal(response.status, 400, person.username);
      assert.equal(response.headers.get('location'), null);
      assert.match(await response.text(), /class="error" id="[a-z_]+-error"/);
    }
    assert.equal(readFileSync(localUsersPath(dataDir), 'utf8'), before);
  });

  it('refuses a wrong code_verifier, and the code is spent by that attempt', async () => {
    const proof = pkce();
    const code = await codeFor({ username: 'pkce.user', language: 'eng' }, proof);
    const wrong = await exchange(grant(code, pkce().verifier));
    assert.equal(wrong.status, 400);
    assert.equal(wrong.json.error, 'invalid_grant');
    assert.equal((await exchange(grant(code, proof.verifier))).json.error, 'invalid_grant');
  });

  it('refuses a wrong redirect_uri at the token endpoint, and the code is spent by that attempt', async () => {
    const proof = pkce();
    const code = await codeFor({ username: 'redirect.user', language: 'eng' }, proof);
    const other = `http://127.0.0.1:${apiPort}/v1/partnermanager/login-redirect/${Buffer.from('http://127.0.0.1/other').toString('base64url')}`;
    const wrong = await exchange(grant(code, proof.verifier, { redirect_uri: other }));
    assert.equal(wrong.status, 400);
    assert.equal(wrong.json.error, 'invalid_grant');
    assert.equal((await exchange(grant(code, proof.verifier))).json.error, 'invalid_grant');
  });

  it('refuses a replayed code', async () => {
    const proof = pkce();
    const code = await codeFor({ username: 'replay.user', language: 'eng' }, proof);
    assert.equal((await exchange(grant(code, proof.verifier))).status, 200);
    const replayed = await exchange(grant(code, proof.verifier));
    assert.equal(replayed.status, 400);
    assert.equal(replayed.json.error, 'invalid_grant');
  });

  it('refuses a code older than 60 seconds, and accepts one just younger', async () => {
    const young = pkce();
    const youngCode = await codeFor({ username: 'clock.user', language: 'eng' }, young);
    const old = pkce();
    const oldCode = await codeFor({ username: 'clock.user', language: 'eng' }, old);
    try {
      clockSkewMs = 59_000;
      assert.equal((await exchange(grant(youngCode, young.verifier))).status, 200);
      clockSkewMs = 61_000;
      const expired = await exchange(grant(oldCode, old.verifier));
      assert.equal(expired.status, 400);
      assert.equal(expired.json.error, 'invalid_grant');
    } finally {
      clockSkewMs = 0;
    }
  });

  it('refuses a wrong client secret or client with invalid_client (401), before the code is looked at', async () => {
    const proof = pkce();
    const code = await codeFor({ username: 'secret.user', language: 'eng' }, proof);
    const attempts: Array<[Record<string, string>, { basic?: [string, string] }]> = [
      [grant(code, proof.verifier), { basic: [LOCAL_CLIENT_ID, 'wrong-secret'] }],
      [grant(code, proof.verifier), { basic: ['another-client', clientSecret] }],
      [{ ...grant(code, proof.verifier), client_id: LOCAL_CLIENT_ID, client_secret: `${clientSecret}x` }, {}],
      [{ ...grant(code, proof.verifier), client_id: LOCAL_CLIENT_ID }, {}],
      [grant(code, proof.verifier), {}],
    ];
    for (const [fields, auth] of attempts) {
      const refused = await exchange(fields, auth);
      assert.equal(refused.status, 401, JSON.stringify(auth));
      assert.equal(refused.json.error, 'invalid_client');
      assert.doesNotMatch(JSON.stringify(refused.json), new RegExp(clientSecret));
    }
    assert.equal((await exchange(grant(code, proof.verifier))).status, 200, 'the code was not spent by unauthenticated attempts');
  });

  it('refuses malformed token requests with invalid_request or unsupported_grant_type', async () => {
    const proof = pkce();
    const code = await codeFor({ username: 'malformed.user', language: 'eng' }, proof);
    const cases: Array<[Record<string, string>, string]> = [
      [{ ...grant(code, proof.verifier), grant_type: 'client_credentials' }, 'unsupported_grant_type'],
      [{ ...grant(code, proof.verifier), grant_type: '' }, 'invalid_request'],
      [{ ...grant(code, proof.verifier), code_verifier: 'short' }, 'invalid_request'],
      [{ ...grant(code, proof.verifier), code: '' }, 'invalid_request'],
      [{ ...grant(code, proof.verifier), client_secret: clientSecret }, 'invalid_request'],
    ];
    for (const [fields, error] of cases) {
      const refused = await exchange(fields);
      assert.equal(refused.status, 400, JSON.stringify(fields));
      assert.equal(refused.json.error, error, JSON.stringify(fields));
    }
    const json = await fetch(endpoint('token'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${LOCAL_CLIENT_ID}:${clientSecret}`).toString('base64')}` },
      body: JSON.stringify(grant(code, proof.verifier)),
    });
    assert.equal(json.status, 400);
    assert.equal(((await json.json()) as { error: string }).error, 'invalid_request');
    assert.equal((await exchange(grant(code, proof.verifier))).status, 200, 'none of these got as far as the code');
  });

  it('returns the browser after logout only to the local API or the portal it serves; elsewhere it shows a page', async () => {
    const logout = (parameters: Record<string, string>) => fetch(`${endpoint('logout')}?${new URLSearchParams(parameters)}`, { redirect: 'manual' });
    const portal = `http://127.0.0.1:${apiPort}/partnermanagement/`;
    const back = await logout({ post_logout_redirect_uri: portal, client_id: LOCAL_CLIENT_ID, state: 's1' });
    assert.equal(back.status, 302);
    assert.equal(back.headers.get('location'), `${portal}?state=s1`);
    const alias = await logout({ post_logout_redirect_uri: `http://localhost:${apiPort}/` });
    assert.equal(alias.headers.get('location'), `http://localhost:${apiPort}/`);

    const refused: Array<Record<string, string>> = [
      { post_logout_redirect_uri: 'http://evil.example/' },
      { post_logout_redirect_uri: `http://127.0.0.1:${apiPort + 1}/` },
      { post_logout_redirect_uri: `http://127.0.0.1:${issuerPort}/` },
      { post_logout_redirect_uri: portal, client_id: 'another-client' },
      {},
    ];
    for (const parameters of refused) {
      const page = await logout(parameters);
      assert.equal(page.status, 200, JSON.stringify(parameters));
      assert.equal(page.headers.get('location'), null);
      assert.match(await page.text(), /You are signed out/);
    }
  });

  it('keeps the client secret in the data directory (0600, the same on every start) and gives the functions the login settings', async () => {
    assert.equal(statSync(loginClientSecretPath(dataDir)).mode & 0o777, 0o600);
    assert.equal(await loadOrCreateLoginClientSecret(dataDir), clientSecret);
    assert.ok(Buffer.from(clientSecret, 'base64url').length >= 32);

    const config = readLocalConfig({ PMS_DATA_DIR: dataDir, PMS_ISSUER_PORT: String(issuerPort), PMS_PORT: String(apiPort) });
    const env = handlerEnvironment(config, { loginClientSecret: clientSecret });
    assert.equal(env[LOGIN_SETTINGS_ENV.issuer], issuerUrl);
    assert.equal(env[LOGIN_SETTINGS_ENV.clientId], LOCAL_CLIENT_ID);
    assert.equal(env[LOGIN_SETTINGS_ENV.clientSecret], clientSecret);
    assert.equal(env[LOGIN_SETTINGS_ENV.allowedUrls], `http://127.0.0.1:${apiPort}/**,http://localhost:${apiPort}/**`);
    assert.equal(handlerEnvironment(config)[LOGIN_SETTINGS_ENV.clientSecret], undefined, 'a job run by hand gets no secret');
  });
});
