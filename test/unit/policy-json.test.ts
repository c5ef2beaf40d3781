import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type JsonSchema, schemaErrors } from '../../functions/domain/policies/policy-json/json-schema.js';
import { validatePolicyJson } from '../../functions/domain/policies/policy-json/validate-policy-json.js';
import type { PolicyType } from '../../functions/domain/policies/policy-types.js';
import { type ErrorDefinition, PmsError } from '../../functions/errors/pms-error.js';

// Realistic policies, shaped like MOSIP's seed and sample policies.
const AUTH = {
  authTokenType: 'partner',
  allowedAuthTypes: [
    { authType: 'otp', authSubType: '', mandatory: false },
    { authType: 'demo', authSubType: '', mandatory: false },
    { authType: 'bio', authSubType: 'FINGER', mandatory: true },
    { authType: 'bio', authSubType: 'IRIS', mandatory: false },
    { authType: 'kyc', mandatory: false },
  ],
  allowedKycAttributes: [{ attributeName: 'fullName' }, { attributeName: 'gender' }, { attributeName: 'dateOfBirth' }],
  kycLanguages: ['eng', 'ara'],
};

const DATA_SHARE = {
  dataSharePolicies: {
    typeOfShare: 'Data Share',
    validForInMinutes: '30',
    transactionsAllowed: '2',
    encryptionType: 'Partner Based',
    shareDomain: 'datashare.datashare',
    source: 'ID Repository',
  },
  shareableAttributes: [
    { attributeName: 'fullName', source: [{ attribute: 'fullName' }], encrypted: true },
    {
      attributeName: 'biometrics',
      group: 'CBEFF',
      source: [
        {
          attribute: 'individualBiometrics',
          filter: [{ type: 'Face' }, { type: 'Finger', subType: ['Left Thumb', 'Right Thumb'] }, { language: 'eng' }],
        },
      ],
      encrypted: true,
      format: 'extraction',
    },
  ],
};

const MISP = {
  allowAuthRequestDelegation: true,
  allowKycRequestDelegation: true,
  allowKeyBindingDelegation: false,
  trustBindedAuthVerificationToken: true,
  allowVciRequestDelegation: false,
};

type Json = Record<string, any>;
const edit = (policy: Json, change: (copy: Json) => void): Json => {
  const copy = structuredClone(policy);
  change(copy);
  return copy;
};

function errorsOf(type: PolicyType, policies: unknown): ErrorDefinition[] {
  try {
    validatePolicyJson(type, policies);
  } catch (error) {
    assert.ok(error instanceof PmsError, `expected a PmsError, got ${String(error)}`);
    assert.equal(error.code, error.errors[0]!.code);
    return error.errors;
  }
  return assert.fail('expected the policy to be refused');
}

const missing = (path: string) => ({ code: 'PMS_PV_006', message: `Missing input parameter - ${path} in policy data` });
const invalid = (path: string) => ({ code: 'PMS_PV_005', message: `Invalid input parameter - ${path} in policy data` });
const format = (pathAndType: string) => ({ code: 'PMS_PV_007', message: `Format Error: Expected format is ${pathAndType}.` });

test('realistic policies of every type pass', () => {
  assert.doesNotThrow(() => validatePolicyJson('Auth', AUTH));
  assert.doesNotThrow(() => validatePolicyJson('DataShare', DATA_SHARE));
  assert.doesNotThrow(() => validatePolicyJson('CredentialIssuance', DATA_SHARE));
  assert.doesNotThrow(() => validatePolicyJson('MISP', MISP));
  // Optional members may be left out.
  assert.doesNotThrow(() =>
    validatePolicyJson(
      'Auth',
      edit(AUTH, (p) => delete p.kycLanguages),
    ),
  );
  assert.doesNotThrow(() =>
    validatePolicyJson(
      'MISP',
      edit(MISP, (p) => {
        delete p.trustBindedAuthVerificationToken;
        delete p.allowVciRequestDelegation;
      }),
    ),
  );
  assert.doesNotThrow(() =>
    validatePolicyJson(
      'DataShare',
      edit(DATA_SHARE, (p) => (p.dataSharePolicies.protocol = 'http')),
    ),
  );
});

test("what MOSIP's schemas do not forbid passes too", () => {
  // No minItems / minLength anywhere: empty lists and empty strings are accepted.
  assert.doesNotThrow(() => validatePolicyJson('Auth', { authTokenType: 'random', allowedAuthTypes: [], allowedKycAttributes: [] }));
  assert.doesNotThrow(() =>
    validatePolicyJson(
      'DataShare',
      edit(DATA_SHARE, (p) => {
        p.dataSharePolicies.shareDomain = '';
        p.shareableAttributes = [];
      }),
    ),
  );
  // dataSharePolicies, source items and filters have no additionalProperties: false.
  assert.doesNotThrow(() =>
    validatePolicyJson(
      'DataShare',
      edit(DATA_SHARE, (p) => (p.dataSharePolicies.extra = 1)),
    ),
  );
  assert.doesNotThrow(() =>
    validatePolicyJson(
      'DataShare',
      edit(DATA_SHARE, (p) => (p.shareableAttributes[0].source[0].extra = 1)),
    ),
  );
  // filter and subType are draft-04 tuples: items past the listed ones are not checked.
  assert.doesNotThrow(() =>
    validatePolicyJson(
      'DataShare',
      edit(DATA_SHARE, (p) => p.shareableAttributes[1].source[0].filter.push({ type: 7 })),
    ),
  );
  assert.doesNotThrow(() =>
    validatePolicyJson(
      'DataShare',
      edit(DATA_SHARE, (p) => p.shareableAttributes[1].source[0].filter[1].subType.push(3)),
    ),
  );
  // The type is matched like MOSIP's pmp.<type lowercase>.policy.schema.
  assert.doesNotThrow(() => validatePolicyJson('misp' as PolicyType, MISP));
});

test('auth: a missing required member at the root', () => {
  assert.deepEqual(
    errorsOf(
      'Auth',
      edit(AUTH, (p) => delete p.authTokenType),
    ),
    [missing('authTokenType')],
  );
});

test('auth: a missing required member in a list item carries the item pointer', () => {
  assert.deepEqual(
    errorsOf(
      'Auth',
      edit(AUTH, (p) => delete p.allowedAuthTypes[1].mandatory),
    ),
    [missing('allowedAuthTypes/1/mandatory')],
  );
});

test('auth: an additional property at the root', () => {
  assert.deepEqual(
    errorsOf(
      'Auth',
      edit(AUTH, (p) => (p.policyName = 'x')),
    ),
    [invalid('policyName')],
  );
});

test('auth: an additional property in a list item (IDA\'s "masked")', () => {
  assert.deepEqual(
    errorsOf(
      'Auth',
      edit(AUTH, (p) => (p.allowedKycAttributes[2].masked = true)),
    ),
    [invalid('allowedKycAttributes/2/masked')],
  );
});

test('auth: authTokenType outside its enum (case matters)', () => {
  assert.deepEqual(
    errorsOf(
      'Auth',
      edit(AUTH, (p) => (p.authTokenType = 'Partner')),
    ),
    [invalid('authTokenType')],
  );
});

test('auth: a string where a boolean is expected', () => {
  assert.deepEqual(
    errorsOf(
      'Auth',
      edit(AUTH, (p) => (p.allowedAuthTypes[0].mandatory = 'true')),
    ),
    [format('allowedAuthTypes/0/mandatory/boolean')],
  );
});

test('auth: a number where a string is expected', () => {
  assert.deepEqual(
    errorsOf(
      'Auth',
      edit(AUTH, (p) => (p.kycLanguages = ['eng', 1])),
    ),
    [format('kycLanguages/1/string')],
  );
});

test('auth: an enum member of the wrong type fails both enum and type, enum first', () => {
  assert.deepEqual(
    errorsOf(
      'Auth',
      edit(AUTH, (p) => (p.authTokenType = 1)),
    ),
    [invalid('authTokenType'), format('authTokenType/string')],
  );
});

test('data share: typeOfShare and encryptionType outside their enums', () => {
  assert.deepEqual(
    errorsOf(
      'DataShare',
      edit(DATA_SHARE, (p) => (p.dataSharePolicies.typeOfShare = 'data share')),
    ),
    [invalid('dataSharePolicies/typeOfShare')],
  );
  assert.deepEqual(
    errorsOf(
      'CredentialIssuance',
      edit(DATA_SHARE, (p) => (p.dataSharePolicies.encryptionType = 'None')),
    ),
    [invalid('dataSharePolicies/encryptionType')],
  );
});

test('data share: validForInMinutes must be a string, not a number', () => {
  assert.deepEqual(
    errorsOf(
      'DataShare',
      edit(DATA_SHARE, (p) => (p.dataSharePolicies.validForInMinutes = 30)),
    ),
    [format('dataSharePolicies/validForInMinutes/string')],
  );
});

test('data share: a missing nested required member', () => {
  assert.deepEqual(
    errorsOf(
      'DataShare',
      edit(DATA_SHARE, (p) => delete p.dataSharePolicies.shareDomain),
    ),
    [missing('dataSharePolicies/shareDomain')],
  );
});

test('data share: a whole section of the wrong type is reported once, without descending', () => {
  assert.deepEqual(
    errorsOf(
      'DataShare',
      edit(DATA_SHARE, (p) => (p.dataSharePolicies = [])),
    ),
    [format('dataSharePolicies/object')],
  );
  assert.deepEqual(
    errorsOf(
      'DataShare',
      edit(DATA_SHARE, (p) => (p.shareableAttributes = { fullName: true })),
    ),
    [format('shareableAttributes/array')],
  );
});

test('data share: shareable attribute defects (extra member, string encrypted, missing source)', () => {
  assert.deepEqual(
    errorsOf(
      'DataShare',
      edit(DATA_SHARE, (p) => (p.shareableAttributes[0].masked = false)),
    ),
    [invalid('shareableAttributes/0/masked')],
  );
  assert.deepEqual(
    errorsOf(
      'DataShare',
      edit(DATA_SHARE, (p) => (p.shareableAttributes[1].encrypted = 'true')),
    ),
    [format('shareableAttributes/1/encrypted/boolean')],
  );
  assert.deepEqual(
    errorsOf(
      'DataShare',
      edit(DATA_SHARE, (p) => delete p.shareableAttributes[0].source),
    ),
    [missing('shareableAttributes/0/source')],
  );
});

test('data share: source and filter defects deep in shareableAttributes', () => {
  assert.deepEqual(
    errorsOf(
      'DataShare',
      edit(DATA_SHARE, (p) => delete p.shareableAttributes[1].source[0].attribute),
    ),
    [missing('shareableAttributes/1/source/0/attribute')],
  );
  assert.deepEqual(
    errorsOf(
      'DataShare',
      edit(DATA_SHARE, (p) => (p.shareableAttributes[1].source[0].filter = { type: 'Face' })),
    ),
    [format('shareableAttributes/1/source/0/filter/array')],
  );
  assert.deepEqual(
    errorsOf(
      'DataShare',
      edit(DATA_SHARE, (p) => (p.shareableAttributes[1].source[0].filter[0].type = ['Face'])),
    ),
    [format('shareableAttributes/1/source/0/filter/0/type/string')],
  );
  assert.deepEqual(
    errorsOf(
      'DataShare',
      edit(DATA_SHARE, (p) => (p.shareableAttributes[1].source[0].filter[1].subType = ['Left Thumb', 2])),
    ),
    [format('shareableAttributes/1/source/0/filter/1/subType/1/string')],
  );
  assert.deepEqual(
    errorsOf(
      'DataShare',
      edit(DATA_SHARE, (p) => (p.shareableAttributes[1].source[0].filter[2].language = null)),
    ),
    [format('shareableAttributes/1/source/0/filter/2/language/string')],
  );
});

test('misp: a missing boolean, a string for a boolean, a member IDA reads but the schema refuses', () => {
  assert.deepEqual(
    errorsOf(
      'MISP',
      edit(MISP, (p) => delete p.allowKeyBindingDelegation),
    ),
    [missing('allowKeyBindingDelegation')],
  );
  assert.deepEqual(
    errorsOf(
      'MISP',
      edit(MISP, (p) => (p.allowKycRequestDelegation = 'yes')),
    ),
    [format('allowKycRequestDelegation/boolean')],
  );
  assert.deepEqual(
    errorsOf(
      'MISP',
      edit(MISP, (p) => (p.allowOTPRequestDelegation = true)),
    ),
    [invalid('allowOTPRequestDelegation')],
  );
});

test('non-object policies', () => {
  for (const absent of [null, undefined]) {
    assert.deepEqual(errorsOf('Auth', absent), [missing('policies')]);
  }
  for (const other of [[], [AUTH], 'policies', 42, true]) {
    assert.deepEqual(errorsOf('MISP', other), [format('object')]);
  }
  assert.deepEqual(errorsOf('MISP', {}), [missing('allowAuthRequestDelegation'), missing('allowKycRequestDelegation'), missing('allowKeyBindingDelegation')]);
});

test("several defects come back together, in MOSIP's order (first = the one MOSIP answers)", () => {
  const policy = {
    zeta: 1, // unwanted members first, sorted, then missing ones in the schema's required order...
    allowedKycAttributes: [{ attributeName: 'fullName', masked: true }, {}],
    alpha: 2,
    allowedAuthTypes: [{ authType: 'otp', mandatory: 'no' }],
    kycLanguages: 'eng',
    // ...authTokenType missing; then members by sorted name, each node's errors before its children's.
  };
  assert.deepEqual(errorsOf('Auth', policy), [
    invalid('alpha'),
    invalid('zeta'),
    missing('authTokenType'),
    format('allowedAuthTypes/0/mandatory/boolean'),
    invalid('allowedKycAttributes/0/masked'),
    missing('allowedKycAttributes/1/attributeName'),
    format('kycLanguages/array'),
  ]);

  const dataShare = edit(DATA_SHARE, (p) => {
    p.shareableAttributes[1].source[0].filter[0].type = 1;
    p.shareableAttributes[0].encrypted = 'yes';
    p.dataSharePolicies.typeOfShare = 'share';
    delete p.dataSharePolicies.source;
    p.dataSharePolicies.transactionsAllowed = 2;
  });
  assert.deepEqual(errorsOf('DataShare', dataShare), [
    missing('dataSharePolicies/source'),
    format('dataSharePolicies/transactionsAllowed/string'),
    invalid('dataSharePolicies/typeOfShare'),
    format('shareableAttributes/0/encrypted/boolean'),
    format('shareableAttributes/1/source/0/filter/0/type/string'),
  ]);
});

test('the walker: minItems, minLength, pointer escaping and slash stripping as MOSIP maps them', () => {
  const schema: JsonSchema = {
    type: 'object',
    properties: {
      'a/b': { type: 'object', properties: { 'c~d': { type: 'array', minItems: 1 } } },
      name: { type: 'string', minLength: 2 },
    },
    additionalProperties: false,
  };
  assert.deepEqual(schemaErrors(schema, { 'a/b': { 'c~d': [] }, name: '\u{1F600}', 'x/': 1 }), [
    invalid('x'), // MOSIP strips the trailing slash of "/x/"
    { code: 'PMS_PV_008', message: 'Empty array is not allowed in a~1b/c~0d.' },
    { code: 'PMS_PV_009', message: 'Empty string is not allowed in name.' }, // one code point, as Java counts it
  ]);
  assert.deepEqual(schemaErrors(schema, { name: 'ok' }), []);
});
