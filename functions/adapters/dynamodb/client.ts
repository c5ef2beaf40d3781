import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { optionalEnv, requiredEnv } from '../../config/env.js';

export interface TableContext {
  client: DynamoDBDocumentClient;
  tableName: string;
}

let shared: TableContext | undefined;

/** One client per container; DYNAMODB_ENDPOINT points it at DynamoDB Local. */
export function tableContext(): TableContext {
  shared ??= createTableContext(requiredEnv('TABLE_NAME'), optionalEnv('DYNAMODB_ENDPOINT'));
  return shared;
}

export function createTableContext(tableName: string, endpoint?: string): TableContext {
  const client = new DynamoDBClient(endpoint ? { endpoint } : {});
  return {
    tableName,
    client: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
  };
}
