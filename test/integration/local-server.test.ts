import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { defineRoute, type Route } from '../../functions/routes/route.js';
import { createLocalIssuer, type LocalIssuer } from '../../local/issuer.js';
import { startIssuerServer } from '../../local/issuer-server.js';
import { MAX_REQUEST_BYTES, startApiServer } from '../../local/server.js';
import { freePorts } from '../support/free-ports.js';
import { request } from '../support/http.js';

const ECHO = 'test/support/echo-handler.ts';

function route(method: Route['method'], path: string, access: Route['access'], entry = ECHO): Route {
  return defineRoute({
    operationId: `${method} ${path}`,
    summary: 'test',
    domain: 'policy',
    service: 'policymanager',
    method,
    tableAccess: 'none',
    path,
    access,
    envelope: 'RAW',
    entry,
  });
}

// The parameter route comes first on purpose: precedence must not depend on table order.
const ROUTES: Route[] = [
  route('GET', '/policies/group/{policygroupId}', 'AUTHENTICATED'),
  route('GET', '/policies/group/all', ['PARTNER_ADMIN']),
  route('PUT', '/policies/group/{policygroupId}', ['PARTNER_ADMIN']),
  route('POST', '/echo', 'PUBLIC'),
  route('GET', '/broken', 'PUBLIC', 'test/support/no-such-entry.ts'),
];
const P = '/v1/policymanager';

type EchoedEvent = APIGatewayProxyEventV2 & { requestContext: { authorizer?: { lambda: Record<string, string> } } };

describe('local API gateway', () => {
  let baseUrl: string;
  let issuer: LocalIssuer;
  let dataDir: string;
  const stops: Array<() => Promise<void>> = [];

  async function echo(method: string, path: string, options: Parameters<typeof request>[3] = {}): Promise<EchoedEvent> {
    const result = await request(baseUrl, method, path, options);
    assert.equal(result.status, 201, result.text);
    return result.json as EchoedEvent;
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pms-gateway-'));
    const [issuerPort] = (await freePorts(1)) as [number];
    issuer = await createLocalIssuer({ dataDir, port: issuerPort });
    stops.push((await startIssuerServer(issuer, issuerPort)).stop);
    // The real authorizer runs in this process and reads its issuers from here.
    process.env.PMS_TOKEN_ISSUERS = JSON.stringify(issuer.configs);
    const api = await startApiServer(ROUTES, 0);
    baseUrl = api.url;
    stops.push(api.stop);
  });

  after(async () => {
    for (const stop of stops.reverse()) await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prefers a literal segment over a {param} segment', async () => {
    const literal = await echo('GET', `${P}/policies/group/all`, { token: await issuer.mintToken({ user: 'a', roles: ['PARTNER_ADMIN'] }) });
    assert.equal(literal.routeKey, `GET ${P}/policies/group/all`);
    assert.equal(literal.pathParameters, undefined);

    const parameter = await echo('GET', `${P}/policies/group/one%20two%2Fthree`);
    assert.equal(parameter.routeKey, `GET ${P}/policies/group/{policygroupId}`);
    assert.deepEqual(parameter.pathParameters, { policygroupId: 'one two/three' });
    assert.equal(parameter.rawPath, `${P}/policies/group/one%20two%2Fthree`);
  });

  it('answers 404 {"message":"Not Found"} for an unknown path, a known path under another method, a trailing or doubled slash', async () => {
    for (const [method, path] of [
      ['GET', `${P}/nothing/here`],
      ['DELETE', `${P}/policies/group/abc`],
      ['GET', `${P}/policies/group/all/`],
      ['GET', `${P}/policies/group/`],
      ['GET', `//host${P}/policies/group/all`],
    ] as const) {
      const result = await request(baseUrl, method, path);
      assert.equal(result.status, 404, `${method} ${path}`);
      assert.deepEqual(result.json, { message: 'Not Found' });
    }
  });

  it('builds a payload 2.0 event: lower-case headers, cookies taken out of the headers, joined query values', async () => {
    const event = await echo('POST', `${P}/echo?role=A&role=B&empty=&name=a%26b`, {
      body: { hello: 'world' },
      headers: { 'X-Custom-Header': 'value', Cookie: 'first=1; Authorization=abc', 'User-Agent': 'pms-test' },
    });
    assert.equal(event.version, '2.0');
    assert.equal(event.headers['x-custom-header'], 'value');
    assert.equal(event.headers.cookie, undefined);
    assert.deepEqual(event.cookies, ['first=1', 'Authorization=abc']);
    assert.equal(event.rawQueryString, 'role=A&role=B&empty=&name=a%26b');
    assert.deepEqual(event.queryStringParameters, { role: 'A,B', empty: '', name: 'a&b' });
    assert.equal(event.body, '{"hello":"world"}');
    assert.equal(event.isBase64Encoded, false);
    assert.equal(event.requestContext.http.method, 'POST');
    assert.equal(event.requestContext.http.path, `${P}/echo`);
    assert.equal(event.requestContext.http.userAgent, 'pms-test');
    assert.equal(event.requestContext.http.sourceIp, '127.0.0.1');
    assert.equal(event.requestContext.routeKey, `POST ${P}/echo`);
    assert.match(event.requestContext.requestId, /^[0-9a-f-]{36}$/);
    assert.match(event.requestContext.time, /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
  });

  it('passes binary bodies base64-encoded and leaves body out when there is none', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    const binary = await echo('POST', `${P}/echo`, { body: bytes, headers: { 'content-type': 'application/octet-stream' } });
    assert.equal(binary.isBase64Encoded, true);
    assert.deepEqual(Buffer.from(binary.body!, 'base64'), bytes);

    const empty = await echo('POST', `${P}/echo`);
    assert.equal(empty.body, undefined);
    assert.equal(empty.isBase64Encoded, false);
  });

  it('runs the authorizer on protected routes only and hands its context to the function', async () => {
    const publicRoute = await echo('POST', `${P}/echo`, { token: await issuer.mintToken({ user: 'a', roles: ['PARTNER'] }) });
    assert.equal(publicRoute.requestContext.authorizer, undefined);

    const anonymous = await echo('GET', `${P}/policies/group/g1`);
    assert.equal(anonymous.requestContext.authorizer?.lambda.authenticated, 'false');

    const bearer = await echo('GET', `${P}/policies/group/g1`, { token: await issuer.mintToken({ user: 'admin1', roles: ['PARTNER_ADMIN'] }) });
    assert.equal(bearer.requestContext.authorizer?.lambda.authenticated, 'true');
    assert.equal(bearer.requestContext.authorizer?.lambda.userId, 'admin1');
    assert.equal(bearer.requestContext.authorizer?.lambda.roles, 'PARTNER_ADMIN');

    const cookie = await echo('GET', `${P}/policies/group/g1`, {
      cookieToken: await issuer.mintToken({ user: 'partner1', roles: ['AUTH_PARTNER'], flavor: 'cognito' }),
    });
    assert.equal(cookie.requestContext.authorizer?.lambda.userId, 'partner1');
  });

  it('writes the function result back: status, headers and cookies; an unstructured result becomes a 200 JSON body', async () => {
    const structured = await request(baseUrl, 'POST', `${P}/echo`);
    assert.equal(structured.status, 201);
    assert.equal(structured.headers.get('x-echo'), 'yes');
    assert.deepEqual(structured.headers.getSetCookie(), ['first=1', 'second=2']);

    const unstructured = await request(baseUrl, 'POST', `${P}/echo?answer=unstructured`);
    assert.equal(unstructured.status, 200);
    assert.deepEqual(unstructured.json, { unstructured: true });
  });

  it('refuses bodies over the 10 MB payload limit with 413 and keeps serving', async () => {
    const tooLarge = await request(baseUrl, 'POST', `${P}/echo`, { body: 'x'.repeat(MAX_REQUEST_BYTES + 1) });
    assert.equal(tooLarge.status, 413);
    assert.deepEqual(tooLarge.json, { message: 'Request Entity Too Large' });
    assert.equal((await request(baseUrl, 'POST', `${P}/echo`)).status, 201);
  });

  it('answers 500 {"message":"Internal Server Error"} when a function cannot be loaded', async () => {
    const result = await request(baseUrl, 'GET', `${P}/broken`);
    assert.equal(result.status, 500);
    assert.deepEqual(result.json, { message: 'Internal Server Error' });
  });
});
