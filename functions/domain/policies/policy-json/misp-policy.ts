import type { JsonSchema } from './json-schema.js';

/** mosip-config `misp-policy-schema.json` (since MOSIP-29942, 2023: key binding required, VCI optional). */
export const MISP_POLICY_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    allowAuthRequestDelegation: { type: 'boolean' },
    allowKycRequestDelegation: { type: 'boolean' },
    trustBindedAuthVerificationToken: { type: 'boolean' },
    allowKeyBindingDelegation: { type: 'boolean' },
    allowVciRequestDelegation: { type: 'boolean' },
  },
  required: ['allowAuthRequestDelegation', 'allowKycRequestDelegation', 'allowKeyBindingDelegation'],
  additionalProperties: false,
};
