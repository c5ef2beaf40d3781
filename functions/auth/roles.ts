/** The PMS roles, as MOSIP names its Keycloak realm roles (and as our Cognito groups are named). */
export const PMS_ROLES = [
  'PARTNER_ADMIN',
  'POLICYMANAGER',
  'AUTH_PARTNER',
  'CREDENTIAL_PARTNER',
  'DEVICE_PROVIDER',
  'FTM_PROVIDER',
  'MISP_PARTNER',
  'ABIS_PARTNER',
  'MANUAL_ADJUDICATION',
  'ONLINE_VERIFICATION_PARTNER',
  'PARTNER',
  // Machine role for MOSIP ID Authentication (IDA) verifying keys.
  'ID_AUTHENTICATION',
] as const;

export type Role = (typeof PMS_ROLES)[number];

export function isRole(value: string): value is Role {
  return (PMS_ROLES as readonly string[]).includes(value);
}
