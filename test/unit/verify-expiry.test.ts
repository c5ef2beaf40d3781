import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiKey } from '../../functions/domain/api-keys/api-key.js';
import { credentialHash } from '../../functions/domain/credentials.js';
import type { MispLicense } from '../../functions/domain/misp-licenses/misp-license.js';
import type { Partner } from '../../functions/domain/partners/partner.js';
import { verifyPartnerKeys } from '../../functions/domain/verification/verify.js';
import { PmsError } from '../../functions/errors/pms-error.js';

const API_KEY = 'k'.repeat(43);
const LICENSE_KEY = 'L'.repeat(50);
const NOW = new Date('2030-01-10T12:00:00.000Z');

const partner = { id: 'bank-1', organizationName: 'Bank One', isActive: true } as Partner;
const policy = {
  id: 'p1',
  name: 'KYC',
  desc: 'KYC',
  policies: {},
  status: 'activated',
  validFromDate: '2020-01-01T00:00:00.000Z',
  validToDate: '2120-01-01T00:00:00.000Z',
} as const;
const baseKey = {
  id: 'key-1',
  keyHash: credentialHash(API_KEY),
  partnerId: 'bank-1',
  isActive: true,
  validFromDatetime: '2029-01-01T00:00:00.000Z',
  validToDatetime: '2031-01-01T00:00:00.000Z',
  policy,
} as ApiKey;
const baseLicense = {
  id: 'lic-1',
  keyHash: credentialHash(LICENSE_KEY),
  mispId: 'misp-1',
  isActive: true,
  validFromDatetime: '2029-01-01T00:00:00.000Z',
  validToDatetime: '2031-01-01T00:00:00.000Z',
} as MispLicense;

async function outcome(key: Partial<ApiKey>, license: Partial<MispLicense>): Promise<string> {
  const deps = {
    reader: { read: async () => ({ key: { ...baseKey, ...key }, partner, license: { ...baseLicense, ...license } }) },
    clock: { now: () => NOW },
  };
  try {
    await verifyPartnerKeys(deps, { partnerId: 'bank-1', apiKey: API_KEY, mispLicenseKey: LICENSE_KEY });
    return 'allowed';
  } catch (error) {
    assert.ok(error instanceof PmsError);
    return `${error.code} ${error.message}`;
  }
}

const LAPSED = '2030-01-10T11:59:59.999Z';

test('a key or license whose validity ended is answered as expired, whether or not the daily job has switched it off yet', async () => {
  assert.equal(await outcome({}, {}), 'allowed');
  assert.equal(await outcome({ validToDatetime: LAPSED }, {}), 'PMS_PMP_018 Partner policy got expired.');
  assert.equal(await outcome({ validToDatetime: LAPSED, isActive: false }, {}), 'PMS_PMP_018 Partner policy got expired.');
  assert.equal(await outcome({}, { validToDatetime: LAPSED }), 'PMS_PMP_021 MISP license key is expired.');
  assert.equal(await outcome({}, { validToDatetime: LAPSED, isActive: false }), 'PMS_PMP_021 MISP license key is expired.');
});

test('a key or license switched off within its validity is answered as not active or blocked; the last instant still counts', async () => {
  assert.equal(await outcome({ isActive: false }, {}), 'PMS_PMP_019 Partner policy is not active.');
  assert.equal(await outcome({}, { isActive: false }), 'PMS_PMP_025 License key of MISP is blocked');
  assert.equal(await outcome({ validToDatetime: NOW.toISOString() }, { validToDatetime: NOW.toISOString() }), 'allowed');
  assert.equal(await outcome({ validToDatetime: NOW.toISOString(), isActive: false }, {}), 'PMS_PMP_019 Partner policy is not active.');
});
