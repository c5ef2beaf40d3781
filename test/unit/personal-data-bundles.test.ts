import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SCHEDULED_JOBS } from '../../functions/jobs/job-table.js';
import type { Route } from '../../functions/routes/route.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { bundleContents } from '../support/bundle-contents.js';

// Only the functions whose route row declares personal data (seal, reveal, lookup) may carry the personal-data
// protector and its KMS client (issue #18). The composition root marks its per-container deps pure, so a function
// that never builds the protector must not bundle it: it cost every data function about 300 kB and 0.3-0.5x of the
// baseline's load time (docs/bench.md). Built as CDK deploys them (lib/bundling.ts), with the layer's packages external.

const routeNamed = (operationId: string): Route => {
  const route = ROUTES.find((candidate) => candidate.operationId === operationId);
  if (!route) throw new Error(`no route ${operationId}`);
  return route;
};

/** One function of each kind of deps the composition root builds, none of them declaring personal data. */
const WITHOUT_PERSONAL_DATA = [
  'getPolicyGroup',
  'createPolicy',
  'requestPolicy',
  'listApiKeys',
  'generateMispLicense',
  'verifyPartnerKeys',
  'createFtmChip',
  'createDevice',
  'partnerFilterValues',
  'getAdminDashboardCounts',
  'listNotifications',
  'createOidcClient',
  'login',
].map(routeNamed);

const PROTECTOR_MACHINERY = ['functions/adapters/personal-data/', 'node_modules/@aws-sdk/client-kms/'];

function carriesProtector(entry: string): string[] {
  const { codeInputs: inputs, externalImports } = bundleContents(entry);
  assert.ok(
    inputs.some((input) => input.endsWith(entry)),
    `${entry} is not among its bundle's inputs`,
  );
  return [
    ...inputs.filter((input) => PROTECTOR_MACHINERY.some((part) => input.includes(part))),
    ...externalImports.filter((specifier) => specifier === '@aws-sdk/client-kms'),
  ];
}

describe('personal-data protector in function bundles', () => {
  test('the functions checked here declare no personal data', () => {
    for (const route of WITHOUT_PERSONAL_DATA) assert.equal(route.personalData, undefined, route.operationId);
  });

  for (const route of WITHOUT_PERSONAL_DATA) {
    test(`${route.operationId} carries neither the protector nor the KMS client`, () => {
      assert.deepEqual(carriesProtector(route.entry), []);
    });
  }

  test('the scheduled jobs carry neither the protector nor the KMS client', () => {
    for (const job of SCHEDULED_JOBS) assert.deepEqual(carriesProtector(job.entry), [], job.name);
  });

  test('a function that reveals personal data still carries both (the check sees them where they are)', () => {
    const getPartner = routeNamed('getPartner');
    assert.ok(getPartner.personalData?.includes('reveal'));
    const found = carriesProtector(getPartner.entry);
    assert.ok(
      found.some((part) => part.includes('functions/adapters/personal-data/')),
      found.join(', '),
    );
    assert.ok(
      found.some((part) => part.includes('client-kms')),
      found.join(', '),
    );
  });
});
