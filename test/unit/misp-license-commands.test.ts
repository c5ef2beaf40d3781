import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { mispLicenseDeps, mispLicenseValidityDaysFromEnv } from '../../functions/adapters/wiring.js';
import type { Caller } from '../../functions/domain/caller.js';
import { credentialHash } from '../../functions/domain/credentials.js';
import { changeMispLicenseStatus, generateMispLicense, regenerateMispLicense } from '../../functions/domain/misp-licenses/commands.js';
import type { MispLicense } from '../../functions/domain/misp-licenses/misp-license.js';
import type { MispLicenseDeps } from '../../functions/domain/misp-licenses/ports.js';
import type { PolicyRequest } from '../../functions/domain/policy-requests/policy-request.js';
import { InactivePartnerError } from '../../functions/errors/pms-error.js';
import { partnerFixture, policyFixture } from '../support/domain-objects.js';
import { refusal, refusalOf } from '../support/refusals.js';

/*
 * The rules of MISP license issuing that the e2e tests reach only through data they cannot easily make: which
 * policy a license takes, refusals for unapproved or vanished policies, and a MISP deactivated mid-issue.
 */

const NOW = new Date('2027-02-01T10:00:00.000Z');
const ADMIN: Caller = { userId: 'admin1', isAdmin: true };
const MISP = partnerFixture({ id: 'misp-1', userId: 'misp-1', partnerType: 'MISP_Partner', organizationName: 'MISP One' });

function request(mappingKey: string, policyId: string, crDtimes: string, status: PolicyRequest['status'] = 'approved'): PolicyRequest {
  return {
    mappingKey,
    partnerId: MISP.id,
    policyId,
    status,
    requestDetail: 'MISP use',
    crBy: MISP.userId,
    crDtimes,
    updBy: null,
    updDtimes: null,
    revision: 1,
  };
}

function world(options: { requests?: PolicyRequest[]; licenses?: MispLicense[]; issueFails?: Error; validityDays?: number } = {}) {
  const issued: MispLicense[] = [];
  const deps: MispLicenseDeps = {
    licenses: {
      async issue(license) {
        if (options.issueFails) throw options.issueFails;
        issued.push(license);
      },
      save: async () => assert.fail('no license is saved here'),
      byHash: async () => undefined,
      latestId: async () => options.licenses?.[0]?.id ?? null,
      licensesOf: async () => options.licenses ?? [],
      allLicenses: async () => options.licenses ?? [],
      policyRequestsOf: async () => options.requests ?? [],
    },
    partners: { getPartner: async (id) => (id === MISP.id ? MISP : undefined), partnersOfUser: async () => [MISP] },
    policies: { getPolicy: async (id) => (id === 'gone' ? undefined : policyFixture({ id, name: `Policy ${id}` })) },
    newKey: () => 'k'.repeat(50),
    validityDays: options.validityDays ?? 30,
    clock: { now: () => NOW },
    ids: { newId: () => `id-${issued.length}-${Math.random().toString(36).slice(2, 8)}` },
  };
  return { deps, issued };
}

test("a new license takes the policy of the MISP's earliest request, whatever order the requests are read in", async () => {
  const { deps, issued } = world({
    requests: [request('later', 'policy-b', '2027-01-20T00:00:00.000Z'), request('earliest', 'policy-a', '2027-01-05T00:00:00.000Z')],
  });
  const answer = await generateMispLicense(deps, ADMIN, { providerId: MISP.id });
  assert.equal(issued.length, 1);
  assert.equal(issued[0]!.policyId, 'policy-a');
  assert.equal(issued[0]!.validToDatetime, '2027-03-03T10:00:00.000Z', '30 days of validity');
  assert.equal(JSON.stringify(answer).includes('k'.repeat(50)), true, 'the new key is shown once, in this answer');
});

test('a MISP without requests gets a license with no policy', async () => {
  const { deps, issued } = world();
  await generateMispLicense(deps, ADMIN, { providerId: MISP.id });
  assert.equal(issued[0]!.policyId, null);
});

test('every request must be approved (PMS_MSP_418) and the chosen policy must exist (PMS_MSP_419); nothing is issued', async () => {
  const pending = world({
    requests: [request('a', 'policy-a', '2027-01-05T00:00:00.000Z'), request('b', 'policy-b', '2027-01-06T00:00:00.000Z', 'InProgress')],
  });
  assert.equal(await refusal(generateMispLicense(pending.deps, ADMIN, { providerId: MISP.id })), 'PMS_MSP_418');
  const vanished = world({ requests: [request('a', 'gone', '2027-01-05T00:00:00.000Z')] });
  assert.equal(await refusal(generateMispLicense(vanished.deps, ADMIN, { providerId: MISP.id })), 'PMS_MSP_419');
  assert.deepEqual([...pending.issued, ...vanished.issued], []);
});

test('a MISP deactivated between the read and the write is answered as inactive (PMS_MSP_405)', async () => {
  const { deps, issued } = world({ issueFails: new InactivePartnerError(MISP.id) });
  assert.equal(await refusal(generateMispLicense(deps, ADMIN, { providerId: MISP.id })), 'PMS_MSP_405');
  assert.deepEqual(issued, []);
});

test('regeneration checks its validityDays before anything is read, and needs an earlier license', async () => {
  const { deps } = world();
  for (const validityDays of ['0', '-1', '1.5', 'x', '10000000']) {
    assert.equal(await refusal(regenerateMispLicense(deps, ADMIN, 'unknown-misp', { validityDays })), 'PMS_MSP_421', validityDays);
  }
  assert.equal(await refusal(regenerateMispLicense(deps, ADMIN, MISP.id, {})), 'PMS_MSP_408');
});

/*
 * A license an admin switched off stays off until an admin lifts it (issue #13, finding 3): MOSIP lets the MISP
 * switch it back on, and we let a MISP without an active license ask for a new one.
 */

const MISP_USER: Caller = { userId: MISP.userId, isAdmin: false };

function license(id: string, overrides: Partial<MispLicense> = {}): MispLicense {
  return {
    id,
    keyHash: credentialHash(`clear-${id}`),
    hint: 'abcd',
    mispId: MISP.id,
    policyId: null,
    isActive: true,
    validFromDatetime: '2027-01-01T00:00:00.000Z',
    validToDatetime: '2030-01-01T00:00:00.000Z',
    crBy: MISP.userId,
    crDtimes: '2027-01-01T00:00:00.000Z',
    updBy: null,
    updDtimes: null,
    revision: 1,
    ...overrides,
  };
}

/** The MISP's licenses (newest first, the first is the head's) in memory, with revision-conditioned saves. */
function licenseStore(initial: MispLicense[]) {
  const stored = new Map(initial.map((item) => [item.keyHash, item]));
  const issued: MispLicense[] = [];
  const base = world({ licenses: initial }).deps;
  const deps: MispLicenseDeps = {
    ...base,
    licenses: {
      ...base.licenses,
      byHash: async (hash) => stored.get(hash),
      licensesOf: async () => [...stored.values()],
      latestId: async () => issued.at(-1)?.id ?? initial[0]?.id ?? null,
      async issue(next) {
        issued.push(next);
      },
      async save(next, previous) {
        assert.equal(stored.get(next.keyHash)?.revision, previous.revision, 'saved at the revision read');
        stored.set(next.keyHash, { ...next, revision: previous.revision + 1 });
      },
    },
  };
  const setStatus = (caller: Caller, id: string, licenseKeyStatus: string) =>
    changeMispLicenseStatus(deps, caller, { providerId: MISP.id, licenseKey: `clear-${id}`, licenseKeyStatus });
  return { deps, stored: (id: string) => stored.get(credentialHash(`clear-${id}`))!, issued, setStatus };
}

test("the MISP cannot switch on a license an admin switched off (PMS_MSP_422) nor ask for a new one; the admin's activation lifts both", async () => {
  const store = licenseStore([license('l1')]);
  await store.setStatus(ADMIN, 'l1', 'De-Active');
  assert.deepEqual([store.stored('l1').isActive, store.stored('l1').revokedByAdmin], [false, true]);

  assert.deepEqual(await refusalOf(store.setStatus(MISP_USER, 'l1', 'Active')), {
    code: 'PMS_MSP_422',
    message: 'MISP license key was deactivated by an administrator. Only an administrator can activate it or issue a new one.',
  });
  assert.equal(await refusal(generateMispLicense(store.deps, MISP_USER, { providerId: MISP.id })), 'PMS_MSP_422');
  // Switching it off again keeps the revocation.
  await store.setStatus(MISP_USER, 'l1', 'de-active');
  assert.equal(store.stored('l1').revokedByAdmin, true);
  assert.deepEqual(store.issued, []);

  await store.setStatus(ADMIN, 'l1', 'active');
  assert.deepEqual([store.stored('l1').isActive, store.stored('l1').revokedByAdmin], [true, false]);
  await store.setStatus(MISP_USER, 'l1', 'de-active');
  await store.setStatus(MISP_USER, 'l1', 'active');
  assert.equal(store.stored('l1').isActive, true, "the MISP's own deactivation stays its own to undo");
});

test('an admin may issue a new license for a MISP whose license an admin revoked: the new one is not revoked', async () => {
  const store = licenseStore([license('l1', { isActive: false, revokedByAdmin: true })]);
  await generateMispLicense(store.deps, ADMIN, { providerId: MISP.id });
  assert.equal(store.issued.length, 1);
  assert.equal(store.issued[0]!.revokedByAdmin, undefined);
});

test('a MISP whose newest license it switched off itself, or whose older license an admin revoked, may ask for a new one', async () => {
  const own = licenseStore([license('l1', { isActive: false })]);
  await generateMispLicense(own.deps, MISP_USER, { providerId: MISP.id });
  assert.equal(own.issued.length, 1);
  const older = licenseStore([license('l2', { isActive: false }), license('l1', { isActive: false, revokedByAdmin: true })]);
  await generateMispLicense(older.deps, MISP_USER, { providerId: MISP.id });
  assert.equal(older.issued.length, 1);
});

test("the revocation is read from the newest license's own item, not from the list, which may lag behind it", async () => {
  const store = licenseStore([license('l1', { isActive: false })]);
  const lagging: MispLicenseDeps = { ...store.deps, licenses: { ...store.deps.licenses, licensesOf: async () => [license('l1', { isActive: false })] } };
  await store.setStatus(ADMIN, 'l1', 'De-Active');
  assert.equal(await refusal(generateMispLicense(lagging, MISP_USER, { providerId: MISP.id })), 'PMS_MSP_422');
});

const VALIDITY_ENV = 'MISP_LICENSE_VALIDITY_DAYS';
const saved = { validity: process.env[VALIDITY_ENV], table: process.env.TABLE_NAME };
afterEach(() => {
  for (const [name, value] of [
    [VALIDITY_ENV, saved.validity],
    ['TABLE_NAME', saved.table],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

test("MISP_LICENSE_VALIDITY_DAYS: 365 when unset or empty (not MOSIP's 999999), a whole number of days from 1 to 3650 otherwise", () => {
  assert.equal(mispLicenseValidityDaysFromEnv({}), 365);
  assert.equal(mispLicenseValidityDaysFromEnv({ [VALIDITY_ENV]: '' }), 365);
  assert.equal(mispLicenseValidityDaysFromEnv({ [VALIDITY_ENV]: '1' }), 1);
  assert.equal(mispLicenseValidityDaysFromEnv({ [VALIDITY_ENV]: '3650' }), 3650);
  for (const text of ['0', '-30', '90.5', '3651', '999999', 'forever', ' ']) {
    assert.throws(
      () => mispLicenseValidityDaysFromEnv({ [VALIDITY_ENV]: text }),
      new RegExp(`^Error: ${VALIDITY_ENV} must be a whole number of days from 1 to 3650, not ${text}$`),
      text,
    );
  }
});

test('a bad MISP_LICENSE_VALIDITY_DAYS stops the wiring of the license functions, naming the variable', () => {
  process.env.TABLE_NAME = 'pms-unit';
  process.env[VALIDITY_ENV] = '999999';
  assert.throws(() => mispLicenseDeps(), /^Error: MISP_LICENSE_VALIDITY_DAYS must be a whole number of days from 1 to 3650, not 999999$/);
  process.env[VALIDITY_ENV] = '730';
  assert.equal(mispLicenseDeps().validityDays, 730);
});

test('a new license is valid for the configured days from now: the default year, or what the operator set', async () => {
  for (const [validityDays, validTo] of [
    [mispLicenseValidityDaysFromEnv({}), '2028-02-01T10:00:00.000Z'],
    [mispLicenseValidityDaysFromEnv({ [VALIDITY_ENV]: '90' }), '2027-05-02T10:00:00.000Z'],
  ] as const) {
    const { deps, issued } = world({ validityDays });
    const answer = await generateMispLicense(deps, ADMIN, { providerId: MISP.id });
    assert.equal(issued[0]!.validToDatetime, validTo);
    assert.equal(answer.licenseKeyExpiry, validTo.replace(/Z$/, ''), 'shown in the answer as MOSIP shows it');
  }
});
