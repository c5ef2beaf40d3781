import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Caller } from '../../functions/domain/caller.js';
import { generateMispLicense, regenerateMispLicense } from '../../functions/domain/misp-licenses/commands.js';
import type { MispLicense } from '../../functions/domain/misp-licenses/misp-license.js';
import type { MispLicenseDeps } from '../../functions/domain/misp-licenses/ports.js';
import type { PolicyRequest } from '../../functions/domain/policy-requests/policy-request.js';
import { InactivePartnerError } from '../../functions/errors/pms-error.js';
import { partnerFixture, policyFixture } from '../support/domain-objects.js';
import { refusal } from '../support/refusals.js';

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

function world(options: { requests?: PolicyRequest[]; licenses?: MispLicense[]; issueFails?: Error } = {}) {
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
    validityDays: 30,
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
