import { type ApiKey, isListedForAdmins, LISTED_PARTNER_TYPE } from '../../domain/api-keys/api-key.js';
import { ActiveKeyLimitError, type ApiKeyRepository } from '../../domain/api-keys/ports.js';
import type { AuditEntry } from '../../domain/audit.js';
import type { EventModel } from '../../domain/events/event-model.js';
import { PARTNER_TYPES } from '../../domain/partners/partner-types.js';
import { compareText } from '../../domain/search/v2-lists.js';
import { ConcurrentModificationError, InactivePartnerError, UniqueConstraintError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { apiKeyKeys, expiryCalendarEntry, indexKeys, keys } from './keys.js';
import { outboxPut } from './outbox.js';
import { countChanges as partitionCountChanges } from './partition-counts.js';
import { auditPut, putIfUnchanged, type TransactItem, TransactionRefused, transactWrite } from './transactions.js';

/** The partner types whose keys live outside the admin list's partition. */
const OTHER_PARTNER_TYPES = Object.keys(PARTNER_TYPES).filter((type) => type !== LISTED_PARTNER_TYPE);

/**
 * The stored shape is also read by api-key-reader.ts (gsi1 `PARTNER#<id>#APIKEYS` with policyId, isActive,
 * validToDatetime): keep the two together.
 */
export function apiKeyItem(key: ApiKey): Record<string, unknown> {
  return {
    ...apiKeyKeys.apiKey(key.keyHash),
    entity: 'ApiKey',
    gsi1pk: indexKeys.apiKeysOfPartner(key.partnerId),
    gsi1sk: `${key.crDtimes}#${key.id}`,
    gsi2pk: isListedForAdmins(key) ? apiKeyKeys.allApiKeys : apiKeyKeys.apiKeysOfPartnerType(key.partnerType ?? ''),
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

/** One key switched on (+1) or off (-1) for its partner and policy. */
interface CountChange {
  partnerId: string;
  policyId: string;
  delta: 1 | -1;
}

/** What a write does to the active-key counts: the key leaves its previous policy's count and joins its next one's. */
function countChanges(next: ApiKey, previous: ApiKey | undefined): CountChange[] {
  const left: CountChange[] = previous?.isActive ? [{ partnerId: previous.partnerId, policyId: previous.policyId, delta: -1 }] : [];
  const joined: CountChange[] = next.isActive ? [{ partnerId: next.partnerId, policyId: next.policyId, delta: 1 }] : [];
  if (left[0] && joined[0] && left[0].policyId === joined[0].policyId) return [];
  return [...left, ...joined];
}

/**
 * Runs the writes that change the same counters one after another within this process: a cascade or the expiry
 * job switches many keys of one partner and policy off at once, and concurrent transactions on one counter
 * would cancel each other (TransactionConflict). Each call takes all its counters at once, in one step, so two
 * calls never wait on each other in a circle. Writes from other processes still meet in the transaction's conditions.
 */
function serializedPerCounter() {
  const tails = new Map<string, Promise<void>>();
  return async <T>(counters: readonly string[], work: () => Promise<T>): Promise<T> => {
    let release = () => {};
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const earlier = [...new Set(counters)].map((counter) => {
      const tail = tails.get(counter);
      tails.set(counter, done);
      return tail;
    });
    await Promise.all(earlier);
    try {
      return await work();
    } finally {
      release();
      for (const counter of counters) if (tails.get(counter) === done) tails.delete(counter);
    }
  };
}

const counterName = ({ partnerId, policyId }: { partnerId: string; policyId: string }) => apiKeyKeys.activeKeyCount(partnerId, policyId).pk;

/** A count's write in a key's transaction, and what its failed condition means. */
interface CountWrite {
  item: TransactItem;
  refusal: Error;
}

/**
 * A key is one item by hash, with a pointer by id and a label guard per (partner, policy, normalised label).
 * Creation also checks, in the same transaction, that the partner is active and its link to the policy approved.
 * A counter item per (partner, policy) holds how many of its keys are active; every write that switches a key on
 * or off changes it in the key's own transaction, and switching one on is conditional on the count being below
 * the cap, so concurrent writes cannot pass it. Keys stored before the counters existed are counted exactly from
 * the partner's index the first time a write needs the counter, which it then creates (conditional on its absence).
 */
export function dynamoApiKeyRepository(table: TableContext): ApiKeyRepository {
  const byHash = (keyHash: string) => getItem<ApiKey>(table, apiKeyKeys.apiKey(keyHash));
  const keysOfPartner = (partnerId: string) => queryPartition<ApiKey>(table, 'gsi1', indexKeys.apiKeysOfPartner(partnerId));

  /** The active keys of the index (which may lag by a moment), leaving out the key being written. */
  async function countedFromIndex(partnerId: string, policyId: string, exceptKeyId?: string): Promise<number> {
    const keys = await keysOfPartner(partnerId);
    return keys.filter((key) => key.policyId === policyId && key.isActive && key.id !== exceptKeyId).length;
  }

  const storedCount = async (partnerId: string, policyId: string) =>
    (await getItem<{ activeKeys: number }>(table, apiKeyKeys.activeKeyCount(partnerId, policyId)))?.activeKeys;

  async function countWrite({ partnerId, policyId, delta }: CountChange, keyId: string, max: number | undefined): Promise<CountWrite> {
    const Key = apiKeyKeys.activeKeyCount(partnerId, policyId);
    const stored = await storedCount(partnerId, policyId);
    const changed = new ConcurrentModificationError(`active api keys of ${partnerId} for ${policyId}`);
    if (delta === -1) {
      // No counter yet: the first write that needs one counts the index, where this key is then off.
      if (stored === undefined)
        return { item: { ConditionCheck: { TableName: table.tableName, Key, ConditionExpression: 'attribute_not_exists(pk)' } }, refusal: changed };
      return {
        item: {
          Update: {
            TableName: table.tableName,
            Key,
            UpdateExpression: 'ADD activeKeys :minusOne',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':minusOne': -1 },
          },
        },
        refusal: changed,
      };
    }
    if (max === undefined) throw new Error('switching an API key on needs the cap on active keys');
    const limitReached = new ActiveKeyLimitError(partnerId, policyId, max);
    if (stored !== undefined) {
      if (stored >= max) throw limitReached;
      return {
        item: {
          Update: {
            TableName: table.tableName,
            Key,
            UpdateExpression: 'ADD activeKeys :one',
            ConditionExpression: 'activeKeys < :max',
            ExpressionAttributeValues: { ':one': 1, ':max': max },
          },
        },
        refusal: limitReached,
      };
    }
    const counted = await countedFromIndex(partnerId, policyId, keyId);
    if (counted >= max) throw limitReached;
    return {
      item: {
        Put: {
          TableName: table.tableName,
          Item: { ...Key, entity: 'ApiKeyCount', partnerId, policyId, activeKeys: counted + 1 },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      refusal: changed,
    };
  }

  const serialized = serializedPerCounter();

  /**
   * Writes a key's `items` with the count writes its change from `previous` to `next` needs, one write per counter
   * at a time in this process. A failed condition is explained by `refused` for the key's own items, else by the
   * failing count write.
   */
  function writeCounted(
    next: ApiKey,
    previous: ApiKey | undefined,
    max: number | undefined,
    items: TransactItem[],
    refused: (failed: readonly number[]) => Error | undefined,
  ): Promise<void> {
    const changes = countChanges(next, previous);
    return serialized(changes.map(counterName), async () => {
      const counts = await Promise.all(changes.map((change) => countWrite(change, next.id, max)));
      try {
        await transactWrite(table, [...items, ...counts.map(({ item }) => item)]);
      } catch (error) {
        if (!(error instanceof TransactionRefused)) throw error;
        const failed = error.failedConditions;
        throw (
          refused(failed) ?? counts.find((_, index) => failed.includes(items.length + index))?.refusal ?? new ConcurrentModificationError(`api key ${next.id}`)
        );
      }
    });
  }

  return {
    create(key, audit, events, activeKeysMax) {
      const items: TransactItem[] = [
        labelGuard(table, key),
        { Put: { TableName: table.tableName, Item: apiKeyItem(key), ConditionExpression: 'attribute_not_exists(pk)' } },
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
        ...partitionCountChanges(table, apiKeyItem(key), undefined),
      ];
      return writeCounted(key, undefined, activeKeysMax, items, (failed) =>
        failed.includes(0) ? new UniqueConstraintError('label') : failed.includes(3) ? new InactivePartnerError(key.partnerId) : undefined,
      );
    },

    save(next: ApiKey, previous: ApiKey, audit: AuditEntry, events: EventModel[], activeKeysMax?: number) {
      const moved = next.policyId !== previous.policyId;
      const items: TransactItem[] = [
        putIfUnchanged(table, apiKeyItem({ ...next, revision: previous.revision + 1 }), previous.revision),
        ...(moved
          ? [
              labelGuard(table, next),
              { Delete: { TableName: table.tableName, Key: apiKeyKeys.apiKeyLabel(previous.partnerId, previous.policyId, previous.label) } },
            ]
          : []),
        auditPut(table, audit),
        ...events.map((event) => outboxPut(table, event)),
      ];
      return writeCounted(next, previous, activeKeysMax, items, (failed) =>
        moved && failed.includes(1)
          ? new UniqueConstraintError('label')
          : failed.includes(0)
            ? new ConcurrentModificationError(`api key ${next.id}`)
            : undefined,
      );
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

    keysOfPartner,

    async allKeys() {
      const partitions = [apiKeyKeys.allApiKeys, ...OTHER_PARTNER_TYPES.map(apiKeyKeys.apiKeysOfPartnerType)];
      const keys = (await Promise.all(partitions.map((partition) => queryPartition<ApiKey>(table, 'gsi2', partition)))).flat();
      return keys.sort((a, b) => compareText(`${b.crDtimes}#${b.id}`, `${a.crDtimes}#${a.id}`));
    },
  };
}
