import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { dynamoPartnerRepository } from '../../functions/adapters/dynamodb/partner-repository.js';
import { PMS_ROLES, type Role } from '../../functions/auth/roles.js';
import { auditEntry } from '../../functions/domain/audit.js';
import { PARTNER_TYPES, type PartnerType, partnerTypeOf } from '../../functions/domain/partners/partner-types.js';
import { partnerRoutes } from '../../functions/routes/partner-routes.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';
import { settledItems, withoutChanges } from '../support/no-change.js';
import { activateStoredPartner } from '../support/pms-calls.js';

const PARTNERS = '/v1/partnermanager/partners';
const ROLE_OF_TYPE: Record<PartnerType, Role> = {
  Auth_Partner: 'AUTH_PARTNER',
  Credential_Partner: 'CREDENTIAL_PARTNER',
  Online_Verification_Partner: 'ONLINE_VERIFICATION_PARTNER',
  ABIS_Partner: 'ABIS_PARTNER',
  Manual_Adjudication: 'MANUAL_ADJUDICATION',
  Device_Provider: 'DEVICE_PROVIDER',
  FTM_Provider: 'FTM_PROVIDER',
  MISP_Partner: 'MISP_PARTNER',
  Print_Partner: 'CREDENTIAL_PARTNER',
};

let stack: LocalStack;
let admin: string;
const now = () => new Date().toISOString();
const v1 = (request: unknown) => ({ id: 'mosip.partnermanagement.partners.create', version: '1.0', requesttime: now(), metadata: {}, request });

function registration(user: string, partnerType: string, overrides: Record<string, unknown> = {}) {
  return {
    partnerId: user,
    partnerType,
    policyGroup: PARTNER_TYPES[partnerTypeOf(partnerType) ?? 'Device_Provider'].policyRequired ? 'Partners' : undefined,
    organizationName: `${user} Ltd`,
    address: '1 Main Street',
    contactNumber: '+254700000000',
    emailId: `${user}@example.org`,
    langCode: 'eng',
    ...overrides,
  };
}

async function register(user: string, role: Role, partnerType: string, overrides: Record<string, unknown> = {}) {
  const token = await stack.token(user, [role]);
  return { token, ...(await stack.request('POST', PARTNERS, { token, body: v1(registration(user, partnerType, overrides)) })) };
}

async function refusedWithoutChange(token: string, method: string, path: string, body: unknown, code: string) {
  const { status, json } = await withoutChanges(stack, `${method} ${path}`, () => stack.request(method, path, { token, body }));
  assert.equal(status, 200);
  assert.equal(json.response, null);
  assert.equal(json.errors[0]?.errorCode, code, `${method} ${path}: ${JSON.stringify(json.errors)}`);
  return json;
}

before(async () => {
  stack = await startLocalStack();
  admin = await stack.token('admin1', ['PARTNER_ADMIN', 'POLICYMANAGER']);
  for (const name of ['Partners', 'Other partners', 'Closed partners']) {
    const { json } = await stack.request('POST', '/v1/policymanager/policies/group/new', { token: admin, body: v1({ name, desc: name }) });
    assert.deepEqual(json.errors, []);
  }
  const closed = await stack.request('GET', '/v1/policymanager/policies/policy-groups', { token: admin });
  const closedId = closed.json.response.find((g: { name: string }) => g.name === 'Closed partners').id;
  const off = { id: 'mosip.pms.deactivate.policy.group.patch', version: '1.0', requestTime: now(), request: { status: 'De-Activate' } };
  assert.deepEqual((await stack.request('PATCH', `/v1/policymanager/policies/group/${closedId}`, { token: admin, body: off })).json.errors, []);
});
after(() => stack?.stop());

test('every partner type registers, reads back, updates and maps its group, in MOSIP shapes', async () => {
  for (const [partnerType, role] of Object.entries(ROLE_OF_TYPE)) {
    const user = `user-${partnerType.toLowerCase().replace(/_/g, '-')}`;
    const created = await register(user, role, partnerType.toUpperCase());
    assert.deepEqual(created.json, {
      id: 'mosip.partnermanagement.partners.create',
      version: '1.0',
      responsetime: created.json.responsetime,
      metadata: null,
      response: { partnerId: user, status: 'InProgress' },
      errors: [],
    });

    const read = await stack.request('GET', `${PARTNERS}/${user}`, { token: created.token });
    assert.deepEqual([read.json.id, read.json.version], ['mosip.partnermanagement.partners.retrieve', '1.0']);
    assert.deepEqual(read.json.response, {
      partnerID: user,
      status: 'De-active',
      organizationName: `${user} Ltd`,
      contactNumber: '+254700000000',
      emailId: `${user}@example.org`,
      address: '1 Main Street',
      partnerType,
      policyGroup: PARTNER_TYPES[partnerType as PartnerType].policyRequired ? 'Partners' : null,
      isActive: false,
    });

    const updated = await stack.request('PUT', `/v1/partnermanager/partners/v2/${user}`, {
      token: created.token,
      body: v1({ address: '2 High Street', contactNumber: '+254711111111', logoUrl: 'https://example.org/logo.png' }),
    });
    assert.deepEqual(updated.json.response, { partnerId: user, status: 'InProgress' });
    const plain = await stack.request('PUT', `${PARTNERS}/${user}`, {
      token: created.token,
      body: v1({ address: '3 Low Street', contactNumber: '+254722222222' }),
    });
    assert.deepEqual(plain.json.errors, []);
    const reread = await stack.request('GET', `${PARTNERS}/${user}`, { token: admin });
    assert.deepEqual([reread.json.response.address, reread.json.response.contactNumber], ['3 Low Street', '+254722222222']);

    const mapping = await stack.request('PUT', `${PARTNERS}/${user}/policygroup/Other%20partners`, { token: created.token });
    if (!(partnerRoutes.mapPartnerPolicyGroup.access as readonly Role[]).includes(role)) assert.equal(mapping.status, 403, partnerType);
    else if (PARTNER_TYPES[partnerType as PartnerType].policyRequired) assert.deepEqual(mapping.json.response, 'Success', JSON.stringify(mapping.json));
    else assert.equal(mapping.json.errors[0].errorCode, 'PMS_PRT_048');
  }
  const deviceMapping = await stack.request('PUT', `${PARTNERS}/user-device-provider/policygroup/Partners`, { token: admin });
  assert.equal(deviceMapping.json.errors[0].errorCode, 'PMS_PRT_048');
  const emailCheck = await stack.request('PUT', `${PARTNERS}/email/verify`, { token: admin, body: v1({ emailId: 'USER-AUTH-PARTNER@example.org' }) });
  assert.equal(emailCheck.json.response.emailExists, true);
  // Anyone else signed in learns nothing about an address that is neither theirs nor one of their partners'.
  const stranger = await stack.token('stranger', [], { email: 'stranger@example.org' });
  const probe = await stack.request('PUT', `${PARTNERS}/email/verify`, { token: stranger, body: v1({ emailId: 'USER-AUTH-PARTNER@example.org' }) });
  assert.equal(probe.json.response.emailExists, false);
  const owner = await stack.token('user-auth-partner', [], { email: 'user-auth-partner@example.org' });
  const own = await stack.request('PUT', `${PARTNERS}/email/verify`, { token: owner, body: v1({ emailId: 'USER-AUTH-PARTNER@example.org' }) });
  assert.equal(own.json.response.emailExists, true);
  assert.deepEqual(emailCheck.json.response.policyRequiredPartnerTypes.sort(), [
    'ABIS_PARTNER',
    'AUTH_PARTNER',
    'CREDENTIAL_PARTNER',
    'MANUAL_ADJUDICATION',
    'ONLINE_VERIFICATION_PARTNER',
    'PRINT_PARTNER',
  ]);
});

test('registration checks run in MOSIP order, answer MOSIP codes and change nothing', async () => {
  const first = await register('bank-a', 'AUTH_PARTNER', 'Auth_Partner');
  assert.deepEqual(first.json.errors, []);
  // A partner admin may register any id, so every one of MOSIP's checks is reachable; each case also breaks a later rule.
  const cases: [Record<string, unknown>, string][] = [
    [registration('bank c', 'Auth_Partner', { emailId: 'not-an-email' }), 'PMS_PRT_012'],
    [registration('bank c', 'Auth_Partner', { emailId: 'bank-c@example.org' }), 'PMS_PRT_066'],
    [registration('b'.repeat(37), 'Auth_Partner', { emailId: 'Bank-A@Example.org' }), 'PMS_PRT_052'],
    [registration('bank-a', 'Auth_Partner', { emailId: 'BANK-A@example.org', langCode: 'xyz' }), 'PMS_PRT_011'],
    [registration('bank-a', 'Space_Partner', { emailId: 'other@example.org', langCode: 'xyz' }), 'PMS_PRT_056'],
    [registration('bank-a', 'Space_Partner', { emailId: 'other@example.org' }), 'PMS_PRT_051'],
    [registration('bank-c', 'Space_Partner', { policyGroup: 'No such group' }), 'PMS_PRT_010'],
    [registration('bank-c', 'Auth_Partner', { policyGroup: null }), 'PMS_PRT_108'],
    [registration('bank-c', 'Auth_Partner', { policyGroup: 'No such group' }), 'PMS_PRT_002'],
    [registration('bank-c', 'Auth_Partner', { policyGroup: 'Closed partners' }), 'PMS_PMP_023'],
    [registration('bank-c', 'Device_Provider', { policyGroup: 'Closed partners' }), 'PMS_PMP_023'],
  ];
  for (const [request, code] of cases) await refusedWithoutChange(admin, 'POST', PARTNERS, v1(request), code);

  const bankC = await stack.token('bank-c', ['AUTH_PARTNER']);
  await refusedWithoutChange(bankC, 'POST', PARTNERS, v1(registration('bank-z', 'Auth_Partner', { emailId: 'not-an-email' })), 'PMS_PRT_055');
  // MOSIP: a signed-in user whose own e-mail is already a partner's registers nothing more.
  const known = await stack.token('bank-c', ['AUTH_PARTNER'], { email: 'BANK-A@example.org' });
  await refusedWithoutChange(known, 'POST', PARTNERS, v1(registration('bank-c', 'Auth_Partner')), 'PMS_PRT_055');
  const longName = await withoutChanges(stack, 'long organisation name', () =>
    stack.request('POST', PARTNERS, { token: bankC, body: v1(registration('bank-c', 'Auth_Partner', { organizationName: 'x'.repeat(129) })) }),
  );
  assert.deepEqual(longName.json.errors, [
    { errorCode: 'PMS_COR_001', message: 'Invalid request parameter - Length should be between 1 and 128 chars :request.organizationName' },
  ]);
  await refusedWithoutChange(bankC, 'PUT', `${PARTNERS}/bank-a`, v1({ address: 'hijacked', contactNumber: '1' }), 'PMS_PRT_005');

  // Organisation names need not be unique (MOSIP's seed has several partners named IITB).
  const sameName = await stack.request('POST', PARTNERS, {
    token: bankC,
    body: v1(registration('bank-c', 'Auth_Partner', { organizationName: 'bank-a Ltd' })),
  });
  assert.deepEqual(sameName.json.response, { partnerId: 'bank-c', status: 'InProgress' });
});

test('a group named at registration is kept whatever the type, as MOSIP does', async () => {
  const device = await register('device-in-group', 'DEVICE_PROVIDER', 'Device_Provider', { policyGroup: 'Partners' });
  assert.deepEqual(device.json.errors, []);
  const read = await stack.request('GET', `${PARTNERS}/device-in-group`, { token: device.token });
  assert.equal(read.json.response.policyGroup, 'Partners');
});

test('a partner admin onboards partners of any type for their users; nobody else registers for another user', async () => {
  for (const [user, partnerType] of [
    ['misp-user', 'MISP_Partner'],
    ['abis-user', 'ABIS_Partner'],
    ['auth-user', 'Auth_Partner'],
    ['print-user', 'Print_Partner'],
  ]) {
    const created = await stack.request('POST', PARTNERS, { token: admin, body: v1(registration(user!, partnerType!)) });
    assert.deepEqual(created.json.response, { partnerId: user, status: 'InProgress' });
  }
  const own = await stack.request('GET', `${PARTNERS}/misp-user`, { token: await stack.token('misp-user', ['MISP_PARTNER']) });
  assert.equal(own.json.response.partnerType, 'MISP_Partner');
  const printer = await stack.request('GET', `${PARTNERS}/print-user`, { token: await stack.token('print-user', ['CREDENTIAL_PARTNER']) });
  assert.deepEqual([printer.json.response.partnerType, printer.json.response.policyGroup], ['Print_Partner', 'Partners']);
  const partner = await stack.token('telco-user', ['MISP_PARTNER']);
  await refusedWithoutChange(partner, 'POST', PARTNERS, v1(registration('other-misp', 'MISP_Partner')), 'PMS_PRT_055');
});

test("ownership is bound to the registering user's sub: the same username under another sub (a renamed or re-created account) owns nothing", async () => {
  const { token: owner } = await register('reused-name', 'AUTH_PARTNER', 'Auth_Partner');
  const namesake = await stack.token('reused-name', ['AUTH_PARTNER'], { subject: randomUUID() });
  const refusedRead = await stack.request('GET', `${PARTNERS}/reused-name`, { token: namesake });
  assert.equal(refusedRead.json.errors[0]?.errorCode, 'PMS_PRT_005');
  await refusedWithoutChange(
    namesake,
    'PUT',
    `${PARTNERS}/reused-name`,
    v1({ address: 'Elsewhere', contactNumber: '+254700000001', langCode: 'eng' }),
    'PMS_PRT_005',
  );
  const search = (token: string) =>
    stack.request('POST', `${PARTNERS}/search`, {
      token,
      body: v1({ partnerType: 'all', filters: [], sort: [{ sortField: 'id', sortType: 'asc' }], pagination: { pageStart: 0, pageFetch: 10 } }),
    });
  assert.deepEqual((await search(namesake)).json.response, { fromRecord: 0, toRecord: 0, totalRecord: 0, data: null });
  assert.deepEqual(
    (await search(owner)).json.response.data.map((row: { id: string }) => row.id),
    ['reused-name'],
  );
  assert.equal((await stack.request('GET', `${PARTNERS}/reused-name`, { token: owner })).json.response.partnerID, 'reused-name');
});

test('personal data is stored sealed: no item holds a partner’s or contact’s e-mail, phone or address, and the API answers them', async () => {
  const personal = { address: 'Plot 77 Riverside Drive', contactNumber: '+254711223344', emailId: 'Sealed.Owner@Riverside.example' };
  const { token } = await register('sealed-owner', 'AUTH_PARTNER', 'Auth_Partner', personal);
  await activateStoredPartner(stack.table, 'sealed-owner');
  const contact = { address: 'Back office 9', contactNumber: '+254799887766', emailId: 'desk@riverside.example' };
  assert.equal(
    (await stack.request('POST', `${PARTNERS}/sealed-owner/contact/add`, { token, body: v1(contact) })).json.response,
    'Contacts details added successfully.',
  );
  const stored = JSON.stringify(await settledItems(stack)).toLowerCase();
  for (const text of [...Object.values(personal), ...Object.values(contact)]) assert.ok(!stored.includes(text.toLowerCase()), `${text} is stored in the clear`);
  const read = (await stack.request('GET', `${PARTNERS}/sealed-owner`, { token })).json.response;
  assert.deepEqual([read.address, read.contactNumber, read.emailId], [personal.address, personal.contactNumber, personal.emailId]);
  // The e-mail is still unique, compared by its keyed hash whatever its case.
  await refusedWithoutChange(
    await stack.token('sealed-copy', ['AUTH_PARTNER']),
    'POST',
    PARTNERS,
    v1(registration('sealed-copy', 'Auth_Partner', { emailId: ' sealed.owner@RIVERSIDE.example ' })),
    'PMS_PRT_011',
  );
});

test('extra contacts: refused while the partner is inactive, then added and updated by e-mail', async () => {
  const { token } = await register('contact-user', 'AUTH_PARTNER', 'Auth_Partner');
  const contact = { address: 'Ops desk', contactNumber: '+254700000009', emailId: 'ops@contact-user.example' };
  await refusedWithoutChange(token, 'POST', `${PARTNERS}/contact-user/contact/add`, v1(contact), 'PMS_PMP_016');
  await refusedWithoutChange(token, 'POST', `${PARTNERS}/contact-user/contact/add`, v1({ ...contact, emailId: 'not-an-email' }), 'PMS_PRT_012');
  // Partners become active with their certificate (a later issue); arrange that state in the table directly.
  const partners = dynamoPartnerRepository(stack.table);
  const stored = (await partners.getPartner('contact-user'))!;
  await partners.save(
    { ...stored, isActive: true, approvalStatus: 'approved' },
    stored,
    auditEntry('test', 'arrange', 'Partner', 'contact-user', new Date()),
    [],
  );
  const added = await stack.request('POST', `${PARTNERS}/contact-user/contact/add`, { token, body: v1(contact) });
  assert.equal(added.json.response, 'Contacts details added successfully.');
  const updated = await stack.request('POST', `${PARTNERS}/contact-user/contact/add`, {
    token,
    body: v1({ ...contact, emailId: 'OPS@contact-user.example', address: 'Moved' }),
  });
  assert.equal(updated.json.response, 'Contacts details updated successfully.');
});

test('legacy search and filter values: admins see every partner, others only their own; personal columns refused', async () => {
  const search = (token: string, request: Record<string, unknown>) =>
    stack.request('POST', `${PARTNERS}/search`, {
      token,
      body: v1({ partnerType: 'all', filters: [], sort: [{ sortField: 'id', sortType: 'asc' }], pagination: { pageStart: 0, pageFetch: 100 }, ...request }),
    });
  const { token } = await register('search-a', 'AUTH_PARTNER', 'Auth_Partner');
  assert.deepEqual((await register('search-b', 'AUTH_PARTNER', 'Auth_Partner')).json.errors, []);

  const all = await search(admin, { filters: [{ columnName: 'id', type: 'startsWith', value: 'search-' }] });
  assert.deepEqual(
    all.json.response.data.map((p: { id: string }) => p.id),
    ['search-a', 'search-b'],
  );
  assert.equal(all.json.response.data[0].emailId, 'search-a@example.org');
  const own = await search(token, {});
  assert.deepEqual(
    own.json.response.data.map((p: { id: string }) => p.id),
    ['search-a'],
  );
  const byType = await search(admin, { partnerType: 'Device_Provider', filters: [{ columnName: 'id', type: 'startsWith', value: 'search-' }] });
  assert.deepEqual(byType.json.response, { fromRecord: 0, toRecord: 0, totalRecord: 0, data: null });
  for (const column of ['emailId', 'contactNo', 'address']) {
    const refused = await search(admin, { filters: [{ columnName: column, type: 'contains', value: 'x' }] });
    assert.deepEqual(refused.json.errors, [{ errorCode: 'KER_PRT_391', message: `The column '${column}' is not supported due to system limitations.` }]);
  }

  const values = await stack.request('POST', `${PARTNERS}/filtervalues`, {
    token,
    body: v1({ filters: [{ columnName: 'name', type: 'unique', text: 'search' }] }),
  });
  assert.deepEqual(values.json.response.filters, [{ fieldID: 'name', fieldValue: 'search-a Ltd', fieldCode: 'search-a' }]);
  const types = await stack.request('POST', `${PARTNERS}/partnertype/search`, {
    token,
    body: v1({
      filters: [{ columnName: 'isPolicyRequired', type: 'equals', value: 'false' }],
      sort: [{ sortField: 'code', sortType: 'asc' }],
      pagination: { pageStart: 0, pageFetch: 100 },
    }),
  });
  assert.deepEqual(
    types.json.response.data.map((t: { code: string }) => t.code),
    ['Device_Provider', 'FTM_Provider', 'MISP_Partner'],
  );
});

describe('BOLA: partner A never reaches partner B', () => {
  /** Every role a partner user may hold: A's token passes every role check, so only ownership can stop it. */
  const PARTNER_USER_ROLES = PMS_ROLES.filter((role) => !['PARTNER_ADMIN', 'POLICYMANAGER', 'ID_AUTHENTICATION'].includes(role));
  let tokenA: string;
  before(async () => {
    assert.deepEqual((await register('bola-a', 'AUTH_PARTNER', 'Auth_Partner')).json.errors, []);
    assert.deepEqual((await register('bola-b', 'AUTH_PARTNER', 'Auth_Partner')).json.errors, []);
    tokenA = await stack.token('bola-a', PARTNER_USER_ROLES);
  });

  test("every partner-scoped route of the route table answers B's id exactly as an id nobody has, and reveals none of B's data", async () => {
    const routes = ROUTES.filter(
      (route) =>
        route.path.includes('{partnerId}') &&
        Array.isArray(route.access) &&
        (route.access as readonly Role[]).some((role) => PARTNER_USER_ROLES.includes(role)),
    );
    assert.ok(routes.length >= 4, 'the partner-scoped routes are found');
    const call = async (route: (typeof routes)[number], partnerId: string) => {
      const path = route.fullPath.replace('{partnerId}', partnerId).replace(/\{\w+\}/g, 'x');
      const body = route.body ? v1(route.example ?? {}) : undefined;
      return withoutChanges(stack, `${route.method} ${path}`, () => stack.request(route.method, path, { token: tokenA, body }));
    };
    for (const route of routes) {
      const foreign = await call(route, 'bola-b');
      const missing = await call(route, 'bola-nobody');
      assert.ok(
        foreign.status === 200 && foreign.json.response === null && foreign.json.errors.length > 0,
        `${route.operationId} must refuse with an error envelope: ${foreign.status} ${foreign.text}`,
      );
      assert.deepEqual(
        [foreign.status, foreign.json.errors],
        [missing.status, missing.json.errors],
        `${route.operationId}: B's partner is told apart from a missing one`,
      );
      assert.ok(!foreign.text.includes('bola-b Ltd') && !foreign.text.includes('bola-b@example.org'), `${route.operationId} leaked B's data`);
    }
  });

  test("B's id in the body: A cannot register as B", async () => {
    await refusedWithoutChange(
      tokenA,
      'POST',
      PARTNERS,
      v1(registration('bola-b', 'Auth_Partner', { organizationName: 'Fake B', emailId: 'fake@example.org' })),
      'PMS_PRT_055',
    );
  });
});
