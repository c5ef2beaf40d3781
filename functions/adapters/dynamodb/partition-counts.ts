import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { log } from '../../observability/logger.js';
import type { TableContext } from './client.js';
import { batchGet, countPartition } from './items.js';
import { apiKeyKeys, type ItemKey, indexKeys } from './keys.js';
import type { TransactItem } from './transact-item.js';
import { allShards, shardOf, shardSuffix } from './write-shards.js';

/*
 * Counters of index partitions, so that a list's total or a dashboard count is a few point reads instead of a read
 * of the whole partition (docs/data-model.md, "Counted partitions"). Every write that moves an item into or out of
 * a counted partition changes its counter in the same transaction (countChanges). A counter is spread over
 * WRITE_SHARDS items, chosen by the item's key, so that concurrent writes of one busy kind rarely meet on one
 * counter item (a transaction that meets another on an item is cancelled) and no item takes every write.
 */

/** The index partitions that are counted, by index. */
export const COUNTED_PARTITIONS = {
  gsi1: [indexKeys.allPartners],
  gsi2: [
    apiKeyKeys.allApiKeys,
    indexKeys.requestsInStatus('InProgress'),
    indexKeys.sbisInStatus('pending_approval'),
    indexKeys.devicesInStatus('pending_approval'),
    indexKeys.ftmChipsInStatus('pending_approval'),
  ],
} as const satisfies Record<'gsi1' | 'gsi2', readonly string[]>;

export type CountedIndex = keyof typeof COUNTED_PARTITIONS;
export interface CountedPartition {
  index: CountedIndex;
  partition: string;
}

const counterPk = ({ index, partition }: CountedPartition) => `COUNT#${index}#${partition}`;

/** One shard of a partition's counter; `BASE` holds what was counted when the counter was started on a table that had items. */
export const counterKeys = {
  shard: (counted: CountedPartition, shard: number): ItemKey => ({ pk: counterPk(counted), sk: `SHARD#${shardSuffix(shard)}` }),
  base: (counted: CountedPartition): ItemKey => ({ pk: counterPk(counted), sk: 'BASE' }),
};

export function countedPartitions(): CountedPartition[] {
  return (Object.keys(COUNTED_PARTITIONS) as CountedIndex[]).flatMap((index) => COUNTED_PARTITIONS[index].map((partition) => ({ index, partition })));
}

function isCounted(index: CountedIndex, partition: unknown): partition is string {
  return typeof partition === 'string' && (COUNTED_PARTITIONS[index] as readonly string[]).includes(partition);
}

/** The counter writes countChanges made, so that a transaction can merge the ones on one item (mergeCounterWrites). */
const counterWrites = new WeakMap<TransactItem, { key: ItemKey; delta: number }>();

function counterUpdate(table: TableContext, counted: CountedPartition, shard: number, delta: number): TransactItem {
  const item = counterUpdateOf(table, counterKeys.shard(counted, shard), delta);
  counterWrites.set(item, { key: counterKeys.shard(counted, shard), delta });
  return item;
}

function counterUpdateOf(table: TableContext, key: ItemKey, delta: number): TransactItem {
  return {
    Update: {
      TableName: table.tableName,
      Key: key,
      UpdateExpression: 'ADD #count :delta SET entity = :entity',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':delta': delta, ':entity': 'PartitionCounter' },
    },
  };
}

/**
 * The counter writes for one item written as `next` (undefined: deleted) over `previous` (undefined: new), both
 * as stored (with their index attributes): +1 for each counted partition it joins, -1 for each it leaves.
 */
export function countChanges(table: TableContext, next: Record<string, unknown> | undefined, previous: Record<string, unknown> | undefined): TransactItem[] {
  const item = next ?? previous;
  if (!item) return [];
  const shard = shardOf(`${item.pk}\u0000${item.sk}`);
  return (Object.keys(COUNTED_PARTITIONS) as CountedIndex[]).flatMap((index) => {
    const attribute = `${index}pk`;
    const before = previous?.[attribute];
    const after = next?.[attribute];
    if (before === after) return [];
    return [
      ...(isCounted(index, before) ? [counterUpdate(table, { index, partition: before }, shard, -1)] : []),
      ...(isCounted(index, after) ? [counterUpdate(table, { index, partition: after }, shard, 1)] : []),
    ];
  });
}

/**
 * A transaction may write an item only once, and two items of one transaction can move the same counter shard: the
 * counter writes are summed per shard and go last (a zero sum is left out). `positions[i]` is the position in
 * `items` of the written item at `i`, so that failed conditions can be reported at the caller's positions.
 */
export function mergeCounterWrites(table: TableContext, items: readonly TransactItem[]): { items: TransactItem[]; positions: number[] } {
  const kept: TransactItem[] = [];
  const positions: number[] = [];
  const sums = new Map<string, { key: ItemKey; delta: number; position: number }>();
  items.forEach((item, position) => {
    const counter = counterWrites.get(item);
    if (!counter) {
      kept.push(item);
      positions.push(position);
      return;
    }
    const id = `${counter.key.pk}\u0000${counter.key.sk}`;
    const sum = sums.get(id);
    if (sum) sum.delta += counter.delta;
    else sums.set(id, { ...counter, position });
  });
  for (const { key, delta, position } of sums.values()) {
    if (delta === 0) continue;
    kept.push(counterUpdateOf(table, key, delta));
    positions.push(position);
  }
  return { items: kept, positions };
}

/** The items in a counted partition, counted by a query (exact, but it reads the whole partition). */
export function countByQuery(table: TableContext, { index, partition }: CountedPartition): Promise<number> {
  return countPartition(table, index, partition);
}

interface CounterItem {
  count?: number;
  base?: number;
}

/** The counter's items read at once: the base (undefined until started) and the shards' sum. */
async function counterState(table: TableContext, counted: CountedPartition): Promise<{ base: number | undefined; shards: number }> {
  const keys = [counterKeys.base(counted), ...allShards().map((shard) => counterKeys.shard(counted, shard))];
  const items = await batchGet<CounterItem>(table, keys);
  const baseItem = items.find((item) => item.base !== undefined);
  return { base: baseItem?.base, shards: items.reduce((sum, item) => sum + (item.count ?? 0), 0) };
}

/**
 * How many items the partition holds: base + shards once the counter is started (one BatchGetItem), else counted
 * by a query, which is exact at any size but reads the whole partition (a table created before the counters, until
 * the count-partitions job has started them).
 */
export async function partitionCount(table: TableContext, counted: CountedPartition): Promise<number> {
  const { base, shards } = await counterState(table, counted);
  return base === undefined ? countByQuery(table, counted) : base + shards;
}

export interface CounterReport extends CountedPartition {
  /** What the counter says after the run. */
  counted: number;
  /** `started`: the counter had no base and now has one; `checked`: it had one and a count agreed; `drifted`: a count disagreed. */
  outcome: 'started' | 'checked' | 'drifted';
  /** On drift: what the count found, and the counter said. */
  found?: number;
}

const START_ATTEMPTS = 5;

/**
 * Starts a counter that has no base: base = a count of the partition - the shards' sum. Writes go on meanwhile and
 * change the shards in their own transactions, so the count is taken between two reads of the shards, and only
 * when they agree (no item joined or left while it was counted) is the base stored, on the condition that none
 * exists yet. A started counter is only checked: a disagreement is reported, never overwritten, since a count
 * taken while writes go on can be off by the writes in flight.
 */
export async function startOrCheckCounter(table: TableContext, counted: CountedPartition): Promise<CounterReport> {
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    const before = await counterState(table, counted);
    const found = await countByQuery(table, counted);
    const after = await counterState(table, counted);
    if (before.shards !== after.shards || before.base !== after.base) continue;
    if (after.base !== undefined) {
      const total = after.base + after.shards;
      return total === found ? { ...counted, counted: total, outcome: 'checked' } : { ...counted, counted: total, outcome: 'drifted', found };
    }
    const stored = await table.client
      .send(
        new PutCommand({
          TableName: table.tableName,
          Item: { ...counterKeys.base(counted), entity: 'PartitionCounter', base: found - after.shards, startedAt: new Date().toISOString() },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .then(
        () => true,
        (error: { name?: string }) => {
          if (error?.name === 'ConditionalCheckFailedException') return false;
          throw error;
        },
      );
    if (stored) return { ...counted, counted: found, outcome: 'started' };
  }
  throw new Error(`the counter of ${counted.index} ${counted.partition} kept changing while it was counted; run the job again`);
}

/** The count-partitions job: every counter started or checked, one after another (each reads its whole partition). */
export async function startOrCheckCounters(table: TableContext): Promise<{ countersStarted: number; countersChecked: number; countersDrifted: number }> {
  const report = { countersStarted: 0, countersChecked: 0, countersDrifted: 0 };
  for (const counted of countedPartitions()) {
    const result = await startOrCheckCounter(table, counted);
    if (result.outcome === 'started') report.countersStarted++;
    else if (result.outcome === 'checked') report.countersChecked++;
    else {
      report.countersDrifted++;
      log('WARN', 'partition counter drifted', { index: result.index, partition: result.partition, counter: result.counted, found: result.found });
    }
  }
  return report;
}
