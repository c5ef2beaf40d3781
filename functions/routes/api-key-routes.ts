import { API_KEY_ERRORS } from '../errors/api-key-errors.js';
import { apiKeyGenerateResponse } from '../openapi/response-schemas.js';
import { apiKeyGenerateRequest, apiKeyPolicyChangeRequest, apiKeyStatusRequest, apiKeysQuery } from '../schemas/api-keys.js';
import { searchRequest } from '../schemas/legacy-search.js';
import { defineRoute } from './route.js';

const entry = (file: string) => `functions/handlers/api-keys/${file}.ts`;
const partnerService = { domain: 'partner', service: 'partnermanager' } as const;

/**
 * API keys of approved partner–policy links (MOSIP PartnerServiceController and PartnerManagementController).
 * MOSIP also admits PARTNERMANAGER, PMS_USER and CREDENTIAL_ISSUANCE on some of these; we have none of those roles.
 * The legacy policy-request search and filter values are in policy-request-routes.ts.
 */
export const apiKeyRoutes = {
  generateApiKey: defineRoute({
    ...partnerService,
    operationId: 'generateApiKey',
    summary: 'Generate an API key for an approved policy; the key is shown in this answer only',
    method: 'PATCH',
    tableAccess: 'read-write',
    path: '/partners/{partnerId}/generate/apikey',
    access: ['AUTH_PARTNER', 'ABIS_PARTNER', 'CREDENTIAL_PARTNER', 'ONLINE_VERIFICATION_PARTNER'],
    envelope: 'V1',
    echoRequestMeta: true,
    requestTimeMustBeToday: true,
    body: apiKeyGenerateRequest,
    example: { policyName: 'KYC for banks', label: 'branch-app' },
    response: apiKeyGenerateResponse,
    entry: entry('generate-api-key'),
  }),
  changeApiKeyStatus: defineRoute({
    ...partnerService,
    operationId: 'changeApiKeyStatus',
    summary: 'Activate or deactivate an API key, named by partner, policy and label',
    method: 'PATCH',
    tableAccess: 'read-write',
    path: '/partners/{partnerId}/policy/{policyId}/apiKey/status',
    access: ['PARTNER_ADMIN', 'AUTH_PARTNER', 'CREDENTIAL_PARTNER', 'ONLINE_VERIFICATION_PARTNER'],
    envelope: 'V1',
    echoRequestMeta: true,
    body: apiKeyStatusRequest,
    example: { label: 'branch-app', status: 'De-Active' },
    entry: entry('change-api-key-status'),
  }),
  repointApiKey: defineRoute({
    ...partnerService,
    operationId: 'repointApiKey',
    summary: "Bind an active API key (named by its id; MOSIP clients send the key) to another policy of the partner's group",
    method: 'PUT',
    tableAccess: 'read-write',
    path: '/partners/{partnerId}/apikey/{apikey}/policies',
    access: ['PARTNER_ADMIN'],
    envelope: 'V1',
    echoRequestMeta: true,
    body: apiKeyPolicyChangeRequest,
    example: { oldPolicyID: 'old-policy-id', newPolicyID: 'new-policy-id' },
    entry: entry('repoint-api-key'),
  }),
  /** MOSIP also admits PARTNERMANAGER. The key is named as on the re-point route. */
  getApiKeyPolicy: defineRoute({
    ...partnerService,
    operationId: 'getApiKeyPolicy',
    summary: "The policy a partner's API key (named by its id; MOSIP clients send the key) is bound to",
    method: 'GET',
    tableAccess: 'read',
    path: '/partners/{partnerId}/apikey/{apikey}',
    access: ['PARTNER_ADMIN'],
    envelope: 'V1',
    responseMeta: { id: 'mosip.partnermanagement.partners.retrieve', version: '1.0' },
    entry: entry('get-api-key-policy'),
  }),
  listApiKeys: defineRoute({
    ...partnerService,
    operationId: 'listApiKeys',
    summary: "Paged, filtered and sorted list of auth partners' API keys (never the keys themselves)",
    method: 'GET',
    tableAccess: 'read',
    path: '/partner-api-keys',
    access: ['PARTNER_ADMIN', 'AUTH_PARTNER'],
    envelope: 'V2',
    apiId: 'mosip.pms.all.api.key.requests.get',
    query: apiKeysQuery,
    fallbackError: API_KEY_ERRORS.FETCH_ALL_API_KEYS_ERROR,
    entry: entry('list-api-keys'),
  }),
  searchApiKeys: defineRoute({
    ...partnerService,
    operationId: 'searchApiKeys',
    summary: "Legacy API key search (admins: every partner's keys; others: their own), the key's id and hint instead of the key",
    method: 'POST',
    tableAccess: 'read',
    path: '/partners/apikey/search',
    access: ['PARTNER', 'AUTH_PARTNER', 'ABIS_PARTNER', 'CREDENTIAL_PARTNER', 'PARTNER_ADMIN', 'ONLINE_VERIFICATION_PARTNER'],
    envelope: 'V1',
    body: searchRequest,
    example: {
      filters: [{ columnName: 'isActive', type: 'equals', value: 'true' }],
      sort: [{ sortField: 'crDtimes', sortType: 'desc' }],
      pagination: { pageStart: 0, pageFetch: 10 },
    },
    entry: entry('search-api-keys'),
  }),
};
