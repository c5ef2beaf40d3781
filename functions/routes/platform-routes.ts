import { defineRoute } from './route.js';

const entry = (file: string) => `functions/handlers/platform/${file}.ts`;

/** Health and OpenAPI documents of both services: the only routes open without a token (health may only probe the table). */
export const platformRoutes = {
  partnerManagerHealth: defineRoute({
    operationId: 'partnerManagerHealth',
    summary: 'Health of the partner manager service: UP while its table answers',
    domain: 'platform',
    service: 'partnermanager',
    method: 'GET',
    tableAccess: 'probe',
    path: '/actuator/health',
    access: 'PUBLIC',
    envelope: 'RAW',
    entry: entry('partner-manager-health'),
  }),
  policyManagerHealth: defineRoute({
    operationId: 'policyManagerHealth',
    summary: 'Health of the policy manager service: UP while its table answers',
    domain: 'platform',
    service: 'policymanager',
    method: 'GET',
    tableAccess: 'probe',
    path: '/actuator/health',
    access: 'PUBLIC',
    envelope: 'RAW',
    entry: entry('policy-manager-health'),
  }),
  partnerManagerApiDocs: defineRoute({
    operationId: 'partnerManagerApiDocs',
    summary: 'OpenAPI 3 document of the partner manager service',
    domain: 'platform',
    service: 'partnermanager',
    method: 'GET',
    tableAccess: 'none',
    path: '/v3/api-docs',
    access: 'PUBLIC',
    envelope: 'RAW',
    entry: entry('partner-manager-api-docs'),
  }),
  policyManagerApiDocs: defineRoute({
    operationId: 'policyManagerApiDocs',
    summary: 'OpenAPI 3 document of the policy manager service',
    domain: 'platform',
    service: 'policymanager',
    method: 'GET',
    tableAccess: 'none',
    path: '/v3/api-docs',
    access: 'PUBLIC',
    envelope: 'RAW',
    entry: entry('policy-manager-api-docs'),
  }),
};
