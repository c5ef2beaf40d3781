import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableProbe } from '../../domain/health/service-health.js';
import type { TableContext } from './client.js';
import { keys } from './keys.js';

/**
 * Room for a cold connection to DynamoDB (TLS, first credentials), yet short enough that a probe never waits out
 * the SDK's retries on a table that hangs: the abort ends every attempt and every backoff at once.
 */
export const TABLE_PROBE_TIMEOUT_MS = 2_000;

/** One GetItem of the fixed probe key, the cheapest read that needs the table to answer; a missing item is an answer. */
export function dynamoTableProbe(table: TableContext, timeoutMs = TABLE_PROBE_TIMEOUT_MS): TableProbe {
  return {
    async probe() {
      await table.client.send(new GetCommand({ TableName: table.tableName, Key: keys.healthProbe }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    },
  };
}
