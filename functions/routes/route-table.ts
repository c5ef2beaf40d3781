import { apiKeyRoutes } from './api-key-routes.js';
import { auditTrailRoutes } from './audit-trail-routes.js';
import { certificateRoutes } from './certificate-routes.js';
import { credentialPartnerRoutes } from './credential-partner-routes.js';
import { deviceRoutes } from './device-routes.js';
import { deviceTypeRoutes } from './device-type-routes.js';
import { ftmChipRoutes } from './ftm-chip-routes.js';
import { legacyDeviceRoutes } from './legacy-device-routes.js';
import { loginRoutes } from './login-routes.js';
import { mispLicenseRoutes } from './misp-license-routes.js';
import { notificationRoutes } from './notification-routes.js';
import { oidcClientRoutes } from './oidc-client-routes.js';
import { partnerAdminRoutes } from './partner-admin-routes.js';
import { partnerRoutes } from './partner-routes.js';
import { platformRoutes } from './platform-routes.js';
import { policyGroupRoutes } from './policy-group-routes.js';
import { policyRequestRoutes } from './policy-request-routes.js';
import { policyRoutes } from './policy-routes.js';
import type { Route } from './route.js';
import { userRoutes } from './user-routes.js';
import { verificationRoutes } from './verification-routes.js';

/**
 * The route table: every operation of the API, once. CDK makes one Lambda and one API route per row; the local
 * server, the OpenAPI documents and the authorization-matrix tests are generated from the same rows.
 */
export const ROUTES: readonly Route[] = [
  platformRoutes,
  policyGroupRoutes,
  policyRoutes,
  partnerRoutes,
  policyRequestRoutes,
  partnerAdminRoutes,
  userRoutes,
  credentialPartnerRoutes,
  apiKeyRoutes,
  mispLicenseRoutes,
  verificationRoutes,
  certificateRoutes,
  auditTrailRoutes,
  notificationRoutes,
  loginRoutes,
  deviceRoutes,
  deviceTypeRoutes,
  legacyDeviceRoutes,
  ftmChipRoutes,
  oidcClientRoutes,
].flatMap((group) => Object.values(group) as Route[]);
