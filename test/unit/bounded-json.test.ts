import assert from 'node:assert/strict';
import { test } from 'node:test';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { type ApiEvent, apiHandler } from '../../functions/http/api-handler.js';
import { MAX_BODY_BYTES } from '../../functions/http/request-parser.js';
import { partnerRoutes } from '../../functions/routes/partner-routes.js';
import { policyRoutes } from '../../functions/routes/policy-routes.js';
import type { Route } from '../../functions/routes/route.js';
import {
  jsonBoundViolation,
  MAX_JSON_BYTES,
  MAX_JSON_DEPTH,
  MAX_JSON_KEY_LENGTH,
  MAX_JSON_MEMBERS,
  MAX_JSON_STRING_LENGTH,
} from '../../functions/schemas/bounded-json.js';
import { apiEvent } from '../support/lambda-events.js';

/** MOSIP's largest shipped policy (db_upgrade_scripts, a reprint/eUIN data-share policy), as MOSIP stores it. */
const MOSIP_LARGEST_POLICY = JSON.parse(
  '{"dataSharePolicies":{"typeOfShare":"direct","validForInMinutes":"30","transactionsAllowed":"2","encryptionType":"Partner Based","shareDomain":"datashare.datashare","source":"ID Repository"},"shareableAttributes":[{"attributeName":"fullName","source":[{"attribute":"fullName"}],"encrypted":true},{"attributeName":"dateOfBirth","source":[{"attribute":"dateOfBirth"}],"encrypted":false,"format":"YYYY"},{"attributeName":"gender","source":[{"attribute":"gender"}],"encrypted":false},{"attributeName":"phone","source":[{"attribute":"phone"}],"encrypted":false},{"attributeName":"email","source":[{"attribute":"email"}],"encrypted":false},{"attributeName":"addressLine1","source":[{"attribute":"addressLine1"}],"encrypted":false},{"attributeName":"addressLine2","source":[{"attribute":"addressLine2"}],"encrypted":false},{"attributeName":"addressLine3","source":[{"attribute":"addressLine3"}],"encrypted":false},{"attributeName":"region","source":[{"attribute":"region"}],"encrypted":false},{"attributeName":"province","source":[{"attribute":"province"}],"encrypted":false},{"attributeName":"city","source":[{"attribute":"city"}],"encrypted":false},{"attributeName":"UIN","source":[{"attribute":"UIN"}],"encrypted":false},{"attributeName":"PCN","source":[{"attribute":"VID","filter":[{"type":"PERPETUAL"}]}],"encrypted":false,"format":"RETRIEVE"},{"attributeName":"postalCode","source":[{"attribute":"postalCode"}],"encrypted":false},{"attributeName":"bestTwoFingers","group":"CBEFF","source":[{"attribute":"individualBiometrics","filter":[{"type":"Finger"}]}],"encrypted":false,"format":"bestTwoFingers"},{"attributeName":"Signature","source":[{"attribute":"proofOfAddress"}],"encrypted":false},{"attributeName":"biometrics","group":"CBEFF","source":[{"attribute":"individualBiometrics","filter":[{"type":"Face"},{"type":"Finger","subType":["Left Thumb","Right Thumb"]}]}],"encrypted":false,"format":"extraction"}]}',
);

/** `levels` arrays inside one another around 1, built in a loop (no recursion anywhere). */
function nestedArrays(levels: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = [value];
  return value;
}

const violation = (value: unknown) => jsonBoundViolation(value);
const refusedAt = (value: unknown, path: (string | number)[], constraint?: RegExp) => {
  const found = jsonBoundViolation(value);
  assert.ok(found, `expected a refusal of ${path.join('.')}`);
  assert.deepEqual(found.path, path);
  if (constraint) assert.match(found.constraint, constraint);
};

test('MOSIP policies pass: its largest shipped policy nests 8 levels, holds 132 members, 1 911 characters', () => {
  assert.equal(violation(MOSIP_LARGEST_POLICY), undefined);
  for (const value of [null, true, 0, -0, 'text', [], {}, [{ a: [1.5, -2, 'x', null, false] }]]) assert.equal(violation(value), undefined);
});

test(`nesting: ${MAX_JSON_DEPTH} levels of objects and arrays pass, one more is refused where it starts`, () => {
  assert.equal(violation(nestedArrays(MAX_JSON_DEPTH)), undefined);
  refusedAt(nestedArrays(MAX_JSON_DEPTH + 1), Array(MAX_JSON_DEPTH).fill(0), /must not nest more than 16 levels/);

  let objects: unknown = { leaf: 'x' };
  for (let level = 1; level < MAX_JSON_DEPTH; level++) objects = { a: objects };
  assert.equal(violation(objects), undefined);
  refusedAt({ top: objects }, ['top', ...Array(MAX_JSON_DEPTH - 1).fill('a')]);
  // a scalar at the deepest level is no extra level
  assert.equal(violation([[[[[[[[[[[[[[[['deep']]]]]]]]]]]]]]]]), undefined);
});

test('100 000 levels are refused at level 17 without recursion (JSON.stringify alone would overflow the stack)', () => {
  const deep = nestedArrays(100_000);
  assert.throws(() => JSON.stringify(deep), RangeError);
  refusedAt(deep, Array(MAX_JSON_DEPTH).fill(0), /nest/);
});

test(`members: ${MAX_JSON_MEMBERS} members and elements in all pass, the next one is refused by its path`, () => {
  assert.equal(violation(Array(MAX_JSON_MEMBERS).fill(0)), undefined);
  refusedAt(Array(MAX_JSON_MEMBERS + 1).fill(0), [MAX_JSON_MEMBERS], /more than 1000 members/);
  // counted across the whole tree: `a` and its elements
  assert.equal(violation({ a: Array(MAX_JSON_MEMBERS - 1).fill(0) }), undefined);
  refusedAt({ a: Array(MAX_JSON_MEMBERS).fill(0) }, ['a', MAX_JSON_MEMBERS - 1]);
  refusedAt(Object.fromEntries(Array.from({ length: MAX_JSON_MEMBERS + 1 }, (_, i) => [`k${i}`, i])), [`k${MAX_JSON_MEMBERS}`]);
});

test(`member names: ${MAX_JSON_KEY_LENGTH} characters pass, one more is refused at the object holding it`, () => {
  assert.equal(violation({ x: { ['k'.repeat(MAX_JSON_KEY_LENGTH)]: 1 } }), undefined);
  refusedAt({ x: { ['k'.repeat(MAX_JSON_KEY_LENGTH + 1)]: 1 } }, ['x'], /member names must be at most 128 characters/);
});

test('__proto__, constructor and prototype are refused as member names anywhere, named in the path', () => {
  for (const name of ['__proto__', 'constructor', 'prototype']) {
    refusedAt(JSON.parse(`{"${name}":{"isAdmin":true}}`), [name], /member name is not allowed/);
    refusedAt(JSON.parse(`{"a":[{"ok":1},{"b":{"${name}":1}}]}`), ['a', 1, 'b', name]);
  }
  assert.equal(violation({ proto: 1, Constructor: 2, prototypes: 3 }), undefined);
});

test(`strings: ${MAX_JSON_STRING_LENGTH} characters pass, one more is refused`, () => {
  assert.equal(violation({ s: 'x'.repeat(MAX_JSON_STRING_LENGTH) }), undefined);
  refusedAt({ s: ['x'.repeat(MAX_JSON_STRING_LENGTH + 1)] }, ['s', 0], /size must be between 0 and 8192/);
});

test(`size: ${MAX_JSON_BYTES} UTF-8 bytes of JSON pass, one more is refused for the whole value`, () => {
  // ["…","…"] is both strings plus 7 characters
  const fitting = ['x'.repeat(MAX_JSON_STRING_LENGTH), 'x'.repeat(MAX_JSON_BYTES - 7 - MAX_JSON_STRING_LENGTH)];
  assert.equal(Buffer.byteLength(JSON.stringify(fitting)), MAX_JSON_BYTES);
  assert.equal(violation(fitting), undefined);
  refusedAt([...fitting.slice(0, 1), `${fitting[1]}x`], [], /must not exceed 16384 bytes as JSON/);
  // bytes, not characters: 8 192 two-byte characters fit the string bound but not the size
  refusedAt(['é'.repeat(MAX_JSON_STRING_LENGTH)], []);
});

test('numbers: finite, within ±MAX_SAFE_INTEGER, and 0 or at least 1E-130 in magnitude, as DynamoDB keeps them', () => {
  for (const n of [0, -0, 1, -1, 0.1, 1.5e-10, 1e-130, -1e-130, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 123456789.12345678]) {
    assert.equal(violation({ n }), undefined, String(n));
  }
  for (const text of ['1e400', '-1e400']) refusedAt(JSON.parse(`{"n":${text}}`), ['n'], /must be a number between -9007199254740991 and 9007199254740991/);
  for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, -(Number.MAX_SAFE_INTEGER + 2), 1e20, 1.7976931348623157e308]) {
    refusedAt({ n }, ['n'], /must be a number between/);
  }
  for (const n of [1e-200, -1e-200, 9.99e-131, Number.MIN_VALUE]) refusedAt({ n }, ['n'], /must be 0 or at least 1E-130 in magnitude/);
});

test('what is not JSON is refused: undefined members, array holes, functions, bigints', () => {
  refusedAt({ a: undefined }, ['a'], /must be a JSON value/);
  const withHole = [1];
  withHole[2] = 3;
  refusedAt(withHole, [1]);
  refusedAt({ f: () => 1 }, ['f']);
  refusedAt({ b: 1n }, ['b']);
});

test('every number the check accepts goes through the DynamoDB marshaller and comes back the same', () => {
  fc.assert(
    fc.property(fc.double(), (n) => {
      const accepted = violation(n) === undefined;
      let back: unknown;
      try {
        back = unmarshall(marshall({ n })).n;
      } catch {
        assert.equal(accepted, false, `${n} was accepted but the marshaller refuses it`);
        return;
      }
      if (accepted) assert.equal(back, n === 0 ? 0 : n);
    }),
    { numRuns: 2000 },
  );
});

// Through the request pipeline of the real routes: HTTP 400, PMS_COR_001, the Spring field path, nothing runs.

const today = () => new Date().toISOString();
const PARTNER = {
  partnerId: 'bank1',
  organizationName: 'Bank One',
  address: 'Nairobi',
  contactNumber: '+254700000000',
  emailId: 'bank1@example.org',
  partnerType: 'Auth_Partner',
};
const POLICY = { policyGroupName: 'Banks', name: 'KYC', desc: 'KYC for banks', version: '1.0' };

/** The raw body with `member` as the given JSON text (so 1e400 and `__proto__` arrive as a client writes them). */
function rawBody(request: object, member: string, json: string): string {
  const envelope = JSON.stringify({ id: 'mosip.pms', version: '1.0', requesttime: today(), request: { ...request, [member]: '§' } });
  return envelope.replace('"§"', json);
}

async function refusal(route: Route, body: string, pathParameters: Record<string, string> = {}) {
  assert.ok(Buffer.byteLength(body) <= MAX_BODY_BYTES, 'the attack fits the body limit');
  const ran: unknown[] = [];
  const handler = apiHandler(route, async (input) => {
    ran.push(input.body);
    return {};
  });
  const event: ApiEvent = apiEvent(route, {
    body,
    pathParameters,
    principal: { userId: 'user1', subject: 'sub-user1', roles: new Set(['PARTNER_ADMIN', 'POLICYMANAGER']) },
  });
  const result = await handler(event);
  assert.equal(ran.length, 0, 'the operation ran');
  const json = JSON.parse(result.body ?? 'null');
  assert.equal(result.statusCode, 400, result.body);
  assert.equal(json.errors.length, 1);
  assert.equal(json.errors[0].errorCode, 'PMS_COR_001');
  return json.errors[0].message as string;
}

test('the finding: deep additionalInfo, a __proto__ policy member and 1e400 are PMS_COR_001 naming the member', async () => {
  const levels = Math.floor((MAX_BODY_BYTES - 400) / 2);
  const deep = `${'['.repeat(levels)}${']'.repeat(levels)}`;
  const deepPath = `request.additionalInfo${'[0]'.repeat(MAX_JSON_DEPTH)}`;
  assert.equal(
    await refusal(partnerRoutes.registerPartnerV2, rawBody(PARTNER, 'additionalInfo', deep)),
    `Invalid request parameter - must not nest more than ${MAX_JSON_DEPTH} levels of objects and arrays :${deepPath}`,
  );
  assert.equal(
    await refusal(partnerRoutes.updatePartnerV2, rawBody({ address: 'a', contactNumber: '1' }, 'additionalInfo', deep), { partnerId: 'bank1' }),
    `Invalid request parameter - must not nest more than ${MAX_JSON_DEPTH} levels of objects and arrays :${deepPath}`,
  );
  assert.equal(
    await refusal(
      policyRoutes.createPolicy,
      rawBody({ ...POLICY, policyType: 'Auth' }, 'policies', '{"authTokenType":"partner","__proto__":{"isAdmin":true}}'),
    ),
    'Invalid request parameter - member name is not allowed :request.policies.__proto__',
  );
  assert.equal(
    await refusal(policyRoutes.updatePolicy, rawBody(POLICY, 'policies', '{"allowedAuthTypes":[{"authType":"otp","mandatory":true,"weight":1e400}]}'), {
      policyId: 'p1',
    }),
    'Invalid request parameter - must be a number between -9007199254740991 and 9007199254740991 :request.policies.allowedAuthTypes[0].weight',
  );
  assert.equal(
    await refusal(partnerRoutes.registerPartnerV2, rawBody(PARTNER, 'additionalInfo', '[{"a":{"b":1e-200}}]')),
    'Invalid request parameter - must be 0 or at least 1E-130 in magnitude :request.additionalInfo[0].a.b',
  );
});

test('bounded free-form members still reach the operation whole', async () => {
  const handler = apiHandler(policyRoutes.createPolicy, async (input) => input.body);
  const body = JSON.stringify({
    id: 'mosip.pms',
    version: '1.0',
    requesttime: today(),
    request: { ...POLICY, policyType: 'DataShare', policies: MOSIP_LARGEST_POLICY },
  });
  const result = await handler(apiEvent(policyRoutes.createPolicy, { body, principal: { userId: 'm', subject: 'sub-m', roles: new Set(['POLICYMANAGER']) } }));
  const json = JSON.parse(result.body ?? 'null');
  assert.deepEqual([result.statusCode, json.errors], [200, []]);
  assert.deepEqual(json.response.policies, MOSIP_LARGEST_POLICY);
});
