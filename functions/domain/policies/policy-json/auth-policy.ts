import type { JsonSchema } from './json-schema.js';

/**
 * mosip-config `auth-policy-schema.json` (master = release-1.3.x = develop). No minItems: empty lists pass. The
 * `additionalItems: false` next to the object-valued `items` has no effect in draft-04 and is left out.
 */
export const AUTH_POLICY_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    allowedKycAttributes: {
      type: 'array',
      items: {
        type: 'object',
        properties: { attributeName: { type: 'string' } },
        required: ['attributeName'],
        additionalProperties: false,
      },
    },
    allowedAuthTypes: {
      type: 'array',
      items: {
        type: 'object',
        properties: { authType: { type: 'string' }, authSubType: { type: 'string' }, mandatory: { type: 'boolean' } },
        required: ['authType', 'mandatory'],
        additionalProperties: false,
      },
    },
    authTokenType: { type: 'string', enum: ['random', 'partner', 'policy'] },
    kycLanguages: { type: 'array', items: { type: 'string' } },
  },
  required: ['authTokenType', 'allowedAuthTypes', 'allowedKycAttributes'],
  additionalProperties: false,
};
