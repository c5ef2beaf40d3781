import { SWAGGER_UI_MEDIA_TYPES } from '../openapi/swagger-ui-files.js';
import { defineRoute } from './route.js';

const entry = (file: string) => `functions/handlers/platform/${file}.ts`;

/**
 * Health, OpenAPI documents and Swagger UI of both services: the only routes open without a token besides the login's
 * (health may only probe the table).
 */
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
  partnerManagerSwaggerUi: defineRoute({
    operationId: 'partnerManagerSwaggerUi',
    summary: 'Swagger UI of the partner manager service (index.html and its files), opening its OpenAPI document',
    domain: 'platform',
    service: 'partnermanager',
    method: 'GET',
    tableAccess: 'none',
    path: '/swagger-ui/{file+}',
    access: 'PUBLIC',
    envelope: 'RAW',
    servesFiles: SWAGGER_UI_MEDIA_TYPES,
    entry: entry('swagger-ui-partner-manager'),
  }),
  policyManagerSwaggerUi: defineRoute({
    operationId: 'policyManagerSwaggerUi',
    summary: 'Swagger UI of the policy manager service (index.html and its files), opening its OpenAPI document',
    domain: 'platform',
    service: 'policymanager',
    method: 'GET',
    tableAccess: 'none',
    path: '/swagger-ui/{file+}',
    access: 'PUBLIC',
    envelope: 'RAW',
    servesFiles: SWAGGER_UI_MEDIA_TYPES,
    entry: entry('swagger-ui-policy-manager'),
  }),
};
