import { defineRoute } from './route.js';
import { policyDecisionRequest, policyMapRequest } from '../schemas/policy-requests.js';

const entry = (file: string) => `functions/handlers/policy-requests/${file}.ts`;
const partnerService = { domain: 'partner', service: 'partnermanager', envelope: 'V1' } as const;

/** Partner–policy linking (reference §2.1 #26, §2.2 #8, §4.4). */
export const policyRequestRoutes = {
  requestPolicy: defineRoute({
    ...partnerService,
    operationId: 'requestPolicy',
    summary: "Ask to use a published policy of the partner's own policy group",
    method: 'POST',
    path: '/partners/{partnerId}/policy/map',
    access: ['AUTH_PARTNER', 'ABIS_PARTNER', 'CREDENTIAL_PARTNER', 'ONLINE_VERIFICATION_PARTNER', 'PARTNER_ADMIN'],
    echoRequestMeta: true,
    body: policyMapRequest,
    example: { policyName: 'KYC for banks', useCaseDescription: 'eKYC when opening an account' },
    entry: entry('request-policy'),
  }),
  decidePolicyRequest: defineRoute({
    ...partnerService,
    operationId: 'decidePolicyRequest',
    summary: 'Approve or reject a pending partner–policy request',
    method: 'PUT',
    path: '/partners/policy/{mappingkey}',
    access: ['PARTNER_ADMIN'],
    requestTimeMustBeToday: true,
    echoRequestMeta: true,
    body: policyDecisionRequest,
    example: { status: 'approved' },
    entry: entry('decide-policy-request'),
  }),
};
