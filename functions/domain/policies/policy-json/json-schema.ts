import { type ErrorDefinition, withArguments } from '../../../errors/pms-error.js';
import { POLICY_VALIDATOR_ERRORS } from '../../../errors/policy-validator-errors.js';

/**
 * The small part of JSON schema draft-04 that MOSIP's policy schemas use (mosip-config `*-policy-schema.json`).
 * `items` as a list is draft-04 tuple validation: item i is checked against entry i, later items are not checked
 * (none of the schemas sets `additionalItems` next to a tuple, and MOSIP drops that keyword's errors anyway).
 */
export type JsonSchema =
  | { readonly type: 'string'; readonly enum?: readonly string[]; readonly minLength?: number }
  | { readonly type: 'boolean' }
  | { readonly type: 'array'; readonly items?: JsonSchema | readonly JsonSchema[]; readonly minItems?: number }
  | {
      readonly type: 'object';
      readonly properties?: Readonly<Record<string, JsonSchema>>;
      readonly required?: readonly string[];
      /** Absent means allowed, as in JSON schema. */
      readonly additionalProperties?: false;
    };

const { INVALID_INPUT_PARAMETER, MISSING_INPUT_PARAMETER, EXPECTED_INPUT_PARAMETER, EMPTY_ARRAY_INPUT_PARAMETER, EMPTY_STRING_INPUT_PARAMETER } =
  POLICY_VALIDATOR_ERRORS;

/**
 * Every schema violation of `value`, as MOSIP's PolicySchemaValidator words it, in the order MOSIP's validator
 * (com.github.fge json-schema-validator, deep check) reports them: at each node its keywords in alphabetical order
 * (additionalProperties, enum, minItems, minLength, required, type), then its members by sorted name, or its items by
 * index. MOSIP answers only the first of these; the order makes ours the same first one.
 *
 * The `%s` is MOSIP's: the node's JSON pointer (RFC 6901 escaped), plus `/name` for a missing or unwanted member and
 * `/type` for a wrong type, with leading and trailing slashes stripped: `allowedAuthTypes/0/mandatory`,
 * `dataSharePolicies/typeOfShare`, `Format Error: Expected format is encrypted/boolean.` (sic).
 */
export function schemaErrors(schema: JsonSchema, value: unknown): ErrorDefinition[] {
  const errors: ErrorDefinition[] = [];
  visit(schema, value, '', errors);
  return errors;
}

function visit(schema: JsonSchema, value: unknown, pointer: string, errors: ErrorDefinition[]): void {
  const at = (suffix?: string) => stripSlashes(suffix === undefined ? pointer : `${pointer}/${suffix}`);
  const kind = kindOf(value);

  const members = kind === 'object' ? (value as Record<string, unknown>) : {};
  const present = Object.keys(members).filter((name) => members[name] !== undefined);

  // fge runs a node's keywords in alphabetical order; object keywords apply to objects only, and so on.
  if (schema.type === 'object' && kind === 'object' && schema.additionalProperties === false) {
    for (const name of present.filter((name) => !hasOwn(schema.properties, name)).sort()) {
      errors.push(withArguments(INVALID_INPUT_PARAMETER, at(name)));
    }
  }
  if (schema.type === 'string' && schema.enum && !schema.enum.includes(value as string)) {
    errors.push(withArguments(INVALID_INPUT_PARAMETER, at()));
  }
  if (schema.type === 'array' && kind === 'array' && schema.minItems !== undefined && (value as unknown[]).length < schema.minItems) {
    errors.push(withArguments(EMPTY_ARRAY_INPUT_PARAMETER, at()));
  }
  if (schema.type === 'string' && kind === 'string' && schema.minLength !== undefined && [...(value as string)].length < schema.minLength) {
    errors.push(withArguments(EMPTY_STRING_INPUT_PARAMETER, at()));
  }
  if (schema.type === 'object' && kind === 'object') {
    for (const name of (schema.required ?? []).filter((name) => !present.includes(name))) {
      errors.push(withArguments(MISSING_INPUT_PARAMETER, at(name)));
    }
  }
  if (kind !== schema.type) {
    errors.push(withArguments(EXPECTED_INPUT_PARAMETER, at(schema.type)));
    return; // a container of the wrong kind has no member or item schemas to descend into
  }

  if (schema.type === 'object') {
    for (const name of [...present].sort()) {
      if (hasOwn(schema.properties, name)) visit(schema.properties![name]!, members[name], `${pointer}/${escapeToken(name)}`, errors);
    }
  } else if (schema.type === 'array' && schema.items) {
    const items = schema.items;
    (value as unknown[]).forEach((item, index) => {
      const itemSchema = isTuple(items) ? items[index] : items;
      if (itemSchema) visit(itemSchema, item, `${pointer}/${index}`, errors);
    });
  }
}

type Kind = JsonSchema['type'] | 'number' | 'null' | 'other';

function kindOf(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
    case 'object':
      return typeof value as Kind;
    default:
      return 'other';
  }
}

const isTuple = (items: JsonSchema | readonly JsonSchema[]): items is readonly JsonSchema[] => Array.isArray(items);

const hasOwn = (record: object | undefined, name: string) => record !== undefined && Object.hasOwn(record, name);

/** JSON pointer reference token (RFC 6901), as fge prints pointers. */
const escapeToken = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');

/** commons-lang StringUtils.strip(text, "/"). */
const stripSlashes = (text: string) => text.replace(/^\/+|\/+$/g, '');
