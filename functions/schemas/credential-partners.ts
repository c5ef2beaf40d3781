import * as z from 'zod/mini';
import { optionalText, requiredObject, requiredText } from '../http/constraints.js';

/**
 * How many extractors one request may set. MOSIP's ExtractorsDto has no bound; ours keeps the write inside one
 * DynamoDB transaction (100 items) next to the request checks and the audit record. An identity schema has a
 * handful of biometric attributes.
 */
export const MAX_EXTRACTORS_PER_REQUEST = 50;

/**
 * ExtractorDto: `biometric` is `Modality` or `Modality[SubType,…]`. MOSIP declares no constraints (a missing
 * field fails later with a NullPointerException); we refuse it up front, and bound the texts as its columns are.
 */
const extractor = z.object({
  attributeName: requiredText(1, 128),
  biometric: requiredText(1, 256),
  extractor: requiredObject({ provider: optionalText(128), version: optionalText(128) }),
});

/** ExtractorsDto (`POST /partners/{partnerId}/bioextractors/{policyId}`). */
export const extractorsRequest = z.object({
  extractors: z
    .array(extractor, { error: 'must not be null' })
    .check(z.maxLength(MAX_EXTRACTORS_PER_REQUEST, { error: `size must be between 0 and ${MAX_EXTRACTORS_PER_REQUEST}` })),
});

export type ExtractorsRequest = z.output<typeof extractorsRequest>;
