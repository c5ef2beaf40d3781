import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { tableContext } from '../../functions/adapters/dynamodb/client.js';

/** Test fixture: a Lambda entry that writes one item named by the request path through the shared table client. */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const { client, tableName } = tableContext();
  await client.send(new PutCommand({ TableName: tableName, Item: { pk: `GRANT#${event.rawPath}`, sk: 'ITEM' } }));
  return { statusCode: 201, body: 'written' };
}
