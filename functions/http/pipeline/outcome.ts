import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** The HTTP status of the answer the pipeline built. */
export function statusOf(response: unknown): number | undefined {
  return (response as APIGatewayProxyStructuredResultV2 | undefined)?.statusCode;
}

/** The first MOSIP error code of a refusal's answer (KER-ATH-401, PMS_COR_001, a domain's code). */
export function refusalCodeOf(response: unknown): string {
  try {
    const body = JSON.parse(String((response as APIGatewayProxyStructuredResultV2 | undefined)?.body)) as { errors?: { errorCode?: unknown }[] };
    const code = body?.errors?.[0]?.errorCode;
    return typeof code === 'string' ? code : 'unknown';
  } catch {
    return 'unknown';
  }
}
