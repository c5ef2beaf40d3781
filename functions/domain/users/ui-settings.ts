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
  // The three feature flags tell the portal which endpoints exist. MOSIP defaults them to "true"; ours are
  // "false" until this service serves the endpoints behind them, so the portal hides what would fail:
  // CA-signed certificate download (GET /partners/{id}/certificate-data), OIDC / OAuth clients, and the
  // root / intermediate trust-store lists (GET /trust-chain-certificates).
  isCaSignedPartnerCertificateAvailable: 'false',
  isOidcClientAvailable: 'false',
  isRootIntermediateCertAvailable: 'false',
  refreshNotificationsTime: '300',
};

/** RoleExtnDto (`GET /roles`). */
export function uiRequiredRoles() {
  return { roles: [...UI_REQUIRED_ROLES] };
}

export function systemConfig(): Record<string, string> {
  return { ...SYSTEM_CONFIG };
}
