import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { settledItems } from '../support/no-change.js';
import { activateStoredPartner, expectOk, v1 } from '../support/pms-calls.js';
import { AUTH_POLICY } from '../support/sample-policies.js';

/*
 * No secret reaches a log line. The local stack runs its functions at DEBUG and keeps everything they write (the
 * Powertools JSON lines CloudWatch would hold), as does a job run. A journey makes and uses every secret PMS handles:
 * bearer tokens, an API key (in a body, in a path, in a verification), a MISP license key, the eSignet client secret
 * (registering an OIDC client), the login client secret with an authorization code and the session token it gives,
 * and partner e-mail addresses (registration, a notice mailed to a partner). None of them may appear in the output.
 */
const PM = '/v1/partnermanager';
const POLICIES = '/v1/policymanager/policies';
const DAY_MS = 86_400_000;
let stack: LocalStack;
const ok = (method: string, path: string, token: string, body?: unknown) => expectOk(stack, method, path, token, body);
/** Every secret of the journey, by what it is. */
const secrets = new Map<string, string>();
/** What the job runs printed. */
const jobOutput: string[] = [];

/** A partner address no other text could hold by chance. */
const emailOf = (partnerId: string) => `${partnerId}.${randomBytes(6).toString('hex')}@partners.example.org`;

function keep(what: string, value: string | undefined): string {
  assert.ok(value && value.length >= 8, `${what}: ${value}`);
  secrets.set(what, value);
  return value;
}

/** A bearer token, and its signature alone (a line holding part of a token holds it). */
async function token(user: string, roles: Parameters<LocalStack['token']>[1], email?: string): Promise<string> {
  const minted = await stack.token(user, roles, email ? { email } : {});
  keep(`token of ${user}`, minted);
  keep(`token signature of ${user}`, minted.split('.')[2]);
  return minted;
}

async function registeredPartner(partnerId: string, partnerType: string, registrant: string, extra: Record<string, unknown> = {}): Promise<void> {
  const emailId = keep(`e-mail of ${partnerId}`, emailOf(partnerId));
  await ok(
    'POST',
    `${PM}/partners`,
    registrant,
    v1({ partnerId, partnerType, organizationName: `${partnerId} Ltd`, address: 'Nairobi', contactNumber: '+254700000000', emailId, ...extra }),
  );
  await activateStoredPartner(stack.table, partnerId);
}

async function publishedPolicy(admin: string, groupId: string, name: string, policies: unknown): Promise<string> {
  const draft = await ok('POST', POLICIES, admin, v1({ policyGroupName: 'Banks', policyType: 'Auth', name, desc: name, version: '1.0', policies }));
  await ok('POST', `${POLICIES}/${draft.id}/group/${groupId}/publish`, admin);
  return draft.id;
}

function hiddenFieldsOf(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<input\b([^>]*)>/g)].flatMap(([, attributes]) => {
      const attribute = (name: string) => attributes!.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
      return attribute('type') === 'hidden'
        ? [[attribute('name')!, (attribute('value') ?? '').replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))]]
        : [];
    }),
  );
}

/**
 * MOSIP's portal login without a browser: the login endpoint, the local identity provider's form, the redirect back
 * whose code the function exchanges with the login client secret, and the Authorization cookie it sets.
 */
async function signIn(user: string, email: string): Promise<void> {
  const returnUrl = `${stack.baseUrl}${PM}/actuator/health`;
  const start = await fetch(`${stack.baseUrl}${PM}/login/${Buffer.from(returnUrl).toString('base64')}?state=${randomUUID()}`, { redirect: 'manual' });
  assert.equal(start.status, 302, await start.text());
  const cookies = start.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
  const authorize = new URL(start.headers.get('location')!);
  const form = await (await fetch(authorize)).text();
  const fields = new URLSearchParams({ ...hiddenFieldsOf(form), username: user, email, language: 'eng' });
  fields.append('roles', 'PARTNER_ADMIN');
  const sent = await fetch(`${authorize.origin}${authorize.pathname}`, { method: 'POST', body: fields, redirect: 'manual' });
  assert.equal(sent.status, 302, await sent.text());
  const back = new URL(sent.headers.get('location')!);
  keep('authorization code', back.searchParams.get('code') ?? undefined);
  const done = await fetch(back, { headers: { cookie: cookies }, redirect: 'manual' });
  assert.equal(done.status, 302, await done.text());
  const session = done.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('Authorization='))
    ?.split(';')[0]
    ?.slice('Authorization='.length);
  keep('session token', session);
  keep('session token signature', session!.split('.')[2]);
  const validated = await stack.request('GET', `${PM}/authorize/admin/validateToken`, { cookieToken: session! });
  assert.equal(validated.json.response?.userId, user, JSON.stringify(validated.json));
}

before(async () => {
  stack = await startLocalStack({ logs: true });
  keep('login client secret', readFileSync(join(stack.dataDir, 'login-client-secret'), 'utf8').trim());
  keep('eSignet client secret', readFileSync(join(stack.dataDir, 'esignet-client-secret'), 'utf8').trim());
  const adminEmail = emailOf('admin1');
  const admin = await token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER'], keep('e-mail of admin1', adminEmail));
  const ida = await token('ida-client', ['ID_AUTHENTICATION']);
  const groupId = (await ok('POST', `${POLICIES}/group/new`, admin, v1({ name: 'Banks', desc: 'banks' }))).id;
  await publishedPolicy(admin, groupId, 'KYC for banks', AUTH_POLICY);
  const loginPolicy = await publishedPolicy(admin, groupId, 'Login for banks', {
    authTokenType: 'partner',
    allowedAuthTypes: [{ authType: 'otp', authSubType: '', mandatory: false }],
    allowedKycAttributes: [{ attributeName: 'fullName' }, { attributeName: 'email' }],
  });

  // A bank with an API key, used in a body, in a path and by IDA's verification.
  const bank = await token('bank-1', ['AUTH_PARTNER']);
  await registeredPartner('bank-1', 'Auth_Partner', bank, { policyGroup: 'Banks' });
  for (const policyName of ['KYC for banks', 'Login for banks']) {
    const { mappingkey } = await ok('POST', `${PM}/partners/bank-1/policy/map`, bank, v1({ policyName, useCaseDescription: 'authentication' }));
    await ok('PUT', `${PM}/partners/policy/${mappingkey}`, admin, v1({ status: 'approved' }));
  }
  const apiKey = keep(
    'API key',
    (await ok('PATCH', `${PM}/partners/bank-1/generate/apikey`, bank, v1({ policyName: 'KYC for banks', label: 'Teller' }))).apiKey,
  );
  await stack.request('GET', `${PM}/partners/bank-1/apikey/${apiKey}/policies`, { token: bank });
  await stack.request('GET', `${PM}/partners/bank-1/apikey/${apiKey}`, { token: bank });

  // A MISP with a license key; IDA verifies both keys, then a wrong license (a denial is logged with its code).
  await registeredPartner('misp-1', 'MISP_Partner', admin, { langCode: 'eng' });
  const misp = await token('misp-1', ['MISP_PARTNER']);
  const licenseKey = keep('MISP license key', (await ok('POST', `${PM}/misps`, misp, v1({ providerId: 'misp-1' }))).licenseKey);
  await ok('POST', `${PM}/partners/authenticate/verify`, ida, v1({ partnerId: 'bank-1', apiKey, mispLicenseKey: licenseKey }));
  const denied = await stack.request('POST', `${PM}/partners/authenticate/verify`, {
    token: ida,
    body: v1({ partnerId: 'bank-1', apiKey, mispLicenseKey: `${licenseKey.slice(0, -1)}X` }),
  });
  assert.notDeepEqual(denied.json.errors, []);

  // An OIDC client: PMS signs in to eSignet with its client secret to register it.
  const publicKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
  await ok(
    'POST',
    `${PM}/oauth/client`,
    bank,
    v1({
      name: 'Health portal',
      policyId: loginPolicy,
      publicKey,
      authPartnerId: 'bank-1',
      logoUri: 'https://health.example.org/logo.png',
      redirectUris: ['https://health.example.org/callback'],
      grantTypes: ['authorization_code'],
      clientAuthMethods: ['private_key_jwt'],
      clientNameLangMap: { eng: 'Health portal' },
    }),
  );

  // The portal's login, and a partner's own profile read with its token.
  await signIn('portal-admin', keep('e-mail of portal-admin', emailOf('portal-admin')));
  await ok('GET', `${PM}/partners/bank-1`, bank);

  // Thirty days before the license expires: a notice, mailed to the MISP's address by the stack's mail sender.
  const expiresAt = Date.now() + 365 * DAY_MS;
  const job = await stack.runJob('expiry-notifications', new Date(expiresAt - 30 * DAY_MS));
  assert.equal(job.code, 0, job.stderr);
  jobOutput.push(job.stdout, job.stderr);
  const mispEmail = secrets.get('e-mail of misp-1')!;
  let mailed = false;
  for (let waited = 0; !mailed && waited < 30_000; waited += 250) {
    const { emails } = (await (await fetch(`${stack.sesUrl}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
    mailed = emails.some((email) => email.destination.to.includes(mispEmail));
    if (!mailed) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.ok(mailed, 'the notice was mailed to the MISP');
  await settledItems(stack);
});
after(() => stack?.stop());

test('the output holds the journey: DEBUG lines, each operation, the verification and the job', () => {
  const lines = stack
    .output()
    .split('\n')
    .flatMap((line) => (line.startsWith('{') ? [JSON.parse(line) as Record<string, unknown>] : []));
  const operations = new Set(lines.map((line) => line.operationId));
  for (const operation of ['registerPartner', 'generateApiKey', 'generateMispLicense', 'verifyPartnerKeys', 'createOauthClient', 'loginRedirect']) {
    assert.ok(operations.has(operation), `${operation} logged; logged: ${[...operations].join(', ')}`);
  }
  assert.ok(
    lines.some((line) => line.level === 'DEBUG'),
    'DEBUG lines',
  );
  assert.ok(
    lines.some((line) => line.operationId === 'verifyPartnerKeys' && line.message === 'operation refused'),
    'the denial',
  );
  assert.ok(jobOutput.join('\n').includes('"job":"expiry-notifications"'), 'the job logged');
});

test('no API key, license key, client secret, code, token or partner e-mail in any log line of the stack or the job', () => {
  assert.ok(secrets.size >= 15, [...secrets.keys()].join(', '));
  const output = [stack.output(), ...jobOutput].join('\n');
  const found = [...secrets].filter(([, value]) => output.includes(value)).map(([what]) => what);
  assert.deepEqual(found, [], `in the logs: ${found.join(', ')}`);
});
