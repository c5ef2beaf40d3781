import * as z from 'zod/mini';

/*
 * Schema builders whose failure messages read like the Jakarta Bean Validation messages MOSIP returns
 * ("must not be blank", "size must be between 1 and 128"), so PMS_COR_001 errors match MOSIP's wording.
 */

function typeError(expected: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? 'must not be null' : `must be ${expected}`);
}

interface TextMessages {
  /** MOSIP's custom @NotBlank message, where the DTO has one. */
  blank?: string;
  /** MOSIP's custom @Size message, where the DTO has one. */
  size?: string;
}

/**
 * @NotBlank @Size(min, max). Checks run in a fixed order (null, blank, size), where Hibernate's order is
 * random, so the first reported error is stable.
 */
export function requiredText(min: number, max: number, messages: TextMessages = {}) {
  const blank = messages.blank ?? 'must not be blank';
  const size = messages.size ?? `size must be between ${min} and ${max}`;
  return z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? blank : 'must be a string') }).check(
    z.refine((value) => value.trim().length > 0, { error: blank }),
    z.minLength(min, { error: size }),
    z.maxLength(max, { error: size }),
  );
}

/** @Size(max) on an optional string; null is accepted as absent, as Jackson does. */
export function optionalText(max: number) {
  return z.optional(z.nullable(z.string({ error: typeError('a string') }).check(z.maxLength(max, { error: `size must be between 0 and ${max}` }))));
}

export function optionalBoolean() {
  return z.optional(z.nullable(z.boolean({ error: typeError('a boolean') })));
}

export function requiredObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.object(shape, { error: typeError('an object') });
}
