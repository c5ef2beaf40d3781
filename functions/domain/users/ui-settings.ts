import type { Role } from '../../auth/roles.js';

/** MOSIP `mosip.pms.ui.required.roles` (mosip-config release-1.3.x): the partner roles the old portal offered. */
const UI_REQUIRED_ROLES: readonly Role[] = [
  'AUTH_PARTNER',
  'DEVICE_PROVIDER',
  'CREDENTIAL_PARTNER',
  'FTM_PROVIDER',
  'MISP_PARTNER',
  'POLICYMANAGER',
  'PARTNER_ADMIN',
];

/**
 * What `GET /system-config` tells the portal: exactly MOSIP's twelve keys, as strings, with mosip-config's
 * release-1.3.x defaults. Nothing else may be added here: every signed-in user reads it.
 */
const SYSTEM_CONFIG: Readonly<Record<string, string>> = {
  grantTypes: 'authorization_code',
  clientAuthMethods: 'private_key_jwt',
  inActivityTimer: '25',
  inActivityPromptTimer: '5',
  axiosTimeout: '3',
  maxAllowedExpiryYear: '10',
  maxAllowedCreatedYear: '10',
  itemsPerPage: '8',
  // The three feature flags tell the portal which endpoints exist (it shows a compatibility message instead of
  // calling a missing one). MOSIP defaults all three to "true"; each here says whether this service serves them:
  // - GET /partners/{partnerId}/certificate-data (the uploaded certificate beside the MOSIP-signed one): served;
  isCaSignedPartnerCertificateAvailable: 'true',
  // - the OIDC / OAuth client endpoints (/oauth/client…): served when eSignet is configured (systemConfig's option);
  isOidcClientAvailable: 'false',
  // - GET /trust-chain-certificates and its certificateFile download (root and intermediate CA lists): served.
  isRootIntermediateCertAvailable: 'true',
  refreshNotificationsTime: '300',
};

/** RoleExtnDto (`GET /roles`). */
export function uiRequiredRoles() {
  return { roles: [...UI_REQUIRED_ROLES] };
}

export function systemConfig(options: { oidcClientAvailable?: boolean } = {}): Record<string, string> {
  return { ...SYSTEM_CONFIG, ...(options.oidcClientAvailable ? { isOidcClientAvailable: 'true' } : {}) };
}
