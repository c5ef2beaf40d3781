import { OIDC_CLIENT_ERRORS } from '../errors/oidc-client-errors.js';
import {
  oauthClientCreateRequest,
  oauthClientUpdateRequest,
  oidcClientCreateRequest,
  oidcClientListQuery,
  oidcClientUpdateRequest,
} from '../schemas/oidc-clients.js';
import { defineRoute } from './route.js';

const entry = (file: string) => `functions/handlers/oidc-clients/${file}.ts`;
const partnerService = { domain: 'partner', service: 'partnermanager' } as const;
/**
 * MOSIP puts no role on the create, update and read (any signed-in user, its service then checks the partner);
 * ours are for partner admins and authentication partners, the only ones that can have a client.
 */
const ADMINS_AND_AUTH_PARTNERS = ['PARTNER_ADMIN', 'AUTH_PARTNER'] as const;

const JWK_EXAMPLE = {
  kty: 'RSA',
  e: 'AQAB',
  use: 'sig',
  kid: 'relying-party-key-1',
  alg: 'RS256',
  n: 'sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1Wl',
};
const CREATE_EXAMPLE = {
  name: 'Health portal',
  policyId: 'auth-policy-id',
  publicKey: JWK_EXAMPLE,
  authPartnerId: 'auth-partner-id',
  logoUri: 'https://health.example.org/logo.png',
  redirectUris: ['https://health.example.org/callback'],
  grantTypes: ['authorization_code'],
  clientAuthMethods: ['private_key_jwt'],
};
const UPDATE_EXAMPLE = {
  logoUri: 'https://health.example.org/logo.png',
  redirectUris: ['https://health.example.org/callback', 'https://health.example.org/v2/callback'],
  status: 'ACTIVE',
  grantTypes: ['authorization_code'],
  clientName: 'Health portal',
  clientAuthMethods: ['private_key_jwt'],
};

/**
 * OIDC clients of authentication partners, registered in eSignet (MOSIP ClientManagementController): the OAuth
 * endpoints and their deprecated `/oidc/client` forms.
 */
export const oidcClientRoutes = {
  createOauthClient: defineRoute({
    ...partnerService,
    operationId: 'createOauthClient',
    summary: "Create an OIDC client for one of the caller's authentication partners under an approved auth policy, registered in eSignet",
    method: 'POST',
    tableAccess: 'read-write',
    path: '/oauth/client',
    access: ADMINS_AND_AUTH_PARTNERS,
    envelope: 'V1',
    body: oauthClientCreateRequest,
    example: { ...CREATE_EXAMPLE, clientNameLangMap: { eng: 'Health portal', fra: 'Portail santé' } },
    esignet: 'registers',
    entry: entry('create-oauth-client'),
  }),
  updateOauthClient: defineRoute({
    ...partnerService,
    operationId: 'updateOauthClient',
    summary: "Change an OIDC client's name, logo, redirect URIs, grant types and auth methods, or deactivate it (INACTIVE is final)",
    method: 'PUT',
    tableAccess: 'read-write',
    path: '/oauth/client/{clientId}',
    access: ADMINS_AND_AUTH_PARTNERS,
    envelope: 'V1',
    requestTimeMustBeToday: true,
    blankPathParameters: ['clientId'],
    body: oauthClientUpdateRequest,
    example: { ...UPDATE_EXAMPLE, clientNameLangMap: { eng: 'Health portal' } },
    esignet: 'registers',
    entry: entry('update-oauth-client'),
  }),
  getOauthClient: defineRoute({
    ...partnerService,
    operationId: 'getOauthClient',
    summary: "One OIDC client of the caller's partners (partner admins: any), with its claims and ACR values",
    method: 'GET',
    tableAccess: 'read',
    path: '/oauth/client/{clientId}',
    access: ADMINS_AND_AUTH_PARTNERS,
    envelope: 'V1',
    blankPathParameters: ['clientId'],
    esignet: 'setting',
    entry: entry('get-oauth-client'),
  }),
  listOauthClients: defineRoute({
    ...partnerService,
    operationId: 'listOauthClients',
    summary: 'Paged, filtered and sorted list of OIDC clients (partner admins: all; partners: their own), with policy and group names',
    method: 'GET',
    tableAccess: 'read',
    path: '/oauth/client',
    access: ADMINS_AND_AUTH_PARTNERS,
    envelope: 'V2',
    apiId: 'mosip.pms.oauth.partners.clients.get',
    query: oidcClientListQuery,
    fallbackError: OIDC_CLIENT_ERRORS.OIDC_CLIENTS_FETCH_ERROR,
    esignet: 'setting',
    entry: entry('list-oauth-clients'),
  }),
  createOidcClient: defineRoute({
    ...partnerService,
    operationId: 'createOidcClient',
    summary: 'Deprecated form of POST /oauth/client, without the name per language',
    method: 'POST',
    tableAccess: 'read-write',
    path: '/oidc/client',
    access: ADMINS_AND_AUTH_PARTNERS,
    envelope: 'V1',
    body: oidcClientCreateRequest,
    example: CREATE_EXAMPLE,
    esignet: 'registers',
    entry: entry('create-oidc-client'),
  }),
  updateOidcClient: defineRoute({
    ...partnerService,
    operationId: 'updateOidcClient',
    summary: 'Deprecated form of PUT /oauth/client/{clientId}, without the name per language',
    method: 'PUT',
    tableAccess: 'read-write',
    path: '/oidc/client/{clientId}',
    access: ADMINS_AND_AUTH_PARTNERS,
    envelope: 'V1',
    blankPathParameters: ['clientId'],
    body: oidcClientUpdateRequest,
    example: UPDATE_EXAMPLE,
    esignet: 'registers',
    entry: entry('update-oidc-client'),
  }),
  getOidcClient: defineRoute({
    ...partnerService,
    operationId: 'getOidcClient',
    summary: 'Deprecated form of GET /oauth/client/{clientId}',
    method: 'GET',
    tableAccess: 'read',
    path: '/oidc/client/{clientId}',
    access: ADMINS_AND_AUTH_PARTNERS,
    envelope: 'V1',
    blankPathParameters: ['clientId'],
    esignet: 'setting',
    entry: entry('get-oidc-client'),
  }),
};
