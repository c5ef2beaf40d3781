import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { PMS_ROLES, type Role } from '../../functions/auth/roles.js';
import type { Route } from '../../functions/routes/route.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { LOCAL_AUDIENCE } from '../../local/issuer.js';
import { loadOrCreateSigningKey } from '../../local/signing-key.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';

let stack: LocalStack;
const tokens = new Map<Role, string>();

before(async () => {
  stack = await startLocalStack();
  for (const role of PMS_ROLES) tokens.set(role, await stack.token(`matrix-${role.toLowerCase()}`, [role]));
});
after(() => stack?.stop());

/** Swagger UI's rows serve only the files they list (any other is 404): their page stands for them. */
function concretePath(route: Route): string {
  return route.fullPath.replace('/swagger-ui/{file+}', '/swagger-ui/index.html').replace(/\{\w+\}/g, '00000000-0000-0000-0000-000000000000');
}

function isAuthFailure(status: number, json: { errors?: { errorCode?: string }[] } | undefined): boolean {
  return status === 401 || status === 403 || ['KER-ATH-401', 'KER-ATH-403'].includes(json?.errors?.[0]?.errorCode ?? '');
}

describe('authorization matrix generated from the route table', () => {
  for (const route of ROUTES) {
    test(`${route.method} ${route.fullPath}`, async () => {
      const path = concretePath(route);
      const body = route.body ? {} : undefined;
      const anonymous = await stack.request(route.method, path, { body });
      if (route.access === 'PUBLIC') {
        assert.equal(anonymous.status, 200, 'public routes answer without a token');
      } else {
        assert.equal(anonymous.status, 401);
        assert.deepEqual(anonymous.json.errors, [{ errorCode: 'KER-ATH-401', message: 'Authentication Failed' }]);
      }
      for (const role of PMS_ROLES) {
        const result = await stack.request(route.method, path, { body, token: tokens.get(role)! });
        const allowed = route.access === 'PUBLIC' || route.access === 'AUTHENTICATED' || route.access.includes(role);
        if (allowed) {
          assert.ok(!isAuthFailure(result.status, result.json), `${role} should pass the role check, got ${result.status}`);
        } else {
          assert.equal(result.status, 403, `${role} should be refused`);
          assert.deepEqual(result.json.errors, [{ errorCode: 'KER-ATH-403', message: 'Forbidden' }]);
        }
      }
    });
  }
});

describe('tokens', () => {
  const groups = '/v1/policymanager/policies/group/all';

  test('the Authorization cookie works like the bearer header; Cognito-shaped tokens work too', async () => {
    const token = tokens.get('POLICYMANAGER')!;
    const byHeader = await stack.request('GET', groups, { token });
    const byCookie = await stack.request('GET', groups, { cookieToken: token });
    assert.deepEqual([byHeader.status, byCookie.status], [200, 200]);
    assert.deepEqual(byCookie.json.errors, []);
    assert.deepEqual(byCookie.json.response, byHeader.json.response);
    const cognito = await stack.token('cognito-manager', ['POLICYMANAGER'], { flavor: 'cognito' });
    assert.deepEqual((await stack.request('GET', groups, { token: cognito })).json.errors, []);
  });

  test('an AUTH_PARTNER token on an admin route is forbidden, by header and by cookie', async () => {
    const token = tokens.get('AUTH_PARTNER')!;
    for (const options of [{ token }, { cookieToken: token }]) {
      const result = await stack.request('GET', groups, options);
      assert.equal(result.status, 403);
      assert.equal(result.json.errors[0].errorCode, 'KER-ATH-403');
    }
  });

  test('expired, wrong-issuer, wrong-audience, ID-token, future-dated, subject-less, foreign-key, HS256 and alg:none tokens are refused with 401', async () => {
    const key = await loadOrCreateSigningKey(stack.dataDir);
    const realClaims = {
      typ: 'Bearer',
      sub: 'c6f0d5a4-5b1e-4f4e-9d61-0b8f3f1d2e7a',
      preferred_username: 'mallory',
      realm_access: { roles: ['PARTNER_ADMIN', 'POLICYMANAGER'] },
    };
    const now = Math.floor(Date.now() / 1000);
    const validToken = await stack.token('mallory', ['PARTNER_ADMIN']);
    const validIssuer = JSON.parse(Buffer.from(validToken.split('.')[1]!, 'base64url').toString()).iss as string;
    const sign = (claims: Record<string, unknown>, options: { iss?: string; aud?: string; exp?: number } = {}) =>
      new SignJWT({ ...realClaims, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: key.kid })
        .setIssuer(options.iss ?? validIssuer)
        .setAudience(options.aud ?? LOCAL_AUDIENCE)
        .setIssuedAt(typeof claims.iat === 'number' ? claims.iat : now)
        .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 300)
        .sign(key.privateKey);
    const foreign = await generateKeyPair('RS256');
    const bad: Record<string, string> = {
      expired: await stack.token('mallory', ['PARTNER_ADMIN'], { expiresInSeconds: -120 }),
      wrongIssuer: await sign({}, { iss: 'https://evil.example/realms/mosip' }),
      wrongAudience: await sign({}, { aud: 'account' }),
      idToken: await sign({ typ: 'ID' }),
      futureDated: await sign({ iat: now + 3600 }),
      // Ownership is bound to `sub`: a token without one names nobody stable.
      noSubject: await sign({ sub: undefined }),
      foreignKey: await new SignJWT(realClaims)
        .setProtectedHeader({ alg: 'RS256', kid: key.kid })
        .setIssuer(validIssuer)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(foreign.privateKey),
      hs256: await new SignJWT(realClaims)
        .setProtectedHeader({ alg: 'HS256', kid: key.kid })
        .setIssuer(validIssuer)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!')),
      none: new UnsecuredJWT(realClaims).setIssuer(validIssuer).setAudience(LOCAL_AUDIENCE).setIssuedAt().setExpirationTime('5m').encode(),
      garbage: 'not-a-jwt',
    };
    assert.equal((await stack.request('GET', groups, { token: await sign({}) })).status, 200, 'the control token is accepted');
    for (const [name, token] of Object.entries(bad)) {
      for (const options of [{ token }, { cookieToken: token }]) {
        const result = await stack.request('GET', groups, options);
        assert.equal(result.status, 401, `${name} token`);
        assert.equal(result.json.errors[0].errorCode, 'KER-ATH-401', `${name} token`);
      }
    }
  });
});
