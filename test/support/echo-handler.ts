import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Test fixture: a Lambda entry that answers with the event it was given, to check what the local gateway sends. */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2 | object> {
  if (event.queryStringParameters?.answer === 'unstructured') return { unstructured: true };
  return {
    statusCode: 201,
    headers: { 'content-type': 'application/json', 'x-echo': 'yes' },
    cookies: ['first=1', 'second=2'],
    body: JSON.stringify(event),
  };
}
