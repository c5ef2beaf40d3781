import { extractorsRequest } from '../schemas/credential-partners.js';
import { defineRoute } from './route.js';

const entry = (file: string) => `functions/handlers/credential-partners/${file}.ts`;
const partnerService = { domain: 'partner', service: 'partnermanager', envelope: 'V1' } as const;

/**
 * MOSIP `mosip.role.pms.{post,get}partners{bioextractors,credentialtypepolicies}`, limited to the roles this
 * service has. MOSIP also lists CREDENTIAL_ISSUANCE and CREATE_SHARE: registration processor and the credential
 * service read these settings with their service tokens. Those machine roles can be added to the role list (and
 * to these rows, with access to every partner like an admin's) when those clients are connected.
 */
const CREDENTIAL_PARTNER_ROLES = ['PARTNER', 'CREDENTIAL_PARTNER', 'PARTNER_ADMIN', 'ONLINE_VERIFICATION_PARTNER'] as const;

/** MOSIP PartnerServiceController, its credential-partner endpoints. */
export const credentialPartnerRoutes = {
  addBiometricExtractors: defineRoute({
    ...partnerService,
    operationId: 'addBiometricExtractors',
    summary: "Set the biometric extractors of a partner's attributes under a requested policy",
    method: 'POST',
    tableAccess: 'read-write',
    path: '/partners/{partnerId}/bioextractors/{policyId}',
    access: CREDENTIAL_PARTNER_ROLES,
    echoRequestMeta: true,
    body: extractorsRequest,
    example: {
      extractors: [
        { attributeName: 'face', biometric: 'Face', extractor: { provider: 'mock', version: '1.1' } },
        { attributeName: 'iris', biometric: 'Iris[Left,Right]', extractor: { provider: 'mock', version: '1.1' } },
      ],
    },
    entry: entry('add-biometric-extractors'),
  }),
  getBiometricExtractors: defineRoute({
    ...partnerService,
    operationId: 'getBiometricExtractors',
    summary: "A partner's biometric extractors under a policy",
    method: 'GET',
    tableAccess: 'read',
    path: '/partners/{partnerId}/bioextractors/{policyId}',
    access: CREDENTIAL_PARTNER_ROLES,
    entry: entry('get-biometric-extractors'),
  }),
  mapCredentialTypePolicy: defineRoute({
    ...partnerService,
    operationId: 'mapCredentialTypePolicy',
    summary: "Name the policy of the partner's group that the partner uses for a credential type",
    method: 'POST',
    tableAccess: 'read-write',
    path: '/partners/{partnerId}/credentialtype/{credentialType}/policies/{policyName}',
    access: CREDENTIAL_PARTNER_ROLES,
    entry: entry('map-credential-type-policy'),
  }),
  getCredentialTypePolicy: defineRoute({
    ...partnerService,
    operationId: 'getCredentialTypePolicy',
    summary: 'The policy a partner uses for a credential type',
    method: 'GET',
    tableAccess: 'read',
    path: '/partners/{partnerId}/credentialtype/{credentialType}/policies',
    access: CREDENTIAL_PARTNER_ROLES,
    entry: entry('get-credential-type-policy'),
  }),
};
