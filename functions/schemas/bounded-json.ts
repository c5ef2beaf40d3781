import * as z from 'zod/mini';

/*
 * Bounds for the free-form JSON a request may carry (a policy's `policies`, a partner's `additionalInfo`). The
 * measure is MOSIP's own data: its shipped policies (db_scripts dml and db_upgrade_scripts, and the api-test rig's
 * templates) nest at most 8 objects/arrays deep (DataShare: shareableAttributes[].source[].filter[].subType[]),
 * hold at most 132 members and elements, 1 911 characters serialized, names of at most 32 characters
 * (trustBindedAuthVerificationToken) and strings of at most 44; MOSIP stores a policy in a varchar(5120).
 */

/** Objects and arrays inside one another, the value itself being level 1: twice MOSIP's deepest policy, and far
 * inside DynamoDB's 32 levels per item even with the item, event and audit members the value is stored under. */
export const MAX_JSON_DEPTH = 16;
/** Members and elements in all: over seven times MOSIP's largest policy, which could hold fewer than 400 at its
 * density before filling MOSIP's 5 120-character column. */
export const MAX_JSON_MEMBERS = 1000;
/** Four times MOSIP's longest policy member name. */
export const MAX_JSON_KEY_LENGTH = 128;
/** Longer than a whole policy MOSIP can store (5 120 characters). */
export const MAX_JSON_STRING_LENGTH = 8192;
/** UTF-8 bytes of the value as JSON: over three times the largest policy MOSIP can store, a quarter of the body limit. */
export const MAX_JSON_BYTES = 16 * 1024;

/** Names that reach Object.prototype through plain property access or merging, wherever they stand. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * DynamoDB keeps 38 digits between 1E-130 and 1E+126 in magnitude, and the document client refuses to write or
 * read back a number beyond ±Number.MAX_SAFE_INTEGER as a plain number. Within these bounds a JSON number comes
 * back exactly as it went in (JavaScript prints at most 17 digits).
 */
const SMALLEST_DYNAMODB_MAGNITUDE = 1e-130;

export interface JsonBoundViolation {
  /** Bean Validation-like wording, as PMS_COR_001 carries it. */
  readonly constraint: string;
  /** Where in the value: property names and array indexes. */
  readonly path: readonly (string | number)[];
}

interface Pending {
  readonly value: unknown;
  readonly path: readonly (string | number)[];
  readonly depth: number;
}

/**
 * The first bound `value` breaks, in document order, or undefined. Iterative, and it stops at the first violation,
 * so it visits at most MAX_JSON_MEMBERS members at most MAX_JSON_DEPTH levels down whatever arrives: nothing
 * recursive (a schema, the DynamoDB marshaller, JSON.stringify) sees the value before it has passed.
 */
export function jsonBoundViolation(value: unknown): JsonBoundViolation | undefined {
  const pending: Pending[] = [{ value, path: [], depth: 0 }];
  let members = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { path, depth } = next;
    if (!isContainer(next.value)) {
      const violation = scalarViolation(next.value);
      if (violation) return { constraint: violation, path };
      continue;
    }
    if (depth === MAX_JSON_DEPTH) return { constraint: `must not nest more than ${MAX_JSON_DEPTH} levels of objects and arrays`, path };

    const container = next.value as Record<string, unknown>;
    const keys: (string | number)[] = Array.isArray(container) ? [...container.keys()] : Object.keys(container);
    const children: Pending[] = [];
    for (const key of keys) {
      members += 1;
      if (members > MAX_JSON_MEMBERS) return { constraint: `must not hold more than ${MAX_JSON_MEMBERS} members and elements in all`, path: [...path, key] };
      if (typeof key === 'string') {
        if (key.length > MAX_JSON_KEY_LENGTH) return { constraint: `member names must be at most ${MAX_JSON_KEY_LENGTH} characters long`, path };
        if (FORBIDDEN_KEYS.has(key)) return { constraint: 'member name is not allowed', path: [...path, key] };
      }
      children.push({ value: container[key], path: [...path, key], depth: depth + 1 });
    }
    pending.push(...children.reverse()); // popped in document order
  }
  // Bounded now, so serializing is safe.
  if (Buffer.byteLength(JSON.stringify(value), 'utf8') > MAX_JSON_BYTES) {
    return { constraint: `must not exceed ${MAX_JSON_BYTES} bytes as JSON`, path: [] };
  }
  return undefined;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function scalarViolation(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value.length > MAX_JSON_STRING_LENGTH ? `size must be between 0 and ${MAX_JSON_STRING_LENGTH}` : undefined;
    case 'number':
      if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
        return `must be a number between ${Number.MIN_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`;
      }
      return value !== 0 && Math.abs(value) < SMALLEST_DYNAMODB_MAGNITUDE ? 'must be 0 or at least 1E-130 in magnitude' : undefined;
    case 'boolean':
      return undefined;
    case 'object': // containers are not scalars
      return value === null ? undefined : 'must be a JSON value';
    default:
      return 'must be a JSON value';
  }
}

/**
 * Any JSON value within the bounds above; a violation fails the request schema (PMS_COR_001, HTTP 400) naming the
 * offending member, e.g. `request.additionalInfo[0].a`. The issue carries no input: zod's error message would
 * serialize it.
 */
export function boundedJson() {
  return z.unknown().check(
    z.check((context) => {
      const violation = jsonBoundViolation(context.value);
      if (violation) context.issues.push({ code: 'custom', message: violation.constraint, path: [...violation.path], input: undefined, continue: false });
    }),
  );
}
