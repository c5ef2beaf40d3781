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

/**
 * Cognito machine clients (client-credentials, e.g. IDA) carry no groups: their roles come as scopes
 * `<server>/<ROLE>` of this resource server.
 */
export const MACHINE_SCOPE_SERVER = 'pms';

/**
 * The roles a machine client may hold through a scope. A scope is granted to an app client by whoever configures
 * the user pool, outside PMS's user administration, so it can never confer a person's role (PARTNER_ADMIN, …).
 */
export const MACHINE_ROLES: readonly Role[] = ['ID_AUTHENTICATION'];

export function rolesFromScopes(scope: unknown): Role[] {
  if (typeof scope !== 'string') return [];
  const prefix = `${MACHINE_SCOPE_SERVER}/`;
  return scope
    .split(' ')
    .filter((s) => s.startsWith(prefix))
    .map((s) => s.slice(prefix.length))
    .filter((name): name is Role => isRole(name) && MACHINE_ROLES.includes(name));
}
