import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Caller } from '../../functions/domain/caller.js';
import type { Partner } from '../../functions/domain/partners/partner.js';
import { partnerFilterValues, searchPartners, searchPartnerTypes } from '../../functions/domain/partners/partner-search.js';
import { PmsError } from '../../functions/errors/pms-error.js';
import type { SearchRequest } from '../../functions/schemas/legacy-search.js';
import { emailLookupOf, sealed, testPersonalData } from '../support/personal-data.js';

function partner(id: string, partnerType: Partner['partnerType'], overrides: Partial<Partner> = {}): Partner {
  return {
    id,
    userId: `${id}-user`,
    partnerType,
    policyGroupId: null,
    organizationName: `${id} Ltd`,
    address: sealed('Nairobi'),
    contactNumber: sealed('+254700000000'),
    emailId: sealed(`${id}@example.org`),
    emailLookup: emailLookupOf(`${id}@example.org`),
    langCode: 'eng',
    logoUrl: null,
    additionalInfo: null,
    approvalStatus: 'approved',
    isActive: true,
    certificateAlias: null,
    crBy: `${id}-user`,
    crDtimes: '2026-01-01T00:00:00.000Z',
    updBy: null,
    updDtimes: null,
    revision: 0,
    ...overrides,
  };
}

const PARTNERS = [
  partner('bank', 'Auth_Partner', { logoUrl: 'https://logo/bank.png' }),
  partner('device', 'Device_Provider'),
  partner('printer', 'Credential_Partner', { additionalInfo: [{ useCase: 'print' }] }),
];
const repository = {
  listPartners: async () => PARTNERS,
  partnersOfUser: async (userId: string) => PARTNERS.filter((p) => p.userId === userId),
};
const admin: Caller = { userId: 'admin', isAdmin: true };
const request = (overrides: Partial<SearchRequest & { partnerType: string }>) => ({
  partnerType: 'all',
  filters: [],
  sort: [{ sortField: 'id', sortType: 'asc' }],
  pagination: { pageStart: 0, pageFetch: 10 },
  ...overrides,
});

async function refusal(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    assert.ok(error instanceof PmsError, `expected a PmsError, got ${String(error)}`);
    return error.code;
  }
  assert.fail('expected a refusal');
}

test('partner search: a partner type other than "all" is an equals filter on partnerTypeCode, ignoring case', async () => {
  const ids = async (partnerType: string) => (await searchPartners(repository, testPersonalData, admin, request({ partnerType }))).data?.map((p) => p.id) ?? [];
  assert.deepEqual(await ids('ALL'), ['bank', 'device', 'printer']);
  assert.deepEqual(await ids('device_provider'), ['device']);
  assert.deepEqual(await ids('Device'), []);
  const page = await searchPartners(repository, testPersonalData, admin, request({ partnerType: 'Auth_Partner' }));
  assert.deepEqual(page.data?.[0], {
    id: 'bank',
    address: 'Nairobi',
    contactNo: '+254700000000',
    crBy: 'bank-user',
    crDtimes: '2026-01-01T00:00:00.000',
    delDtimes: null,
    emailId: 'bank@example.org',
    isActive: true,
    isDeleted: false,
    name: 'bank Ltd',
    policyGroupId: null,
    certificateAlias: null,
    partnerTypeCode: 'Auth_Partner',
    approvalStatus: 'approved',
    updBy: null,
    updDtimes: null,
    userId: 'bank-user',
    langCode: 'eng',
  });
});

test("partner search: the entity's logoUrl and additionalInfo filter, but the answer's re-sort refuses them", async () => {
  const ids = async (filters: SearchRequest['filters']) =>
    (await searchPartners(repository, testPersonalData, admin, request({ filters }))).data?.map((p) => p.id) ?? [];
  assert.deepEqual(await ids([{ columnName: 'logoUrl', type: 'contains', value: 'logo/' }]), ['bank']);
  assert.deepEqual(await ids([{ columnName: 'additionalInfo', type: 'contains', value: 'PRINT' }]), ['printer']);
  assert.equal(
    await refusal(() => searchPartners(repository, testPersonalData, admin, request({ sort: [{ sortField: 'logoUrl', sortType: 'asc' }] }))),
    'PMS-MSD-357',
  );
});

test('partner search and filter values: personal columns are refused in any case, before anything else', async () => {
  for (const columnName of ['emailId', 'CONTACTNO', 'address']) {
    assert.equal(
      await refusal(() =>
        searchPartners(
          repository,
          testPersonalData,
          admin,
          request({ filters: [{ columnName, type: 'contains', value: 'x' }], pagination: { pageStart: -1, pageFetch: 0 } }),
        ),
      ),
      'KER_PRT_391',
    );
    assert.equal(await refusal(() => partnerFilterValues(repository, admin, { filters: [{ columnName, type: 'all', text: '' }] })), 'KER_PRT_391');
  }
  assert.equal(
    await refusal(() => searchPartners(repository, testPersonalData, admin, request({ sort: [{ sortField: 'EmailId', sortType: 'asc' }] }))),
    'KER_PRT_391',
  );
});

test('partner type search: every PartnerType field is a column', () => {
  const codes = (filters: SearchRequest['filters']) =>
    searchPartnerTypes({ filters, sort: [{ sortField: 'code', sortType: 'desc' }], pagination: { pageStart: 0, pageFetch: 20 } }).data?.map((t) => t.code) ??
    [];
  assert.deepEqual(codes([{ columnName: 'code', type: 'contains', value: 'Device_Provider' }]), ['Device_Provider']);
  assert.deepEqual(codes([{ columnName: 'crBy', type: 'equals', value: 'SUPERADMIN' }]).length, codes([]).length);
  assert.deepEqual(codes([{ columnName: 'isDeleted', type: 'equals', value: 'true' }]), []);
});
