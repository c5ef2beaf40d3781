import { POLICY_LINK_ERRORS } from '../errors/policy-link-errors.js';
import { POLICY_REQUEST_LIST_ERRORS } from '../errors/policy-request-list-errors.js';
import { policyDecisionResponse, policyRequestResponse } from '../openapi/response-schemas.js';
import { filterValueRequest, searchRequest } from '../schemas/legacy-search.js';
import { policyRequestListQuery } from '../schemas/policy-request-list.js';
import { partnersV3Query, policyDecisionRequest, policyMapRequest } from '../schemas/policy-requests.js';
import { defineRoute } from './route.js';

const entry = (file: string) => `functions/handlers/policy-requests/${file}.ts`;
const partnerService = { domain: 'partner', service: 'partnermanager', envelope: 'V1' } as const;

/**
 * Partner–policy linking (MOSIP PartnerServiceController and PartnerManagementController). MOSIP also admits
 * PMS_USER on the legacy search; we have no such role.
 */
export const policyRequestRoutes = {
  requestPolicy: defineRoute({
    ...partnerService,
    operationId: 'requestPolicy',
    summary: "Ask to use a published policy of the partner's own policy group",
    method: 'POST',
    tableAccess: 'read-write',
    path: '/partners/{partnerId}/policy/map',
    access: ['AUTH_PARTNER', 'ABIS_PARTNER', 'CREDENTIAL_PARTNER', 'ONLINE_VERIFICATION_PARTNER', 'PARTNER_ADMIN'],
    echoRequestMeta: true,
    body: policyMapRequest,
    example: { policyName: 'KYC for banks', useCaseDescription: 'eKYC when opening an account' },
    response: policyRequestResponse,
    entry: entry('request-policy'),
  }),
  decidePolicyRequest: defineRoute({
    ...partnerService,
    operationId: 'decidePolicyRequest',
    summary: 'Approve or reject a pending partner–policy request',
    method: 'PUT',
    tableAccess: 'read-write',
    path: '/partners/policy/{mappingkey}',
    access: ['PARTNER_ADMIN'],
    requestTimeMustBeToday: true,
    echoRequestMeta: true,
    blankPathParameters: ['mappingkey'],
    body: policyDecisionRequest,
    example: { status: 'approved' },
    response: policyDecisionResponse,
    entry: entry('decide-policy-request'),
  }),
  /** MOSIP checks no owner; a partner that is not the caller's has no requests (PMS_PRT_006). */
  listPartnerApiKeyRequests: defineRoute({
    ...partnerService,
    operationId: 'listPartnerApiKeyRequests',
    summary: "A partner's policy requests, with its policy's newest API key masked and whether it is usable",
    method: 'GET',
    tableAccess: 'read',
    path: '/partners/{partnerId}/apikey/request',
    access: ['PARTNER', 'AUTH_PARTNER', 'ABIS_PARTNER', 'CREDENTIAL_PARTNER', 'PARTNER_ADMIN', 'ONLINE_VERIFICATION_PARTNER'],
    responseMeta: { id: 'mosip.partnermanagement.partners.retrieve', version: '1.0' },
    entry: entry('list-partner-api-key-requests'),
  }),
  /** Deprecated in MOSIP for `GET /partner-policy-requests`. MOSIP also admits PARTNERMANAGER. */
  listAllApiKeyRequests: defineRoute({
    ...partnerService,
    operationId: 'listAllApiKeyRequests',
    summary: "Every partner's policy requests (legacy, unpaged)",
    method: 'GET',
    tableAccess: 'read',
    path: '/partners/apikey',
    access: ['PARTNER_ADMIN'],
    responseMeta: { id: 'mosip.partnermanagement.partners.retrieve', version: '1.0' },
    entry: entry('list-all-api-key-requests'),
  }),
  /**
   * The caller's own partners, to pick one for a policy request (and for an SBI or FTM chip).
   * MOSIP also admits SDK_PARTNER, a role this service does not have.
   */
  partnersV3: defineRoute({
    ...partnerService,
    operationId: 'partnersV3',
    summary: "The caller's own partners in an approval status, optionally of one type and with or without a policy group",
    method: 'GET',
    tableAccess: 'read',
    path: '/partners/v3',
    access: ['DEVICE_PROVIDER', 'FTM_PROVIDER', 'PARTNER_ADMIN', 'AUTH_PARTNER', 'ABIS_PARTNER', 'CREDENTIAL_PARTNER', 'ONLINE_VERIFICATION_PARTNER'],
    envelope: 'V2',
    apiId: 'mosip.pms.partners.v3.get',
    query: partnersV3Query,
    fallbackError: POLICY_LINK_ERRORS.PARTNERS_FETCH_ERROR,
    entry: entry('partners-v3'),
  }),
  /**
   * MOSIP's role list also names SDK_PARTNER, a role this service does not have. Admins see
   * every request, others their own partners' requests; unpaged answers hold at most 100 rows (request-list.ts).
   */
  listPolicyRequests: defineRoute({
    ...partnerService,
    operationId: 'listPolicyRequests',
    summary: "Partner–policy requests: every partner's for partner admins, the caller's own partners' otherwise; filtered, sorted and paged",
    method: 'GET',
    tableAccess: 'read',
    path: '/partner-policy-requests',
    access: ['PARTNER_ADMIN', 'AUTH_PARTNER', 'ABIS_PARTNER', 'CREDENTIAL_PARTNER', 'ONLINE_VERIFICATION_PARTNER'],
    envelope: 'V2',
    apiId: 'mosip.pms.all.partner.policy.mapping.requests.get',
    query: policyRequestListQuery,
    fallbackError: POLICY_REQUEST_LIST_ERRORS.FETCH_ALL_PARTNER_POLICY_MAPPING_REQUEST_ERROR,
    entry: entry('list-policy-requests'),
  }),
  searchPolicyRequests: defineRoute({
    ...partnerService,
    operationId: 'searchPolicyRequests',
    summary: "Legacy partner–policy request search (admins: every partner's requests; others: their own)",
    method: 'POST',
    tableAccess: 'read',
    path: '/partners/apikey/request/search',
    access: ['PARTNER', 'AUTH_PARTNER', 'ABIS_PARTNER', 'CREDENTIAL_PARTNER', 'PARTNER_ADMIN', 'ONLINE_VERIFICATION_PARTNER'],
    body: searchRequest,
    example: {
      filters: [{ columnName: 'statusCode', type: 'equals', value: 'InProgress' }],
      sort: [{ sortField: 'crDtimes', sortType: 'desc' }],
      pagination: { pageStart: 0, pageFetch: 10 },
    },
    entry: entry('search-policy-requests'),
  }),
  policyRequestFilterValues: defineRoute({
    ...partnerService,
    operationId: 'policyRequestFilterValues',
    summary: "Distinct values of a partner–policy request column (admins: every partner's requests; others: their own)",
    method: 'POST',
    tableAccess: 'read',
    path: '/partners/apikey/request/filtervalues',
    access: ['PARTNER', 'AUTH_PARTNER', 'ABIS_PARTNER', 'CREDENTIAL_PARTNER', 'PARTNER_ADMIN', 'ONLINE_VERIFICATION_PARTNER'],
    body: filterValueRequest,
    example: { filters: [{ columnName: 'statusCode', type: 'unique', text: '' }], optionalFilters: [] },
    entry: entry('policy-request-filter-values'),
  }),
};
