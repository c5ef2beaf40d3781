import type { ApiKey } from '../../functions/domain/api-keys/api-key.js';
import type { Partner } from '../../functions/domain/partners/partner.js';
import type { Policy } from '../../functions/domain/policies/policy.js';
import { emailLookupOf, sealed } from './personal-data.js';

/** Domain objects as stored, for unit tests over in-memory ports: a sensible whole, changed by `overrides`. */

export function partnerFixture(overrides: Partial<Partner> = {}): Partner {
  return {
    id: 'printer-1',
    userId: 'printer-1',
    partnerType: 'Credential_Partner',
    policyGroupId: 'group-1',
    organizationName: 'Printer One',
    address: sealed('1 Main Street'),
    contactNumber: sealed('+254700000000'),
    emailId: sealed('printer-1@example.org'),
    emailLookup: emailLookupOf('printer-1@example.org'),
    langCode: 'eng',
    logoUrl: null,
    additionalInfo: null,
    approvalStatus: 'approved',
    isActive: true,
    certificateAlias: 'alias',
    crBy: 'printer-1',
    crDtimes: '2026-01-01T00:00:00.000Z',
    updBy: null,
    updDtimes: null,
    revision: 1,
    ...overrides,
  };
}

export function policyFixture(overrides: Partial<Policy> = {}): Policy {
  return {
    id: 'policy-1',
    policyGroupId: 'group-1',
    name: 'Card print',
    desc: 'Cards for printing',
    policyType: 'DataShare',
    version: '1.0',
    policies: { shareableAttributes: [] },
    schema: 'https://schemas.mosip.io/v1/data-share-policy',
    status: 'activated',
    validFromDate: '2026-01-02T00:00:00.000Z',
    validToDate: '2226-01-02T00:00:00.000Z',
    publishDate: '2026-01-02T00:00:00.000Z',
    crBy: 'manager',
    crDtimes: '2026-01-02T00:00:00.000Z',
    updBy: null,
    updDtimes: null,
    pendingRequestCount: 0,
    approvedRequestCount: 0,
    revision: 1,
    ...overrides,
  };
}

/** An API key of `partner` on `policy`, stored as hash and hint, active unless `overrides` says otherwise. */
export function apiKeyFixture(partner: Pick<Partner, 'id' | 'userId'>, policy: Pick<Policy, 'id' | 'name' | 'desc'>, overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: '7d9c1b0e-0000-4000-8000-000000000001',
    keyHash: 'hash-1',
    hint: 'wxyz',
    partnerId: partner.id,
    policyId: policy.id,
    label: 'Branch App',
    isActive: true,
    validFromDatetime: '2027-01-01T00:00:00.000Z',
    validToDatetime: '2030-01-01T00:00:00.000Z',
    policy: { id: policy.id, name: policy.name, desc: policy.desc, policies: {}, status: 'activated', validFromDate: '', validToDate: '' },
    crBy: partner.userId,
    crDtimes: '2027-01-01T00:00:00.000Z',
    updBy: null,
    updDtimes: null,
    revision: 0,
    ...overrides,
  };
}
