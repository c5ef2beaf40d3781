import { defineRoute } from './route.js';
import { registerPartnerRequest, registerPartnerV2Request, updatePartnerRequest, updatePartnerV2Request, verifyEmailRequest } from '../schemas/partners.js';

const entry = (file: string) => `functions/handlers/partners/${file}.ts`;
const partnerService = { domain: 'partner', service: 'partnermanager', envelope: 'V1' } as const;

/** Roles MOSIP lets read and update a partner profile (`getpartnerspartnerid`, `putpartners`). */
const PARTNER_PROFILE_ROLES = [
  'PARTNER',
  'AUTH_PARTNER',
  'CREDENTIAL_PARTNER',
  'PARTNER_ADMIN',
  'ONLINE_VERIFICATION_PARTNER',
  'DEVICE_PROVIDER',
  'FTM_PROVIDER',
  'ABIS_PARTNER',
  'MANUAL_ADJUDICATION',
  'MISP_PARTNER',
] as const;

/** MOSIP PartnerServiceController, self-service rows (reference §2.1 #1, 2, 8, 9, 10, 24, 25). */
export const partnerRoutes = {
  registerPartner: defineRoute({
    ...partnerService,
    operationId: 'registerPartner',
    summary: 'Register the signed-in user as a partner',
    method: 'POST',
    path: '/partners',
    access: 'AUTHENTICATED',
    requestTimeMustBeToday: true,
    echoRequestMeta: true,
    body: registerPartnerRequest,
    example: {
      partnerId: 'bank-of-example',
      partnerType: 'Auth_Partner',
      policyGroup: 'Banks',
      organizationName: 'Bank of Example',
      address: '12 Kenyatta Avenue, Nairobi',
      contactNumber: '+254700000000',
      emailId: 'pms@bank.example',
      langCode: 'eng',
    },
    entry: entry('register-partner'),
  }),
  registerPartnerV2: defineRoute({
    ...partnerService,
    operationId: 'registerPartnerV2',
    summary: 'Register the signed-in user as a partner, with logo and additional information',
    method: 'POST',
    path: '/partners/v2',
    access: 'AUTHENTICATED',
    echoRequestMeta: true,
    body: registerPartnerV2Request,
    entry: entry('register-partner-v2'),
  }),
  getPartner: defineRoute({
    ...partnerService,
    operationId: 'getPartner',
    summary: "A partner's profile (the caller's own, or any for a partner admin)",
    method: 'GET',
    path: '/partners/{partnerId}',
    access: PARTNER_PROFILE_ROLES,
    responseMeta: { id: 'mosip.partnermanagement.partners.retrieve', version: '1.0' },
    entry: entry('get-partner'),
  }),
  updatePartner: defineRoute({
    ...partnerService,
    operationId: 'updatePartner',
    summary: "Update a partner's address and contact number",
    method: 'PUT',
    path: '/partners/{partnerId}',
    access: PARTNER_PROFILE_ROLES,
    echoRequestMeta: true,
    body: updatePartnerRequest,
    example: { address: '12 Kenyatta Avenue, Nairobi', contactNumber: '+254700000000' },
    entry: entry('update-partner'),
  }),
  updatePartnerV2: defineRoute({
    ...partnerService,
    operationId: 'updatePartnerV2',
    summary: "Update a partner's address, contact number, logo and additional information",
    method: 'PUT',
    path: '/partners/v2/{partnerId}',
    access: PARTNER_PROFILE_ROLES,
    echoRequestMeta: true,
    body: updatePartnerV2Request,
    example: { address: '12 Kenyatta Avenue, Nairobi', contactNumber: '+254700000000', logoUrl: 'https://example.org/logo.png' },
    entry: entry('update-partner-v2'),
  }),
  verifyPartnerEmail: defineRoute({
    ...partnerService,
    operationId: 'verifyPartnerEmail',
    summary: 'Whether an e-mail is already registered, and which partner types need a policy group',
    method: 'PUT',
    path: '/partners/email/verify',
    access: 'AUTHENTICATED',
    body: verifyEmailRequest,
    entry: entry('verify-partner-email'),
  }),
  mapPartnerPolicyGroup: defineRoute({
    ...partnerService,
    operationId: 'mapPartnerPolicyGroup',
    summary: 'Set or change the policy group of a partner that is not yet active',
    method: 'PUT',
    path: '/partners/{partnerId}/policygroup/{policygroupName}',
    access: ['PARTNER', 'AUTH_PARTNER', 'CREDENTIAL_PARTNER', 'PARTNER_ADMIN', 'ONLINE_VERIFICATION_PARTNER'],
    entry: entry('map-partner-policy-group'),
  }),
};
