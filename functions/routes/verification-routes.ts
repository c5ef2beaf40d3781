import { verifyResponse } from '../openapi/response-schemas.js';
import { verifyRequest } from '../schemas/verification.js';
import { defineRoute } from './route.js';

/**
 * IDA's synchronous key check (PartnerServiceManager#validatePartnerMappingDetails): the shape of MOSIP 1.1.5's removed
 * `GET /partners/{partnerId}/apikey/{apikey}/misp/{misplicensekey}/validate`, as a POST so that the keys are in
 * the body and never in a URL. Machine callers only.
 */
export const verificationRoutes = {
  verifyPartnerKeys: defineRoute({
    domain: 'partner',
    service: 'partnermanager',
    operationId: 'verifyPartnerKeys',
    summary: "Verify a partner's API key and a MISP license key for IDA: the partner's policy, or the first failing check",
    method: 'POST',
    tableAccess: 'read',
    path: '/partners/authenticate/verify',
    access: ['ID_AUTHENTICATION'],
    envelope: 'V1',
    body: verifyRequest,
    example: {
      partnerId: 'bank-1',
      apiKey: 'the-api-key-shown-once-at-generation-0000000',
      mispLicenseKey: 'the-50-character-misp-license-key-000000000000000',
    },
    response: verifyResponse,
    entry: 'functions/handlers/verification/verify-partner-keys.ts',
  }),
};
