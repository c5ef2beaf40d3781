/** The headers a caller may name its request by, MOSIP's first; API Gateway hands header names over in lower case. */
export const CORRELATION_HEADERS = ['x-request-id', 'x-correlation-id'] as const;

// The value lands in every log line: an id-like token of bounded length, or it is not taken.
const ID_LIKE = /^[\w.:@/+=-]{1,128}$/;

/** The caller's correlation id when it sends a well-formed one, else API Gateway's request id. */
export function correlationIdOf(headers: Record<string, string | undefined> | undefined, requestId: string): string {
  for (const name of CORRELATION_HEADERS) {
    const value = headers?.[name]?.trim();
    if (value && ID_LIKE.test(value)) return value;
  }
  return requestId;
}
