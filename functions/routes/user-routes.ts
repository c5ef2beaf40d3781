import { USER_ERRORS } from '../errors/user-errors.js';
import { defineRoute } from './route.js';

const entry = (file: string) => `functions/handlers/users/${file}.ts`;
const partnerService = { domain: 'partner', service: 'partnermanager' } as const;

/** MOSIP `mosip.role.pms.userconsent`, less SDK_PARTNER, a role this service does not have. */
const CONSENT_ROLES = [
  'AUTH_PARTNER',
  'ABIS_PARTNER',
  'DEVICE_PROVIDER',
  'FTM_PROVIDER',
  'CREDENTIAL_PARTNER',
  'PARTNER_ADMIN',
  'ONLINE_VERIFICATION_PARTNER',
  'POLICYMANAGER',
] as const;

/** MOSIP UserController (consent, portal configuration) and RoleController. */
export const userRoutes = {
  saveUserConsent: defineRoute({
    ...partnerService,
    operationId: 'saveUserConsent',
    summary: "Record the signed-in user's consent to the data the partner portal keeps",
    method: 'POST',
    tableAccess: 'read-write',
    path: '/users/user-consent',
    access: CONSENT_ROLES,
    envelope: 'V2',
    apiId: 'mosip.pms.user.consent.post',
    fallbackError: USER_ERRORS.CONSENT_SAVE_ERROR,
    entry: entry('save-user-consent'),
  }),
  getUserConsent: defineRoute({
    ...partnerService,
    operationId: 'getUserConsent',
    summary: 'Whether the signed-in user has given their consent, and when',
    method: 'GET',
    tableAccess: 'read',
    path: '/users/user-consent',
    access: CONSENT_ROLES,
    envelope: 'V2',
    apiId: 'mosip.pms.user.consent.get',
    fallbackError: USER_ERRORS.CONSENT_FETCH_ERROR,
    entry: entry('get-user-consent'),
  }),
  getUiRoles: defineRoute({
    ...partnerService,
    operationId: 'getUiRoles',
    summary: 'The partner roles the portal offers',
    method: 'GET',
    tableAccess: 'read',
    path: '/roles',
    access: 'AUTHENTICATED',
    envelope: 'V1',
    entry: entry('get-ui-roles'),
  }),
  getSystemConfig: defineRoute({
    ...partnerService,
    operationId: 'getSystemConfig',
    summary: "The partner portal's settings and feature flags",
    method: 'GET',
    tableAccess: 'read',
    path: '/system-config',
    access: 'AUTHENTICATED',
    envelope: 'V2',
    apiId: 'mosip.pms.configs.get',
    esignet: 'setting',
    entry: entry('get-system-config'),
  }),
};
