import type { JsonSchema } from './json-schema.js';

/**
 * mosip-config `data-share-policy-schema.json`, used for both DataShare and CredentialIssuance policies
 * (`pmp.datashare.policy.schema`, `pmp.credentialissuance.policy.schema`). Note what it does not say:
 * `dataSharePolicies` accepts extra members, the source items and filters accept anything beyond their listed
 * members, and `filter` / `subType` are draft-04 tuples, so only their first three / two items are checked.
 */
export const DATA_SHARE_POLICY_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    dataSharePolicies: {
      type: 'object',
      properties: {
        typeOfShare: { type: 'string', enum: ['Data Share', 'direct'] },
        validForInMinutes: { type: 'string' },
        transactionsAllowed: { type: 'string' },
        encryptionType: { type: 'string', enum: ['Partner Based', 'none'] },
        shareDomain: { type: 'string' },
        source: { type: 'string' },
        protocol: { type: 'string' },
      },
      required: ['typeOfShare', 'validForInMinutes', 'transactionsAllowed', 'encryptionType', 'shareDomain', 'source'],
    },
    shareableAttributes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          attributeName: { type: 'string' },
          group: { type: 'string' },
          source: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                attribute: { type: 'string' },
                filter: {
                  type: 'array',
                  items: [
                    { type: 'object', properties: { type: { type: 'string' } } },
                    {
                      type: 'object',
                      properties: { type: { type: 'string' }, subType: { type: 'array', items: [{ type: 'string' }, { type: 'string' }] } },
                    },
                    { type: 'object', properties: { language: { type: 'string' } } },
                  ],
                },
              },
              required: ['attribute'],
            },
          },
          encrypted: { type: 'boolean' },
          format: { type: 'string' },
        },
        required: ['attributeName', 'source', 'encrypted'],
        additionalProperties: false,
      },
    },
  },
  required: ['dataSharePolicies', 'shareableAttributes'],
  additionalProperties: false,
};
