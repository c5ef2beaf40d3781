import { mispLicenseResponse } from '../openapi/response-schemas.js';
import { filterValueRequest, searchRequest } from '../schemas/legacy-search.js';
import { mispLicenseGenerateRequest, mispLicenseRegenerateQuery, mispLicenseStatusRequest } from '../schemas/misp-licenses.js';
import { defineRoute } from './route.js';

const entry = (file: string) => `functions/handlers/misp-licenses/${file}.ts`;
const partnerService = { domain: 'partner', service: 'partnermanager' } as const;

/**
 * MISP license keys, MOSIP's legacy `/misps` API. MOSIP also admits the MISP and
 * PARTNERMANAGER roles; we have neither. Search and filter values read what `GET /misps` shows the caller.
 */
export const mispLicenseRoutes = {
  generateMispLicense: defineRoute({
    ...partnerService,
    operationId: 'generateMispLicense',
    summary: 'Generate a license key for an active MISP partner with no active license; the key is shown in this answer only',
    method: 'POST',
    tableAccess: 'read-write',
    path: '/misps',
    access: ['MISP_PARTNER', 'PARTNER_ADMIN'],
    envelope: 'V1',
    body: mispLicenseGenerateRequest,
    example: { providerId: 'misp-partner-id' },
    response: mispLicenseResponse,
    entry: entry('generate-misp-license'),
  }),
  changeMispLicenseStatus: defineRoute({
    ...partnerService,
    operationId: 'changeMispLicenseStatus',
    summary: "Activate or deactivate a MISP license named by its key (only the MISP's newest license can be active)",
    method: 'PUT',
    tableAccess: 'read-write',
    path: '/misps',
    access: ['MISP_PARTNER', 'PARTNER_ADMIN'],
    envelope: 'V1',
    body: mispLicenseStatusRequest,
    example: { providerId: 'misp-partner-id', licenseKey: 'the-license-key', licenseKeyStatus: 'De-Active' },
    entry: entry('change-misp-license-status'),
  }),
  listMispLicenses: defineRoute({
    ...partnerService,
    operationId: 'listMispLicenses',
    summary: "The caller's MISP licenses (admins: every MISP's), keys masked",
    method: 'GET',
    tableAccess: 'read',
    path: '/misps',
    access: ['MISP_PARTNER', 'PARTNER_ADMIN'],
    envelope: 'V1',
    entry: entry('list-misp-licenses'),
  }),
  regenerateMispLicense: defineRoute({
    ...partnerService,
    operationId: 'regenerateMispLicense',
    summary:
      "The MISP's active license (key masked: it was shown once), or, when none is active and unexpired, a new license shown once with every older one deactivated; optional query validityDays (ours, 1-999999) sets the new license's validity",
    method: 'GET',
    tableAccess: 'read-write',
    path: '/misps/{mispId}/licenseKey',
    access: ['PARTNER_ADMIN'],
    envelope: 'V1',
    query: mispLicenseRegenerateQuery,
    entry: entry('regenerate-misp-license'),
  }),
  searchMispLicenses: defineRoute({
    ...partnerService,
    operationId: 'searchMispLicenses',
    summary: "Legacy MISP license search over the caller's MISP licenses (admins: every MISP's), keys masked",
    method: 'POST',
    tableAccess: 'read',
    path: '/misps/search',
    access: ['MISP_PARTNER', 'PARTNER_ADMIN'],
    envelope: 'V1',
    body: searchRequest,
    example: {
      filters: [{ columnName: 'isActive', type: 'equals', value: 'true' }],
      sort: [{ sortField: 'createdDateTime', sortType: 'desc' }],
      pagination: { pageStart: 0, pageFetch: 10 },
    },
    entry: entry('search-misp-licenses'),
  }),
  mispLicenseFilterValues: defineRoute({
    ...partnerService,
    operationId: 'mispLicenseFilterValues',
    summary: "Distinct values of a MISP license column over the caller's licenses (admins: every MISP's)",
    method: 'POST',
    tableAccess: 'read',
    path: '/misps/filtervalues',
    access: ['MISP_PARTNER', 'PARTNER_ADMIN'],
    envelope: 'V1',
    body: filterValueRequest,
    example: { filters: [{ columnName: 'mispId', type: 'unique', text: '' }], optionalFilters: [] },
    entry: entry('misp-license-filter-values'),
  }),
};
