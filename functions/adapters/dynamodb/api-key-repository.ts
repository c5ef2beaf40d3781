import type { ApiKey } from '../../domain/api-keys/api-key.js';
import type { ApiKeyRepository } from '../../domain/api-keys/ports.js';
import type { AuditEntry } from '../../domain/audit.js';
import type { EventModel } from '../../domain/events/event-model.js';
import { ConcurrentModificationError, InactivePartnerError, UniqueConstraintError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { apiKeyKeys, expiryCalendarEntry, indexKeys, keys } from './keys.js';
import { outboxPut } from './outbox.js';
import { auditPut, putIfUnchanged, type TransactItem, TransactionRefused, transactWrite } from './transactions.js';

/** A partner holds few keys (one per policy and label); the admin list reads at most this many. */
const MAX_KEYS_PER_PARTNER = 500;
const MAX_KEYS_LISTED = 5000;

/**
 * The stored shape is also read by api-key-reader.ts (gsi1 `PARTNER#<id>#APIKEYS` with policyId, isActive,
 * validToDatetime): keep the two together.
 */
function keyItem(key: ApiKey): Record<string, unknown> {
  return {
    ...apiKeyKeys.apiKey(key.keyHash),
    entity: 'ApiKey',
    gsi1pk: indexKeys.apiKeysOfPartner(key.partnerId),
    gsi1sk: `${key.crDtimes}#${key.id}`,
    gsi2pk: apiKeyKeys.allApiKeys,
    gsi2sk: `${key.crDtimes}#${key.id}`,
    ...expiryCalendarEntry(key.validToDatetime, 'apiKey', key.id),
    ...key,
  };
}

function labelGuard(table: TableContext, key: ApiKey): TransactItem {
  return {
    Put: {
      TableName: table.tableName,
      Item: { ...apiKeyKeys.apiKeyLabel(key.partnerId, key.policyId, key.label), entity: 'ApiKeyLabel', keyHash: key.keyHash },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * A key is one item by hash, with a pointer by id and a label guard per (partner, policy, normalised label).
 * Creation also checks, in the same transaction, that the partner is active and its link to the policy approved.
 */
export function dynamoApiKeyRepository(table: TableContext): ApiKeyRepository {
  const byHash = (keyHash: string) => getItem<ApiKey>(table, apiKeyKeys.apiKey(keyHash));
  return {
    async create(key, audit, events) {
      try {
        await transactWrite(table, [
          labelGuard(table, key),
          { Put: { TableName: table.tableName, Item: keyItem(key), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Put: {
              TableName: table.tableName,
              Item: { ...apiKeyKeys.apiKeyPointer(key.id), entity: 'ApiKeyPointer', keyHash: key.keyHash },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            ConditionCheck: {
              TableName: table.tableName,
              Key: keys.partner(key.partnerId),
              ConditionExpression: 'isActive = :true',
              ExpressionAttributeValues: { ':true': true },
            },
          },
          {
            ConditionCheck: {
              TableName: table.tableName,
              Key: keys.policyLink(key.partnerId, key.policyId),
              ConditionExpression: '#status = :approved',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':approved': 'approved' },
            },
          },
          auditPut(table, audit),
          ...events.map((event) => outboxPut(table, event)),
        ]);
      } catch (error) {
        if (!(error instanceof TransactionRefused)) throw error;
        if (error.failedConditions.includes(0)) throw new UniqueConstraintError('label');
        if (error.failedConditions.includes(3)) throw new InactivePartnerError(key.partnerId);
        throw new ConcurrentModificationError(`api key ${key.id}`);
      }
    },

    async save(next: ApiKey, previous: ApiKey, audit: AuditEntry, events: EventModel[]) {
      const moved = next.policyId !== previous.policyId;
      try {
        await transactWrite(table, [
          putIfUnchanged(table, keyItem({ ...next, revision: previous.revision + 1 }), previous.revision),
          ...(moved
            ? [
                labelGuard(table, next),
                { Delete: { TableName: table.tableName, Key: apiKeyKeys.apiKeyLabel(previous.partnerId, previous.policyId, previous.label) } },
              ]
            : []),
          auditPut(table, audit),
          ...events.map((event) => outboxPut(table, event)),
        ]);
      } catch (error) {
        if (!(error instanceof TransactionRefused)) throw error;
        if (moved && error.failedConditions.includes(1)) throw new UniqueConstraintError('label');
        throw new ConcurrentModificationError(`api key ${next.id}`);
      }
    },

    byHash,

    async byId(id) {
      const pointer = await getItem<{ keyHash: string }>(table, apiKeyKeys.apiKeyPointer(id));
      return pointer ? byHash(pointer.keyHash) : undefined;
    },

    async byLabel(partnerId, policyId, label) {
      const guard = await getItem<{ keyHash: string }>(table, apiKeyKeys.apiKeyLabel(partnerId, policyId, label));
      return guard ? byHash(guard.keyHash) : undefined;
    },

    keysOfPartner: (partnerId) => queryPartition<ApiKey>(table, 'gsi1', indexKeys.apiKeysOfPartner(partnerId), { limit: MAX_KEYS_PER_PARTNER }),

    allKeys: () => queryPartition<ApiKey>(table, 'gsi2', apiKeyKeys.allApiKeys, { limit: MAX_KEYS_LISTED, ascending: false }),
  };
}
