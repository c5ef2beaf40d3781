import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { JOURNEY_STEPS, type JourneyStep, type JourneyValue } from '../../scripts/demo/journey-steps.js';
import { JourneyError, runJourney } from '../../scripts/demo/run-journey.js';

/**
 * The demo's runner (scripts/demo/run-journey.ts) against a stand-in API that answers what each test sets: what it
 * sends, what it prints, the values it keeps, a step it skips, and how it stops on each kind of failure.
 */
interface Call {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: any;
}

let server: Server;
let baseUrl: string;
let calls: Call[] = [];
let answer: (call: Call) => { status: number; body: string } = () => ({ status: 200, body: '{}' });

const TOKENS = { ADMIN_TOKEN: 'admin-token', BANK_TOKEN: 'bank-token', MISP_TOKEN: 'misp-token', IDA_TOKEN: 'ida-token' };
const INITIAL = { RUN: 'r1', BANK_CA_CHAIN: 'ca', BANK_CERT: 'cert', MISP_CA_CHAIN: 'misp-ca', MISP_CERT: 'misp-cert' };
const envelope = (response: unknown, errors: unknown[] = []) => ({ status: 200, body: JSON.stringify({ id: null, version: null, response, errors }) });
const step = (name: string) => JOURNEY_STEPS.find((candidate) => candidate.name === name)!;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

before(async () => {
  server = createServer(async (request, response) => {
    const text = await readBody(request);
    const call: Call = {
      method: request.method!,
      url: request.url!,
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      body: text === '' ? undefined : JSON.parse(text),
    };
    calls.push(call);
    const { status, body } = answer(call);
    response.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server?.close());

/** Runs the steps with the usual initial values and `more` (values an earlier step would have given). */
async function run(steps: readonly JourneyStep[], more: Partial<Record<JourneyValue, string>> = {}) {
  calls = [];
  const lines: string[] = [];
  const values = await runJourney({ baseUrl, tokens: TOKENS, initial: { ...INITIAL, ...more }, print: (line) => lines.push(line), steps });
  return { lines, values };
}

test("a step sends MOSIP's envelope with the step's token, prints its answer's fields and keeps its values", async () => {
  answer = () => envelope({ id: 'g-1', name: 'Banks r1', is_Active: true, cr_by: 'admin1' });
  const { lines, values } = await run([step('create-policy-group')]);
  assert.equal(calls.length, 1);
  const [call] = calls;
  assert.deepEqual(
    [call!.method, call!.url, call!.authorization, call!.contentType],
    ['POST', '/v1/policymanager/policies/group/new', 'Bearer admin-token', 'application/json'],
  );
  assert.deepEqual(
    { ...call!.body, requesttime: typeof call!.body.requesttime },
    {
      id: 'mosip.pms.policygroup.create',
      version: '1.0',
      requesttime: 'string',
      metadata: {},
      request: { name: 'Banks r1', desc: 'Authentication partners that are banks' },
    },
  );
  assert.match(call!.body.requesttime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.deepEqual(lines, [
    '[1/1] a policy manager creates the policy group the bank will join',
    '       POST /v1/policymanager/policies/group/new as admin1 (PARTNER_ADMIN, POLICYMANAGER)',
    'create-policy-group: ok id=g-1 name="Banks r1" is_Active=true',
  ]);
  assert.equal(values.GROUP_ID, 'g-1');
});

test('values from earlier answers fill later paths; a step without a request sends no body', async () => {
  answer = (call) =>
    call.url.endsWith('/publish')
      ? envelope({ policyId: 'p-1', status: 'PUBLISHED', is_Active: true })
      : envelope({ id: call.url.endsWith('new') ? 'g-1' : 'p-1' });
  const { lines } = await run([step('create-policy-group'), step('create-auth-policy'), step('publish-policy')]);
  assert.deepEqual(calls[2]!.url, '/v1/policymanager/policies/p-1/group/g-1/publish');
  assert.equal(calls[2]!.body, undefined);
  assert.equal(calls[2]!.contentType, undefined);
  assert.equal(lines.at(-1), 'publish-policy: ok policyId=p-1 status=PUBLISHED is_Active=true');
});

test('the activation is skipped when the certificate upload already activated the partner, and made when it did not', async () => {
  answer = (call) => (call.method === 'GET' ? envelope({ partnerID: 'first-bank-r1', status: 'active', isActive: true }) : envelope({ message: 'x' }));
  const active = await run([step('read-bank-status'), step('activate-bank')]);
  assert.deepEqual(
    calls.map((call) => call.method),
    ['GET'],
  );
  assert.match(active.lines.at(-1)!, /^activate-bank: skipped, the certificate upload activated the bank/);

  answer = (call) =>
    call.method === 'GET'
      ? envelope({ partnerID: 'first-bank-r1', status: 'De-active', isActive: false })
      : envelope({ message: 'Partner activated successfully' });
  const waiting = await run([step('read-bank-status'), step('activate-bank')]);
  assert.deepEqual(
    calls.map((call) => [call.method, call.url, call.authorization, call.body?.request]),
    [
      ['GET', '/v1/partnermanager/partners/first-bank-r1', 'Bearer bank-token', undefined],
      ['PATCH', '/v1/partnermanager/partners/first-bank-r1', 'Bearer admin-token', { status: 'Active' }],
    ],
  );
  assert.equal(waiting.lines.at(-1), 'activate-bank: ok message="Partner activated successfully"');
});

test('PEM is abridged, a text answer is printed whole, and the expected refusal prints its code', async () => {
  answer = () => envelope({ certificateId: 'c-1', signedCertificateData: `-----BEGIN CERTIFICATE-----\n${'A'.repeat(100)}\n-----END CERTIFICATE-----\n` });
  assert.equal(
    (await run([step('upload-bank-certificate')])).lines.at(-1),
    'upload-bank-certificate: ok certificateId=c-1 signedCertificateData=<PEM, 155 chars>',
  );

  answer = (call) => (call.method === 'PUT' ? envelope('Policy mapping approved successfully') : envelope({ mappingkey: 'm-1', message: 'submitted' }));
  const approval = await run([step('request-policy'), step('approve-policy-request')]);
  assert.equal(calls[1]!.url, '/v1/partnermanager/partners/policy/m-1');
  assert.equal(approval.lines.at(-1), 'approve-policy-request: ok "Policy mapping approved successfully"');

  answer = () => envelope(null, [{ errorCode: 'PMS_PMP_017', message: 'Partner is not mapped to any policy.' }]);
  const denied = await run([step('verify-wrong-api-key')], { LICENSE_KEY: 'l-1' });
  assert.deepEqual(calls[0]!.body.request, { partnerId: 'first-bank-r1', apiKey: 'not-the-banks-api-key', mispLicenseKey: 'l-1' });
  assert.equal(denied.lines.at(-1), 'verify-wrong-api-key: denied PMS_PMP_017 Partner is not mapped to any policy.');
});

test('the first failing step stops the journey with what the API said', async () => {
  const failure = async (steps: readonly JourneyStep[], more: Partial<Record<JourneyValue, string>> = {}) => {
    const error = await run(steps, more).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof JourneyError, `a JourneyError, not ${String(error)}`);
    return error.message;
  };
  const group = [step('create-policy-group'), step('create-auth-policy')];

  answer = () => envelope(null, [{ errorCode: 'PMS_POL_009', message: 'Policy group name already exists' }]);
  assert.equal(
    await failure(group),
    'create-policy-group: POST /v1/policymanager/policies/group/new failed with PMS_POL_009: Policy group name already exists',
  );
  assert.equal(calls.length, 1, 'no step after the failing one');

  answer = () => ({ status: 401, body: JSON.stringify({ response: null, errors: [{ errorCode: 'KER-ATH-401', message: 'Authentication Failed' }] }) });
  assert.match(
    await failure(group),
    /failed with KER-ATH-401: Authentication Failed \(the stack did not accept the token: give the demo the PMS_DATA_DIR and PMS_ISSUER_PORT/,
  );

  answer = () => ({ status: 403, body: '{"message":"Forbidden"}' });
  assert.equal(await failure(group), 'create-policy-group: POST /v1/policymanager/policies/group/new answered HTTP 403: {"message":"Forbidden"}');

  answer = () => ({ status: 502, body: '<html>Bad Gateway</html>' });
  assert.equal(await failure(group), 'create-policy-group: POST /v1/policymanager/policies/group/new answered HTTP 502, not JSON: <html>Bad Gateway</html>');

  answer = () => envelope({ name: 'Banks r1' });
  assert.match(await failure(group), /^create-policy-group: the answer has no id: /);

  answer = () => envelope({ partnerId: 'first-bank-r1', policyId: 'p-1' });
  assert.match(
    await failure([step('verify-wrong-api-key')], { LICENSE_KEY: 'l-1' }),
    /^verify-wrong-api-key: .* should be refused with PMS_PMP_017, but answered /,
  );

  assert.equal(await failure([step('approve-policy-request')]), 'the journey needs MAPPING_KEY before any step gave it');
});

test('no API at the address: the journey says so and where the address comes from', async () => {
  const closed = createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const port = (closed.address() as AddressInfo).port;
  closed.close();
  await once(closed, 'close');
  await assert.rejects(
    runJourney({ baseUrl: `http://127.0.0.1:${port}`, tokens: TOKENS, initial: INITIAL, print: () => {}, steps: [step('create-policy-group')] }),
    (error: unknown) =>
      error instanceof JourneyError &&
      error.message ===
        `create-policy-group: no answer from http://127.0.0.1:${port} (ECONNREFUSED): is the stack running (npm start)? PMS_URL or PMS_PORT says where`,
  );
});
