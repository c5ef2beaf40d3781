import * as z from 'zod/mini';

/**
 * Documentation only: the OpenAPI documents list `words` as the values MOSIP allows for this member, taken from the
 * domain constant the operation checks with. Validation is unchanged: the schema still accepts any string, so that
 * another value gets MOSIP's business error code from the operation, not PMS_COR_001. Give each call its own schema
 * instance (a shared one, such as `queryValue`, would carry the list everywhere it is used).
 */
export function allowedWords<Schema extends z.ZodMiniType>(schema: Schema, words: readonly string[], description?: string): Schema {
  z.globalRegistry.add(schema as z.ZodMiniType, { enum: [...words], ...(description === undefined ? {} : { description }) });
  return schema;
}

/** A query parameter whose documented values are `words` (any string is still bound, and checked by the operation). */
export function queryWord(words: readonly string[], description?: string) {
  return allowedWords(z.optional(z.string()), words, description);
}

/** Documentation only: the OpenAPI documents show `jsonSchema` for this member (e.g. a free-form JSON member's real schema). */
export function documentedAs<Schema extends z.ZodMiniType>(schema: Schema, jsonSchema: Record<string, unknown>): Schema {
  z.globalRegistry.add(schema as z.ZodMiniType, jsonSchema);
  return schema;
}
