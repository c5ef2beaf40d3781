import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Partner } from '../../domain/partners/partner.js';
import type { Policy } from '../../domain/policies/policy.js';
import type { PolicyGroup } from '../../domain/policy-groups/policy-group.js';
import type { PolicyRequest, PolicyRequestStatus } from '../../domain/policy-requests/policy-request.js';
import type { PolicyRequestListReader } from '../../domain/policy-requests/request-list-queries.js';
import type { TableContext } from './client.js';
import { queryPartition, withoutStorageAttributes } from './items.js';
import { type ItemKey, indexKeys, keys, sortKeyPrefixes } from './keys.js';

const STATUSES: readonly PolicyRequestStatus[] = ['InProgress', 'approved', 'rejected'];
/** DynamoDB's limit of keys in one BatchGetItem. */
const BATCH_GET_KEYS = 100;
/** Retries of keys DynamoDB left unprocessed (throttling), with exponential back-off. */
const BATCH_GET_RETRIES = 6;

/**
 * Reads the partner–policy request list, every row: request rows with Query only, read to the end (the status
 * partitions of gsi2 for admins, `PARTNER#<id>` begins_with `POLICY_REQUEST#` for a partner), joins with
 * BatchGetItem on distinct keys.
 */
export function dynamoPolicyRequestReader(table: TableContext): PolicyRequestListReader {
  return {
    async allRequests() {
      const partitions = await Promise.all(STATUSES.map((status) => queryPartition<PolicyRequest>(table, 'gsi2', indexKeys.requestsInStatus(status))));
      return partitions.flat();
    },

    requestsOfPartner: (partnerId) =>
      queryPartition<PolicyRequest>(table, 'table', keys.partner(partnerId).pk, { sortKeyPrefix: sortKeyPrefixes.policyRequests }),

    partnersByIds: (ids) => batchGet<Partner>(table, distinct(ids).map(keys.partner)),
    policiesByIds: (ids) => batchGet<Policy>(table, distinct(ids).map(keys.policy)),
    groupsByIds: (ids) => batchGet<PolicyGroup>(table, distinct(ids).map(keys.policyGroup)),
  };
}

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** The items that exist under these keys, in chunks of 100, retrying what DynamoDB leaves unprocessed. */
async function batchGet<T>(table: TableContext, itemKeys: readonly ItemKey[]): Promise<T[]> {
  const chunks: ItemKey[][] = [];
  for (let start = 0; start < itemKeys.length; start += BATCH_GET_KEYS) chunks.push(itemKeys.slice(start, start + BATCH_GET_KEYS));
  const found = await Promise.all(chunks.map((chunk) => batchGetChunk<T>(table, chunk)));
  return found.flat();
}

async function batchGetChunk<T>(table: TableContext, chunk: readonly ItemKey[]): Promise<T[]> {
  const items: T[] = [];
  let pending: Record<string, unknown>[] = chunk.map((key) => ({ ...key }));
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > BATCH_GET_RETRIES) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    const { Responses, UnprocessedKeys } = await table.client.send(new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: pending } } }));
    for (const item of Responses?.[table.tableName] ?? []) items.push(withoutStorageAttributes<T>(item));
    pending = UnprocessedKeys?.[table.tableName]?.Keys ?? [];
  }
  return items;
}
